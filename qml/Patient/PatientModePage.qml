pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Patient mode: the phone is in the patient's hands. Only the consent flow is
// reachable; the only other way out is locking, which needs the clinician's passcode.
Page {
    id: root

    signal lockRequested()

    title: qsTr("Patient consent")
    background: Rectangle { color: Theme.patientBackground }

    header: TitleBar {
        title: root.title
    }

    ColumnLayout {
        x: Theme.pageMargin
        y: Theme.pageMargin
        width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Consent form")
            font.pixelSize: Theme.fontHeadline
            color: Theme.text
            wrapMode: Text.Wrap
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("The consent steps appear here. When you have finished, please hand the phone back to your clinician.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "lock"
            text: qsTr("Lock and return to clinician")
            Accessible.name: text
            onClicked: root.lockRequested()
        }
    }
}
