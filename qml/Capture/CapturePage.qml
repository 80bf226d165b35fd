pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import ConsentCam

// Photos of one patient: taken with the camera (a live preview, the shutter, front/back
// and the torch) or imported from a file. Each shot waits below the preview until it is
// kept or deleted; "Save" stores the kept ones in the vault and ends the page. Shots not
// saved are wiped from memory when the page goes or the vault locks (Capture decides).
Page {
    id: root

    required property string patientId
    required property string patientName
    // What the photos are: "clinical" (the default), "authority_document" for the paper
    // that lets a representative sign for the patient, "revocation_evidence" for a written
    // revocation, "takedown_evidence" for proof that a post was removed.
    property string role: "clinical"

    // A confirmation after a file import (errors come from Capture.errorMessage).
    property string importNotice: ""

    // The page is finished: photos saved, or left. The stack pops it.
    signal done()

    function save(): void {
        root.importNotice = ""
        const saved = Capture.saveKept(root.patientId, root.role)
        if (saved.length > 0 && Capture.errorMessage.length === 0)
            root.done()
    }

    function importChosen(fileUrl: url): void {
        const photoId = Capture.importFile(root.patientId, fileUrl, root.role)
        root.importNotice = photoId.length > 0 ? qsTr("Photo imported into the vault.") : ""
    }

    title: {
        switch (root.role) {
        case "authority_document":
            return qsTr("Photo of the authority document")
        case "revocation_evidence":
            return qsTr("Photo of the revocation letter")
        case "takedown_evidence":
            return qsTr("Screenshot of the removed post")
        }
        return qsTr("Photos of %1").arg(root.patientName)
    }
    background: Rectangle { color: Theme.background }

    Component.onCompleted: {
        Capture.setPreviewSink(preview.videoSink)
        Capture.start()
    }
    Component.onDestruction: {
        Capture.setPreviewSink(null)
        Capture.stop()
    }

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: root.done()
    }

    FileDialog {
        id: fileDialog

        title: qsTr("Import a photo")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Photos (*.jpg *.jpeg *.png)")]
        onAccepted: root.importChosen(fileDialog.selectedFile)
    }

    Flickable {
        anchors.fill: parent
        objectName: "captureScroller"
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: content

            x: Theme.pageMargin
            y: Theme.pageMargin
            width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
            spacing: Theme.spacing

            MessageBanner {
                Layout.fillWidth: true
                objectName: "error"
                text: Capture.errorMessage
            }

            // The live preview, or what to do without a camera.
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: Capture.cameraAvailable ? Theme.previewHeight
                                                                : Theme.noCameraHeight
                radius: Theme.radius
                color: Theme.previewBackground
                clip: true

                VideoOutput {
                    id: preview

                    anchors.fill: parent
                    objectName: "preview"
                    visible: Capture.cameraAvailable && Capture.active
                    fillMode: VideoOutput.PreserveAspectFit
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("Camera preview")
                }

                ColumnLayout {
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.spacing
                    visible: !Capture.cameraAvailable
                    spacing: Theme.spacingSmall

                    Label {
                        Layout.fillWidth: true
                        objectName: "noCamera"
                        text: qsTr("No camera found")
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.previewText
                        font.pixelSize: Theme.fontTitle
                    }

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("You can import a photo from a file instead.")
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.previewText
                        font.pixelSize: Theme.fontBody
                    }
                }

                Button {
                    anchors.centerIn: parent
                    objectName: "restartCamera"
                    visible: Capture.cameraAvailable && !Capture.active
                    height: Math.max(implicitHeight, Theme.touchTarget)
                    text: qsTr("Start the camera")
                    Accessible.name: text
                    onClicked: Capture.start()
                }
            }

            RowLayout {
                Layout.fillWidth: true
                visible: Capture.cameraAvailable
                spacing: Theme.spacingSmall

                Button {
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "switchCamera"
                    visible: Capture.canSwitchCamera
                    enabled: Capture.active
                    text: qsTr("Switch camera")
                    flat: true
                    Accessible.name: text
                    onClicked: Capture.switchCamera()
                }

                Item {
                    Layout.fillWidth: true
                }

                Switch {
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "torch"
                    visible: Capture.torchSupported
                    enabled: Capture.active
                    checked: Capture.torchOn
                    text: qsTr("Torch")
                    Accessible.name: text
                    onToggled: Capture.setTorch(checked)
                }
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.shutterHeight
                objectName: "shutter"
                visible: Capture.cameraAvailable
                enabled: Capture.active && !Capture.busy
                highlighted: true
                text: qsTr("Take photo")
                font.pixelSize: Theme.fontTitle
                Accessible.name: text
                onClicked: {
                    root.importNotice = ""
                    Capture.shoot()
                }
            }

            Label {
                Layout.fillWidth: true
                visible: Capture.shotCount > 0
                text: qsTr("Keep the photos you want to save, delete the others.")
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }

            GridLayout {
                Layout.fillWidth: true
                objectName: "review"
                visible: Capture.shotCount > 0
                columns: 2
                columnSpacing: Theme.spacingSmall
                rowSpacing: Theme.spacing

                Repeater {
                    model: Capture.shots

                    delegate: ColumnLayout {
                        id: shot

                        required property int index
                        required property string shotId
                        required property url source
                        required property bool kept

                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        spacing: Theme.spacingSmall

                        Image {
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.shotThumbHeight
                            source: shot.source
                            sourceSize.height: Theme.shotThumbHeight
                            fillMode: Image.PreserveAspectFit
                            // The pixels stay in the controller's memory only.
                            cache: false
                            Accessible.role: Accessible.Graphic
                            Accessible.name: qsTr("Photo %1").arg(shot.index + 1)
                        }

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingSmall

                            Button {
                                Layout.fillWidth: true
                                Layout.minimumHeight: Theme.touchTarget
                                objectName: "keep"
                                text: shot.kept ? qsTr("Kept") : qsTr("Keep")
                                enabled: !shot.kept
                                highlighted: !shot.kept
                                Accessible.name: text
                                onClicked: Capture.keep(shot.shotId)
                            }

                            Button {
                                Layout.fillWidth: true
                                Layout.minimumHeight: Theme.touchTarget
                                objectName: "delete"
                                text: qsTr("Delete")
                                flat: true
                                Accessible.name: text
                                onClicked: Capture.discard(shot.shotId)
                            }
                        }
                    }
                }
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "save"
                visible: Capture.shotCount > 0
                enabled: Capture.keptCount > 0
                highlighted: true
                text: qsTr("Save %n photo(s)", "", Capture.keptCount)
                Accessible.name: text
                onClicked: root.save()
            }

            MessageBanner {
                Layout.fillWidth: true
                objectName: "importNotice"
                text: root.importNotice
                isError: false
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "importFile"
                text: qsTr("Import from file…")
                Accessible.name: text
                onClicked: {
                    Capture.clearError()
                    root.importNotice = ""
                    fileDialog.open()
                }
            }

            Label {
                Layout.fillWidth: true
                objectName: "importNote"
                text: qsTr("The file you import is copied into the encrypted vault; the original file stays where it is, outside the vault.")
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
        }
    }
}
