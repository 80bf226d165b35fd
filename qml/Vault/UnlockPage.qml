pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The locked vault: enter the passcode, or use quick unlock when it is enabled.
// While the controller backs off after wrong passcodes, entry is disabled and a
// countdown shows how long remains.
Page {
    id: root

    required property bool busy
    required property string errorMessage
    required property int backoffSeconds
    required property int failedAttempts
    required property bool quickUnlockEnabled

    readonly property bool backingOff: root.backoffSeconds > 0
    readonly property bool canUnlock: passcodeField.text.length > 0 && !root.busy && !root.backingOff

    signal unlockRequested(string passcode)
    signal quickUnlockRequested()

    function submit(): void {
        if (root.canUnlock)
            root.unlockRequested(passcodeField.text)
    }

    // A finished attempt (right or wrong) clears the entry.
    onBusyChanged: {
        if (!root.busy)
            passcodeField.clear()
    }

    title: qsTr("Vault locked")
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
                text: qsTr("Welcome back")
                font.pixelSize: Theme.fontHeadline
                color: Theme.text
                wrapMode: Text.Wrap
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Enter your passcode to unlock the vault.")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            PasscodeField {
                id: passcodeField

                Layout.fillWidth: true
                objectName: "passcode"
                label: qsTr("Passcode")
                enabled: !root.busy && !root.backingOff
                onAccepted: root.submit()
            }

            MessageBanner {
                Layout.fillWidth: true
                objectName: "error"
                text: root.errorMessage
            }

            Label {
                Layout.fillWidth: true
                objectName: "backoff"
                visible: root.backingOff
                text: qsTr("Try again in %n second(s).", "", root.backoffSeconds)
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.error
                wrapMode: Text.Wrap
                Accessible.name: text
            }

            Label {
                Layout.fillWidth: true
                objectName: "failedAttempts"
                visible: root.failedAttempts > 0
                text: qsTr("%n failed attempt(s) since the last unlock.", "", root.failedAttempts)
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
                Accessible.name: text
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "unlock"
                text: qsTr("Unlock")
                highlighted: true
                enabled: root.canUnlock
                Accessible.name: text
                onClicked: root.submit()
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "quickUnlock"
                visible: root.quickUnlockEnabled
                text: qsTr("Quick unlock")
                flat: true
                enabled: !root.busy && !root.backingOff
                Accessible.name: text
                onClicked: root.quickUnlockRequested()
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Theme.busyIndicatorSize
                Layout.preferredHeight: Theme.busyIndicatorSize
                objectName: "busy"
                running: root.busy
                visible: root.busy
                Accessible.name: qsTr("Unlocking")
            }
        }
    }
}
