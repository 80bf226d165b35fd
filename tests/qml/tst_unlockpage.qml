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
    }

    Component {
        id: pageComponent

        UnlockPage {
            anchors.fill: parent
            busy: fake.busy
            errorMessage: fake.errorMessage
            backoffSeconds: fake.backoffSeconds
            failedAttempts: fake.failedAttempts
            quickUnlockEnabled: fake.quickUnlockEnabled
        }
    }

    SignalSpy {
        id: unlockSpy
        signalName: "unlockRequested"
    }

    SignalSpy {
        id: quickSpy
        signalName: "quickUnlockRequested"
    }

    TestCase {
        name: "UnlockPage"
        when: windowShown

        property var page: null

        function init() {
            fake.busy = false
            fake.errorMessage = ""
            fake.backoffSeconds = 0
            fake.failedAttempts = 0
            fake.quickUnlockEnabled = false
            page = createTemporaryObject(pageComponent, root)
            verify(page)
            unlockSpy.clear()
            unlockSpy.target = page
            quickSpy.clear()
            quickSpy.target = page
        }

        function passcodeField(): var {
            const f = finder.byAccessibleName(page, "Passcode", finder.isTextField)
            verify(f)
            return f
        }

        function unlockButton(): var {
            const b = finder.byAccessibleName(page, "Unlock", finder.isButton)
            verify(b)
            return b
        }

        function typePasscode(text: string) {
            passcodeField().forceActiveFocus()
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function test_unlockSendsThePasscode() {
            verify(!unlockButton().enabled, "nothing typed yet")
            typePasscode("482915")
            verify(unlockButton().enabled)
            mouseClick(unlockButton())
            compare(unlockSpy.count, 1)
            compare(unlockSpy.signalArguments[0][0], "482915")
        }

        function test_enterKeyUnlocks() {
            typePasscode("482915")
            keyClick(Qt.Key_Return)
            compare(unlockSpy.count, 1)
        }

        function test_wrongPasscodeErrorIsShown() {
            fake.failedAttempts = 1
            fake.errorMessage = "Wrong passcode."
            verify(findChild(page, "error").visible)
            verify(finder.byAccessibleName(page, "Wrong passcode."))
            const attempts = findChild(page, "failedAttempts")
            verify(attempts.visible)
            verify(attempts.text.indexOf("1") >= 0)
        }

        function test_backoffDisablesEntryAndCountsDown() {
            typePasscode("000000")
            fake.failedAttempts = 3
            fake.backoffSeconds = 5
            verify(!passcodeField().enabled, "the field is disabled while backing off")
            verify(!unlockButton().enabled)
            const countdown = findChild(page, "backoff")
            verify(countdown.visible)
            verify(countdown.text.indexOf("5") >= 0)
            mouseClick(unlockButton())
            keyClick(Qt.Key_Return)
            compare(unlockSpy.count, 0, "no attempt while backing off")

            fake.backoffSeconds = 4
            verify(countdown.text.indexOf("4") >= 0, "the countdown follows the controller")

            fake.backoffSeconds = 0
            verify(!countdown.visible)
            verify(passcodeField().enabled)
        }

        function test_busyShowsIndicatorAndClearsAfterwards() {
            typePasscode("482915")
            mouseClick(unlockButton())
            fake.busy = true
            verify(findChild(page, "busy").running)
            verify(!passcodeField().enabled)
            verify(!unlockButton().enabled)
            fake.busy = false
            compare(passcodeField().text, "", "a finished attempt leaves nothing typed")
        }

        function test_quickUnlockOnlyWhenEnabled() {
            verify(!finder.byAccessibleName(page, "Quick unlock", finder.isButton))
            fake.quickUnlockEnabled = true
            const quick = finder.byAccessibleName(page, "Quick unlock", finder.isButton)
            verify(quick)
            mouseClick(quick)
            compare(quickSpy.count, 1)
        }
    }
}
