pragma ComponentBehavior: Bound

import QtQuick
import QtTest
import ConsentCam

Item {
    id: root

    width: 412
    height: 915

    Finder {
        id: finder
    }

    FakeController {
        id: fake

        property string noticeMessage: ""
        property int autoLockSeconds: 120
        property bool quickUnlockAvailable: true
    }

    Component {
        id: pageComponent

        SettingsPage {
            id: page

            anchors.fill: parent
            busy: fake.busy
            errorMessage: fake.errorMessage
            noticeMessage: fake.noticeMessage
            autoLockSeconds: fake.autoLockSeconds
            autoLockChoices: [30, 60, 120, 300, 600]
            quickUnlockAvailable: fake.quickUnlockAvailable
            quickUnlockEnabled: fake.quickUnlockEnabled
            newPasscodeStrong: fake.passcodeStrong(page.newPasscode)
        }
    }

    SignalSpy {
        id: changeSpy
        signalName: "changePasscodeRequested"
    }

    SignalSpy {
        id: autoLockSpy
        signalName: "autoLockChosen"
    }

    SignalSpy {
        id: quickSpy
        signalName: "quickUnlockToggled"
    }

    TestCase {
        name: "SettingsPage"
        when: windowShown

        property var page: null

        function init() {
            fake.busy = false
            fake.errorMessage = ""
            fake.noticeMessage = ""
            fake.autoLockSeconds = 120
            fake.quickUnlockAvailable = true
            fake.quickUnlockEnabled = false
            page = createTemporaryObject(pageComponent, root)
            verify(page)
            for (const spy of [changeSpy, autoLockSpy, quickSpy]) {
                spy.clear()
                spy.target = page
            }
        }

        function setField(name: string, text: string) {
            const f = finder.byAccessibleName(page, name, finder.isTextField)
            verify(f, name)
            f.text = text
        }

        function button(name: string): var {
            const b = finder.byAccessibleName(page, name, finder.isButton)
            verify(b, name)
            return b
        }

        function test_changePasscodeNeedsCurrentStrongAndMatching() {
            const change = button("Change passcode")
            verify(!change.enabled)
            setField("New passcode", "654321")
            setField("Confirm new passcode", "654321")
            verify(!change.enabled, "the current passcode is required")
            setField("Current passcode", "482915")
            verify(change.enabled)
            setField("Confirm new passcode", "654320")
            verify(!change.enabled, "the entries must match")
            setField("New passcode", "1234")
            setField("Confirm new passcode", "1234")
            verify(!change.enabled, "the new passcode must be strong")

            setField("New passcode", "654321")
            setField("Confirm new passcode", "654321")
            mouseClick(change)
            compare(changeSpy.count, 1)
            compare(changeSpy.signalArguments[0][0], "482915")
            compare(changeSpy.signalArguments[0][1], "654321")
        }

        function test_successClearsTheFields() {
            setField("Current passcode", "482915")
            setField("New passcode", "654321")
            setField("Confirm new passcode", "654321")
            fake.noticeMessage = "Passcode changed."
            verify(findChild(page, "notice").visible)
            compare(finder.byAccessibleName(page, "Current passcode", finder.isTextField).text, "")
            compare(finder.byAccessibleName(page, "New passcode", finder.isTextField).text, "")
        }

        function test_autoLockChoices() {
            const labels = ["30 seconds", "1 minute", "2 minutes", "5 minutes", "10 minutes"]
            for (const label of labels)
                verify(button(label), label)
            verify(button("2 minutes").checked, "the current value is selected")
            button("5 minutes").clicked()
            compare(autoLockSpy.count, 1)
            compare(autoLockSpy.signalArguments[0][0], 300)
        }

        function test_quickUnlockFollowsTheController() {
            const toggle = button("Quick unlock")
            verify(toggle.enabled)
            verify(!toggle.checked)
            toggle.toggle()
            toggle.toggled()
            compare(quickSpy.count, 1)
            compare(quickSpy.signalArguments[0][0], true)
            verify(!toggle.checked, "stays off until the key store confirms")
            fake.quickUnlockEnabled = true
            verify(toggle.checked)
        }

        function test_quickUnlockUnavailable() {
            fake.quickUnlockAvailable = false
            verify(!button("Quick unlock").enabled)
        }
    }
}
