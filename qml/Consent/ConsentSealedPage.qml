pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConsentCam

// After the clinician countersigned: the consent is sealed and patient mode is over. The
// signer's PDF copy is given through the platform's share sheet (on a desktop: saved into
// a folder the clinician picks).
Page {
    id: root

    required property string consentId

    signal doneRequested()

    title: qsTr("Consent sealed")
    Component.onCompleted: ConsentCopy.clearMessages()

    FolderDialog {
        id: folderDialog

        title: qsTr("Save the patient's copy in")
        onAccepted: ConsentCopy.giveCopy(root.consentId, folderDialog.selectedFolder)
    }
    background: Rectangle { color: Theme.background }

    header: TitleBar {
        title: root.title
    }

    ColumnLayout {
        x: Theme.pageMargin
        y: Theme.pageMargin
        width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
        spacing: Theme.spacing

        MessageBanner {
            Layout.fillWidth: true
            isError: false
            text: qsTr("The consent was sealed and signed with this device's key. Patient mode has ended.")
        }

        InfoRow {
            Layout.fillWidth: true
            objectName: "sealedConsentId"
            label: qsTr("Record ID")
            value: root.consentId
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "giveCopy"
            text: qsTr("Give the patient a copy (PDF)")
            enabled: !ConsentCopy.busy
            Accessible.name: text
            onClicked: {
                ConsentCopy.clearMessages()
                if (ConsentCopy.needsFolder)
                    folderDialog.open()
                else
                    ConsentCopy.giveCopy(root.consentId, "")
            }
        }

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            visible: ConsentCopy.busy
            running: ConsentCopy.busy
            Accessible.name: qsTr("Making the copy")
        }

        MessageBanner {
            Layout.fillWidth: true
            isError: false
            text: ConsentCopy.noticeMessage
        }

        MessageBanner {
            Layout.fillWidth: true
            text: ConsentCopy.errorMessage
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "sealedDone"
            text: qsTr("Done")
            highlighted: true
            Accessible.name: text
            onClicked: root.doneRequested()
        }
    }
}
