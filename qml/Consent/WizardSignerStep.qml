pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Step 6: who signs: the patient, or a representative with their name, relationship and
// authority to sign for the patient.
ColumnLayout {
    id: root

    readonly property bool representative: ConsentSession.signerRole !== "patient"
    readonly property bool ready: ConsentSession.signerProblem.length === 0

    spacing: Theme.spacing

    SectionHeading { text: qsTr("Who is signing?") }

    ButtonGroup { id: roles }

    Repeater {
        model: ConsentSession.roleChoices

        delegate: ChoiceRadio {
            id: role

            required property var modelData

            Layout.fillWidth: true
            objectName: "role_" + role.modelData.code
            text: role.modelData.label
            Accessible.name: text
            checked: ConsentSession.signerRole === role.modelData.code
            ButtonGroup.group: roles
            onClicked: ConsentSession.signerRole = role.modelData.code
        }
    }

    TextField {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        visible: root.representative
        objectName: "signerName"
        placeholderText: qsTr("Your full name")
        Accessible.name: placeholderText
        text: ConsentSession.signerName
        onTextEdited: ConsentSession.signerName = text
    }

    TextField {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        visible: root.representative
        objectName: "relationship"
        placeholderText: qsTr("Your relationship to the patient (for example: mother)")
        Accessible.name: placeholderText
        text: ConsentSession.relationship
        onTextEdited: ConsentSession.relationship = text
    }

    TextField {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        visible: root.representative
        objectName: "authority"
        placeholderText: qsTr("Your authority to sign (for example: parent of a minor, court order)")
        Accessible.name: placeholderText
        text: ConsentSession.authority
        onTextEdited: ConsentSession.authority = text
    }

    Label {
        Layout.fillWidth: true
        visible: root.representative
        text: qsTr("Optional: a photo of the document that gives you this authority.")
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
    }

    Image {
        Layout.preferredWidth: Theme.previewThumbnail
        Layout.preferredHeight: Theme.previewThumbnail
        visible: root.representative && ConsentSession.authorityDocument.length > 0
        source: ConsentSession.authorityDocumentSource
        sourceSize.width: Theme.previewThumbnail * 2
        sourceSize.height: Theme.previewThumbnail * 2
        fillMode: Image.PreserveAspectFit
        cache: false
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("Photo of the authority document")
    }

    RowLayout {
        Layout.fillWidth: true
        visible: root.representative
        spacing: Theme.spacingSmall

        Button {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "addAuthorityDocument"
            text: ConsentSession.authorityDocument.length > 0 ? qsTr("Take another photo")
                                                              : qsTr("Photograph the document")
            Accessible.name: text
            onClicked: documentCapture.open()
        }

        Button {
            Layout.minimumHeight: Theme.touchTarget
            visible: ConsentSession.authorityDocument.length > 0
            text: qsTr("Remove the photo")
            Accessible.name: text
            onClicked: ConsentSession.setAuthorityDocument("")
        }
    }

    MessageBanner {
        Layout.fillWidth: true
        text: ConsentSession.signerProblem
    }

    MessageBanner {
        Layout.fillWidth: true
        text: ConsentSession.errorMessage
    }

    // The camera (or a file), in patient mode: the photo is stored as the patient's
    // authority document and sealed with the consent by its hash.
    Popup {
        id: documentCapture

        parent: Overlay.overlay
        anchors.centerIn: parent
        width: parent ? parent.width : 0
        height: parent ? parent.height : 0
        modal: true
        padding: 0

        Loader {
            anchors.fill: parent
            active: documentCapture.opened

            sourceComponent: CapturePage {
                patientId: ConsentSession.patientId
                patientName: ConsentSession.patientName
                role: "authority_document"
                onDone: documentCapture.close()
            }
        }
    }

    Connections {
        target: Capture

        function onPhotosSaved(photoIds: var): void {
            if (documentCapture.opened && photoIds.length > 0)
                ConsentSession.setAuthorityDocument(photoIds[photoIds.length - 1])
        }

        function onFileImported(photoId: string): void {
            if (documentCapture.opened)
                ConsentSession.setAuthorityDocument(photoId)
        }
    }
}
