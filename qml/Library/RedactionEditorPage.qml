pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Making a redacted copy of a photo: drag a box over what must not be seen, blurred or
// painted over; tap a box to remove it. The regions marked as identifying are outlined,
// and face hints can add a box over each face the detector finds. Saving burns the boxes
// into a new photo linked to this one; the original stays as it is.
Page {
    id: root

    required property string photoId
    required property string source
    // [{x, y, w, h, kind}] as fractions of the photo's width and height.
    property var redactions: []
    property string kind: "blur"
    readonly property var marked: Library.identifyingRegions(root.photoId) ?? []
    readonly property int redactionCount: root.redactions ? root.redactions.length : 0
    property string hintMessage

    signal backRequested()
    signal saved(string copyId)

    function add(box: var): void {
        const copy = root.redactions.slice()
        copy.push({ x: box.x, y: box.y, w: box.w, h: box.h, kind: root.kind })
        root.redactions = copy
    }

    function removeAt(index: int): void {
        const copy = root.redactions.slice()
        copy.splice(index, 1)
        root.redactions = copy
    }

    function addFaceHints(): void {
        const faces = Library.faceHints(root.photoId)
        for (let i = 0; i < faces.length; ++i)
            root.add(faces[i])
        root.hintMessage = faces.length > 0 ? qsTr("%n face(s) found: check each box and add any the detector missed.", "", faces.length)
                                            : qsTr("No face found. Draw the boxes yourself.")
    }

    function coverMarked(): void {
        for (let i = 0; i < root.marked.length; ++i)
            root.add(root.marked[i])
    }

    title: qsTr("Make a redacted copy")
    background: Rectangle { color: Theme.background }

    header: TitleBar {
        title: root.title

        ToolButton {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "back"
            text: qsTr("Cancel")
            Accessible.name: text
            onClicked: root.backRequested()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Drag a box over each face, tattoo or anything else that must not be seen. Tap a box to remove it. Outlined boxes are the regions marked as identifying.")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall

            ChoiceRadio {
                objectName: "kindBlur"
                text: qsTr("Blur")
                checked: root.kind === "blur"
                onClicked: root.kind = "blur"
            }

            ChoiceRadio {
                objectName: "kindSolid"
                text: qsTr("Solid")
                checked: root.kind === "solid"
                onClicked: root.kind = "solid"
            }
        }

        BoxCanvas {
            Layout.fillWidth: true
            Layout.fillHeight: true
            source: root.source
            boxes: root.redactions
            guides: root.marked
            drawHint: qsTr("Photo: drag to cover what must not be seen")
            boxNameFormat: qsTr("Remove redaction %1")
            onAdded: (box) => root.add(box)
            onRemoveRequested: (index) => root.removeAt(index)
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall

            Button {
                height: Theme.touchTarget
                objectName: "faceHints"
                text: qsTr("Suggest faces")
                Accessible.name: qsTr("Suggest boxes over the faces in the photo")
                onClicked: root.addFaceHints()
            }

            Button {
                height: Theme.touchTarget
                objectName: "coverMarked"
                visible: root.marked && root.marked.length > 0
                text: qsTr("Cover marked regions")
                Accessible.name: text
                onClicked: root.coverMarked()
            }

            Button {
                height: Theme.touchTarget
                objectName: "clearRedactions"
                text: qsTr("Remove all")
                enabled: root.redactionCount > 0
                Accessible.name: qsTr("Remove all redactions")
                onClicked: root.redactions = []
            }
        }

        Label {
            Layout.fillWidth: true
            objectName: "hintMessage"
            visible: root.hintMessage.length > 0
            text: root.hintMessage
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }

        Label {
            Layout.fillWidth: true
            objectName: "redactionCount"
            text: qsTr("%n box(es)", "", root.redactionCount)
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }

        MessageBanner {
            Layout.fillWidth: true
            text: Library.errorMessage
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "saveRedacted"
            text: qsTr("Save redacted copy")
            highlighted: true
            enabled: root.redactionCount > 0
            Accessible.name: text
            onClicked: {
                const copyId = Library.deriveRedacted(root.photoId, root.redactions)
                if (copyId.length > 0)
                    root.saved(copyId)
            }
        }
    }
}
