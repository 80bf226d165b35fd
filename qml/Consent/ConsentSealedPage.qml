pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// After the clinician countersigned: the consent is sealed and patient mode is over.
Page {
    id: root

    required property string consentId

    signal doneRequested()

    title: qsTr("Consent sealed")
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
            objectName: "sealedDone"
            text: qsTr("Done")
            highlighted: true
            Accessible.name: text
            onClicked: root.doneRequested()
        }
    }
}
