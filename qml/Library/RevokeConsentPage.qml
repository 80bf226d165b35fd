pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Recording the revocation of the consent Revocation shows: how it was received (signed
// by the patient on this device, a written letter photographed, or another way with a
// note) and when (not in the future; now by default). It takes effect at once and is
// final, so the clinician confirms before it is recorded.
Page {
    id: root

    // How it was received: a code of Vocabulary.revocationMethods().
    property string method: "signed_on_device"
    // The photo of the letter, once taken or imported (stored as revocation evidence).
    property string evidencePhotoId: ""
    property string problem: ""
    // The capture page was asked for the letter and has not come back yet.
    property bool awaitingLetter: false

    signal backRequested()
    signal revoked()
    // The camera (or a file) for a photo stored for the patient in role
    // ("revocation_evidence"); the stack shows the capture page over this one.
    signal captureRequested(string role)

    function submit(): void {
        root.problem = ""
        if (Revocation.revoke(root.method, dateField.text, timeField.text, noteField.text,
                              root.evidencePhotoId, pad.strokes, pad.padWidth, pad.padHeight))
            root.revoked()
    }

    title: qsTr("Record revocation")
    background: Rectangle { color: Theme.background }
    Component.onCompleted: Revocation.clearMessages()
    StackView.onActivated: root.awaitingLetter = false

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    Flickable {
        id: scroller

        anchors.fill: parent
        objectName: "revokeScroller"
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
                text: qsTr("A revocation takes effect as soon as it is recorded and is final: nothing this consent covers can be shared again, and every post that depends on it must be taken down.")
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }

            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Consent")
                value: qsTr("Signed by %1, sealed %2").arg(Revocation.signerName).arg(Revocation.sealedAt)
            }

            SectionHeading { text: qsTr("How was it received?") }

            ButtonGroup { id: methods }

            Repeater {
                model: Vocabulary.revocationMethods()

                delegate: ChoiceRadio {
                    id: choice

                    required property var modelData

                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "method_" + choice.modelData.code
                    text: choice.modelData.label
                    checked: root.method === choice.modelData.code
                    ButtonGroup.group: methods
                    onClicked: {
                        root.method = choice.modelData.code
                        Revocation.clearMessages()
                    }
                }
            }

            // Signed in person: the patient signs on the pad.
            Label {
                Layout.fillWidth: true
                visible: root.method === "signed_on_device"
                text: qsTr("Hand the phone to the patient (or the person who signed the consent) to sign below.")
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }

            SignaturePad {
                id: pad

                Layout.fillWidth: true
                visible: root.method === "signed_on_device"
                objectName: "revocationPad"
                label: qsTr("Signature cancelling the consent")
                onEdited: root.problem = ""
            }

            RowLayout {
                Layout.fillWidth: true
                visible: root.method === "signed_on_device"
                spacing: Theme.spacingSmall

                Button {
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "undoRevocationStroke"
                    text: qsTr("Undo")
                    enabled: !pad.empty
                    Accessible.name: text
                    onClicked: pad.undo()
                }

                Button {
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "clearRevocationSignature"
                    text: qsTr("Clear")
                    enabled: !pad.empty
                    Accessible.name: text
                    onClicked: pad.clear()
                }
            }

            // A written letter: photographed with the camera, or imported from a file.
            Label {
                Layout.fillWidth: true
                visible: root.method === "written_letter"
                text: root.evidencePhotoId.length > 0
                      ? qsTr("The letter is photographed and will be kept with the revocation.")
                      : qsTr("Photograph the patient's signed letter. The photo is stored encrypted with the revocation.")
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }

            Image {
                Layout.preferredWidth: Theme.previewThumbnail
                Layout.preferredHeight: Theme.previewThumbnail
                visible: root.method === "written_letter" && root.evidencePhotoId.length > 0
                objectName: "letterPhoto"
                source: root.evidencePhotoId.length > 0 ? "image://vault/thumb/" + root.evidencePhotoId : ""
                sourceSize.width: Theme.previewThumbnail * 2
                sourceSize.height: Theme.previewThumbnail * 2
                fillMode: Image.PreserveAspectFit
                cache: false
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("Photo of the letter")
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                visible: root.method === "written_letter"
                objectName: "photographLetter"
                text: root.evidencePhotoId.length > 0 ? qsTr("Photograph the letter again")
                                                      : qsTr("Photograph the letter")
                Accessible.name: text
                onClicked: {
                    root.awaitingLetter = true
                    root.captureRequested("revocation_evidence")
                }
            }

            SectionHeading { text: qsTr("When was it received?") }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.spacingSmall
                rowSpacing: 0

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Date (year-month-day)")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    Accessible.ignored: true
                }

                Label {
                    text: qsTr("Time")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    Accessible.ignored: true
                }

                TextField {
                    id: dateField

                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "receivedDate"
                    text: Revocation.today()
                    placeholderText: qsTr("Date (year-month-day)")
                    inputMethodHints: Qt.ImhDate
                    Accessible.name: qsTr("Date received, year-month-day")
                }

                TextField {
                    id: timeField

                    Layout.preferredWidth: Theme.previewThumbnail * 0.75
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "receivedTime"
                    text: Revocation.timeNow()
                    placeholderText: qsTr("Time")
                    inputMethodHints: Qt.ImhTime
                    Accessible.name: qsTr("Time received, hours and minutes")
                }
            }

            TextArea {
                id: noteField

                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget * 2
                objectName: "revocationNote"
                placeholderText: root.method === "other"
                                 ? qsTr("How it was received (required), for example by phone and then by e-mail")
                                 : qsTr("Note (optional)")
                wrapMode: TextEdit.Wrap
                Accessible.name: root.method === "other" ? qsTr("How it was received") : qsTr("Note")
            }

            MessageBanner {
                Layout.fillWidth: true
                objectName: "revocationError"
                text: root.problem.length > 0 ? root.problem : Revocation.errorMessage
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "recordRevocationNow"
                text: qsTr("Record revocation")
                highlighted: true
                Accessible.name: text
                onClicked: {
                    Revocation.clearMessages()
                    if (root.method === "signed_on_device") {
                        root.problem = Revocation.signatureProblem(pad.strokes, pad.padWidth, pad.padHeight)
                        if (root.problem.length > 0)
                            return
                    }
                    confirm.open()
                }
            }
        }
    }

    Dialog {
        id: confirm

        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 2 * Theme.pageMargin : 0, Theme.contentMaxWidth)
        modal: true
        title: qsTr("Record this revocation?")

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: qsTr("It can't be undone. Only a new consent can allow these items again.")
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall

                Button {
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "cancelRevocation"
                    text: qsTr("Cancel")
                    flat: true
                    Accessible.name: text
                    onClicked: confirm.close()
                }

                Button {
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "confirmRevocation"
                    text: qsTr("Revoke")
                    highlighted: true
                    Accessible.name: text
                    onClicked: {
                        confirm.close()
                        root.submit()
                    }
                }
            }
        }
    }

    // The letter's photo, from the capture page the stack shows over this one.
    Connections {
        target: Capture

        function onPhotosSaved(photoIds: var): void {
            if (root.awaitingLetter && photoIds.length > 0)
                root.evidencePhotoId = photoIds[photoIds.length - 1]
        }

        function onFileImported(photoId: string): void {
            if (root.awaitingLetter)
                root.evidencePhotoId = photoId
        }
    }
}
