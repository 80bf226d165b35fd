pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The clinician's profile, the practice policy, and the security settings: change the
// passcode, the auto-lock timeout and quick unlock.
Page {
    id: root

    required property bool busy
    required property string errorMessage
    required property string noticeMessage
    required property int autoLockSeconds
    required property list<int> autoLockChoices
    required property bool quickUnlockAvailable
    required property bool quickUnlockEnabled
    // Whether `newPasscode` meets the rule; the controller decides (AppController.passcodeStrong).
    required property bool newPasscodeStrong

    // The stored clinician profile and practice policy (PracticeSettings).
    required property string clinicianName
    required property string clinicianCredentials
    required property string practiceName
    required property string practiceContact
    required property bool profileComplete
    required property bool witnessRequired
    required property int maxDurationDays
    required property int longestMaxDurationDays
    required property var allowedPlatforms
    // [{code, label}] for every platform (Vocabulary.platforms()).
    required property var platformChoices
    // The answer to the last profile or policy save; shown in the section that was saved.
    required property string practiceErrorMessage
    required property string practiceNoticeMessage

    readonly property string newPasscode: newField.text
    readonly property bool newPasscodesMatch: newField.text.length > 0
                                              && newField.text === confirmField.text
    readonly property bool canChange: currentField.text.length > 0 && root.newPasscodeStrong
                                      && root.newPasscodesMatch && !root.busy

    signal backRequested()
    signal changePasscodeRequested(string current, string replacement)
    signal autoLockChosen(int seconds)
    signal quickUnlockToggled(bool enabled)
    signal clinicianSaveRequested(string name, string credentials, string practice, string contact)
    signal policySaveRequested(bool witnessRequired, int maxDurationDays, var allowedPlatforms)

    // Which section's Save was pressed last: "profile", "policy" or "".
    property string savedSection: ""

    function submitChange(): void {
        if (root.canChange)
            root.changePasscodeRequested(currentField.text, newField.text)
    }

    function clearPasscodes(): void {
        currentField.clear()
        newField.clear()
        confirmField.clear()
    }

    // "30 seconds", "2 minutes": a timeout choice as shown to the user.
    function timeoutLabel(seconds: int): string {
        if (seconds < 60 || seconds % 60 !== 0)
            return qsTr("%n second(s)", "", seconds)
        return qsTr("%n minute(s)", "", seconds / 60)
    }

    // A change that went through leaves nothing typed behind.
    onNoticeMessageChanged: {
        if (root.noticeMessage.length > 0)
            root.clearPasscodes()
    }

    title: qsTr("Settings")
    background: Rectangle { color: Theme.background }

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    Flickable {
        anchors.fill: parent
        objectName: "settingsScroller"
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: content

            x: Theme.pageMargin
            y: Theme.pageMargin
            width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
            spacing: Theme.spacing

            ClinicianProfileSection {
                Layout.fillWidth: true
                objectName: "clinicianProfileSection"
                clinicianName: root.clinicianName
                clinicianCredentials: root.clinicianCredentials
                practiceName: root.practiceName
                practiceContact: root.practiceContact
                profileComplete: root.profileComplete
                errorMessage: root.savedSection === "profile" ? root.practiceErrorMessage : ""
                noticeMessage: root.savedSection === "profile" ? root.practiceNoticeMessage : ""
                onSaveRequested: (name, credentials, practice, contact) => {
                    root.savedSection = "profile"
                    root.clinicianSaveRequested(name, credentials, practice, contact)
                }
            }

            MenuSeparator {
                Layout.fillWidth: true
            }

            PolicySection {
                Layout.fillWidth: true
                objectName: "policySection"
                witnessRequired: root.witnessRequired
                maxDurationDays: root.maxDurationDays
                longestMaxDurationDays: root.longestMaxDurationDays
                allowedPlatforms: root.allowedPlatforms
                platformChoices: root.platformChoices
                errorMessage: root.savedSection === "policy" ? root.practiceErrorMessage : ""
                noticeMessage: root.savedSection === "policy" ? root.practiceNoticeMessage : ""
                onSaveRequested: (witnessRequired, maxDurationDays, allowedPlatforms) => {
                    root.savedSection = "policy"
                    root.policySaveRequested(witnessRequired, maxDurationDays, allowedPlatforms)
                }
            }

            MenuSeparator {
                Layout.fillWidth: true
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Change passcode")
                font.pixelSize: Theme.fontTitle
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }

            PasscodeField {
                id: currentField

                Layout.fillWidth: true
                objectName: "currentPasscode"
                label: qsTr("Current passcode")
                enabled: !root.busy
                onAccepted: newField.focusField()
            }

            PasscodeField {
                id: newField

                Layout.fillWidth: true
                objectName: "newPasscode"
                label: qsTr("New passcode")
                enabled: !root.busy
                onAccepted: confirmField.focusField()
            }

            PasscodeField {
                id: confirmField

                Layout.fillWidth: true
                objectName: "confirmNewPasscode"
                label: qsTr("Confirm new passcode")
                enabled: !root.busy
                onAccepted: root.submitChange()
            }

            PasscodeRules {
                Layout.fillWidth: true
                strong: root.newPasscodeStrong
                matching: root.newPasscodesMatch
            }

            MessageBanner {
                Layout.fillWidth: true
                objectName: "error"
                text: root.errorMessage
            }

            MessageBanner {
                Layout.fillWidth: true
                objectName: "notice"
                text: root.noticeMessage
                isError: false
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "changePasscode"
                text: qsTr("Change passcode")
                highlighted: true
                enabled: root.canChange
                Accessible.name: text
                onClicked: root.submitChange()
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Theme.busyIndicatorSize
                Layout.preferredHeight: Theme.busyIndicatorSize
                running: root.busy
                visible: root.busy
                Accessible.name: qsTr("Working")
            }

            MenuSeparator {
                Layout.fillWidth: true
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Text size")
                font.pixelSize: Theme.fontTitle
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }

            ButtonGroup {
                id: textSizeGroup
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Repeater {
                    model: UiPreferences.textScaleChoices

                    RadioButton {
                        required property real modelData
                        required property int index

                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget
                        objectName: "textSize" + index
                        text: [qsTr("Standard"), qsTr("Large"), qsTr("Larger"), qsTr("Largest")][index]
                        checked: Math.abs(modelData - UiPreferences.textScale) < 0.001
                        ButtonGroup.group: textSizeGroup
                        Accessible.name: text
                        onClicked: UiPreferences.setTextScale(modelData)
                    }
                }
            }

            MenuSeparator {
                Layout.fillWidth: true
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Auto-lock")
                font.pixelSize: Theme.fontTitle
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Lock the vault after this long without use. It always locks when you leave the app.")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            ButtonGroup {
                id: timeoutGroup
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Repeater {
                    model: root.autoLockChoices

                    RadioButton {
                        required property int modelData

                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget
                        objectName: "autoLock" + modelData
                        text: root.timeoutLabel(modelData)
                        checked: modelData === root.autoLockSeconds
                        ButtonGroup.group: timeoutGroup
                        Accessible.name: text
                        onClicked: root.autoLockChosen(modelData)
                    }
                }
            }

            MenuSeparator {
                Layout.fillWidth: true
            }

            Switch {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "quickUnlock"
                text: qsTr("Quick unlock")
                enabled: root.quickUnlockAvailable && !root.busy
                checked: root.quickUnlockEnabled
                Accessible.name: text
                onToggled: {
                    root.quickUnlockToggled(checked)
                    // Show the controller's answer, not the finger's.
                    checked = Qt.binding(() => root.quickUnlockEnabled)
                }
            }

            Label {
                Layout.fillWidth: true
                text: root.quickUnlockAvailable
                      ? qsTr("Keeps the vault key in this device's secure key store, so the vault opens without typing the passcode.")
                      : qsTr("Quick unlock needs the device's secure key store, which is not available.")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
        }
    }
}
