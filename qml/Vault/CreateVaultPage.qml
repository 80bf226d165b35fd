pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// First run: choose the passcode that protects the new vault. Create stays disabled
// until the passcode meets the minimum-strength rule and the confirmation matches.
Page {
    id: root

    // Inputs from the controller.
    required property bool busy
    required property string errorMessage
    // Whether `passcode` meets the rule; the controller decides (AppController.passcodeStrong).
    required property bool passcodeStrong

    readonly property string passcode: passcodeField.text
    readonly property bool passcodesMatch: passcodeField.text.length > 0
                                           && passcodeField.text === confirmField.text
    readonly property bool canCreate: root.passcodeStrong && root.passcodesMatch && !root.busy

    signal createRequested(string passcode)

    function submit(): void {
        if (root.canCreate)
            root.createRequested(passcodeField.text)
    }

    title: qsTr("Create vault")
    background: Rectangle { color: Theme.background }

    header: TitleBar {
        title: root.title
    }

    Flickable {
        anchors.fill: parent
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: content

            x: Theme.pageMargin
            y: Theme.pageMargin
            width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: qsTr("Welcome to ConsentCam")
                font.pixelSize: Theme.fontHeadline
                color: Theme.text
                wrapMode: Text.Wrap
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Consents and photos are stored encrypted on this phone. Choose a passcode to protect them. It cannot be recovered if you forget it.")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            PasscodeField {
                id: passcodeField

                Layout.fillWidth: true
                objectName: "passcode"
                label: qsTr("Passcode")
                enabled: !root.busy
                onAccepted: confirmField.focusField()
            }

            PasscodeField {
                id: confirmField

                Layout.fillWidth: true
                objectName: "confirmPasscode"
                label: qsTr("Confirm passcode")
                enabled: !root.busy
                onAccepted: root.submit()
            }

            PasscodeRules {
                Layout.fillWidth: true
                strong: root.passcodeStrong
                matching: root.passcodesMatch
            }

            MessageBanner {
                Layout.fillWidth: true
                objectName: "error"
                text: root.errorMessage
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "create"
                text: qsTr("Create vault")
                highlighted: true
                enabled: root.canCreate
                Accessible.name: text
                onClicked: root.submit()
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Theme.busyIndicatorSize
                Layout.preferredHeight: Theme.busyIndicatorSize
                objectName: "busy"
                running: root.busy
                visible: root.busy
                Accessible.name: qsTr("Working")
            }
        }
    }
}
