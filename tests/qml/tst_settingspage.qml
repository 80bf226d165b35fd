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

        // PracticeSettings' side.
        property string clinicianName: ""
        property string clinicianCredentials: ""
        property string practiceName: ""
        property string practiceContact: ""
        property bool profileComplete: false
        property bool witnessRequired: false
        property int maxDurationDays: 730
        property var allowedPlatforms: []
        property string practiceErrorMessage: ""
        property string practiceNoticeMessage: ""
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
            clinicianName: fake.clinicianName
            clinicianCredentials: fake.clinicianCredentials
            practiceName: fake.practiceName
            practiceContact: fake.practiceContact
            profileComplete: fake.profileComplete
            witnessRequired: fake.witnessRequired
            maxDurationDays: fake.maxDurationDays
            longestMaxDurationDays: 3650
            allowedPlatforms: fake.allowedPlatforms
            platformChoices: Vocabulary.platforms()
            practiceErrorMessage: fake.practiceErrorMessage
            practiceNoticeMessage: fake.practiceNoticeMessage
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

    SignalSpy {
        id: clinicianSpy
        signalName: "clinicianSaveRequested"
    }

    SignalSpy {
        id: policySpy
        signalName: "policySaveRequested"
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
            fake.clinicianName = ""
            fake.clinicianCredentials = ""
            fake.practiceName = ""
            fake.practiceContact = ""
            fake.profileComplete = false
            fake.witnessRequired = false
            fake.maxDurationDays = 730
            fake.allowedPlatforms = ["instagram", "facebook", "x", "tiktok", "linkedin", "youtube",
                                     "threads", "bluesky", "mastodon", "website"]
            fake.practiceErrorMessage = ""
            fake.practiceNoticeMessage = ""
            page = createTemporaryObject(pageComponent, root)
            verify(page)
            for (const spy of [changeSpy, autoLockSpy, quickSpy, clinicianSpy, policySpy]) {
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

        function field(name: string): var {
            const f = finder.byAccessibleName(page, name, finder.isTextField)
            verify(f, name)
            return f
        }

        // An item under `item` (or itself) whose layout is still to be done, or null.
        function polishPending(item: var): var {
            if (isPolishScheduled(item))
                return item
            const children = item.children || []
            for (let i = 0; i < children.length; ++i) {
                const found = children[i].mapToItem ? polishPending(children[i]) : null
                if (found)
                    return found
            }
            return null
        }

        // Lets the layouts take their final geometry, as they do before a frame is drawn.
        function settle() {
            for (let pending = polishPending(page); pending; pending = polishPending(page))
                verify(waitForItemPolished(pending), "layout")
        }

        // Scrolls the page so that `item` is on screen, as a user would before tapping it.
        function reveal(item: var) {
            settle()
            const scroller = findChild(page, "settingsScroller")
            verify(scroller)
            const top = item.mapToItem(scroller.contentItem, 0, 0).y
            const bottom = Math.max(0, scroller.contentHeight - scroller.height)
            scroller.contentY = Math.min(Math.max(0, top - scroller.height / 2), bottom)
            const onScreen = item.mapToItem(scroller, 0, 0).y
            verify(onScreen >= 0 && onScreen + item.height <= scroller.height, "on screen")
        }

        function tap(item: var) {
            reveal(item)
            mouseClick(item)
        }

        readonly property var platformLabels: ["Instagram", "Facebook", "X", "TikTok", "LinkedIn",
            "YouTube", "Threads", "Bluesky", "Mastodon", "The practice's website"]
        readonly property var durationLabels: ["6 months", "1 year", "2 years", "3 years",
            "5 years", "10 years"]

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
            tap(change)
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

        function test_profileStartsFromTheStoredProfile() {
            fake.clinicianName = "Dr. Ana Ruiz"
            fake.clinicianCredentials = "MD, Dermatology"
            fake.practiceName = "Ruiz Dermatology"
            fake.practiceContact = "privacy@ruiz.example"
            compare(field("Your name").text, "Dr. Ana Ruiz")
            compare(field("Credentials").text, "MD, Dermatology")
            compare(field("Practice").text, "Ruiz Dermatology")
            compare(field("Where patients send a written revocation").text, "privacy@ruiz.example")
        }

        function test_profileSaveSendsWhatWasTyped() {
            fake.clinicianName = "Dr. Ana Ruiz"
            setField("Your name", "Dr. Ana Ruiz-Soto")
            setField("Credentials", "MD, Dermatology")
            setField("Practice", "Ruiz Dermatology")
            setField("Where patients send a written revocation", "12 Elm Street, Springfield")
            tap(button("Save profile"))
            compare(clinicianSpy.count, 1)
            compare(clinicianSpy.signalArguments[0][0], "Dr. Ana Ruiz-Soto")
            compare(clinicianSpy.signalArguments[0][1], "MD, Dermatology")
            compare(clinicianSpy.signalArguments[0][2], "Ruiz Dermatology")
            compare(clinicianSpy.signalArguments[0][3], "12 Elm Street, Springfield")
            compare(policySpy.count, 0)
        }

        function test_profileFieldsFollowTheStoredProfile() {
            setField("Your name", "typed")
            fake.clinicianName = "Dr. Ana Ruiz"
            compare(field("Your name").text, "Dr. Ana Ruiz")
        }

        function test_incompleteProfileIsPointedOut() {
            const hint = findChild(page, "profileIncomplete")
            verify(hint)
            verify(hint.visible)
            fake.profileComplete = true
            verify(!hint.visible)
        }

        function test_policyStartsFromTheStoredPolicy() {
            fake.witnessRequired = true
            fake.maxDurationDays = 365
            fake.allowedPlatforms = ["instagram", "website"]
            verify(button("A witness must also sign").checked)
            for (const label of durationLabels)
                compare(button(label).checked, label === "1 year", label)
            for (const label of platformLabels)
                compare(button(label).checked, label === "Instagram"
                        || label === "The practice's website", label)
        }

        function test_policySaveSendsWhatWasChosen() {
            tap(button("A witness must also sign"))
            tap(button("5 years"))
            tap(button("Facebook"))
            tap(button("X"))
            tap(button("Save policy"))
            compare(policySpy.count, 1)
            compare(policySpy.signalArguments[0][0], true)
            compare(policySpy.signalArguments[0][1], 1825)
            compare(Array.from(policySpy.signalArguments[0][2]),
                    ["instagram", "tiktok", "linkedin", "youtube", "threads", "bluesky",
                     "mastodon", "website"])
            compare(clinicianSpy.count, 0)
        }

        function test_policyWithNothingChosenIsStillSent() {
            // The controller decides what is wrong with it and says so.
            fake.allowedPlatforms = ["youtube"]
            tap(button("YouTube"))
            tap(button("Save policy"))
            compare(policySpy.count, 1)
            compare(Array.from(policySpy.signalArguments[0][2]), [])
        }

        function test_policyControlsFollowTheStoredPolicy() {
            tap(button("Facebook"))
            tap(button("10 years"))
            verify(!button("Facebook").checked)
            fake.allowedPlatforms = ["facebook"]
            fake.maxDurationDays = 183
            verify(button("Facebook").checked)
            verify(!button("Instagram").checked)
            verify(button("6 months").checked)
            verify(!button("10 years").checked)
        }

        function test_aStoredDurationThatIsNoChoiceIsOfferedInDays() {
            fake.maxDurationDays = 100
            const custom = button("100 days")
            verify(custom.checked)
            tap(button("Save policy"))
            compare(policySpy.signalArguments[0][1], 100)
        }

        function test_practiceMessagesShowInTheSectionSaved() {
            const policyError = findChild(page, "policyError")
            const profileError = findChild(page, "profileError")
            const profileNotice = findChild(page, "profileNotice")
            tap(button("Save policy"))
            fake.practiceErrorMessage = "Choose at least one platform where posts may appear."
            verify(policyError.visible)
            verify(!profileError.visible)
            tap(button("Save profile"))
            verify(profileError.visible)
            verify(!policyError.visible)
            fake.practiceErrorMessage = ""
            fake.practiceNoticeMessage = "Profile saved."
            verify(profileNotice.visible)
            verify(!findChild(page, "policyNotice").visible)
        }

        function test_newControlsAreNamedAsShownAndBigEnoughToTap() {
            const fields = ["Your name", "Credentials", "Practice",
                            "Where patients send a written revocation"]
            for (const name of fields)
                verify(field(name).height >= Theme.touchTarget, name)
            const buttons = ["Save profile", "A witness must also sign", "Save policy"]
                .concat(durationLabels, platformLabels)
            for (const name of buttons) {
                const b = button(name)
                compare(b.text, name)
                verify(b.height >= Theme.touchTarget, name)
                verify(b.width >= Theme.touchTarget, name)
            }
            // Each platform has its own control.
            compare(new Set(platformLabels.map(label => button(label))).size, platformLabels.length)
        }
    }
}
