pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Marking the regions of a photo that identify the patient (a face, a tattoo, a name on a
// wristband): drag a rectangle over each; tap one to remove it. A de-identified-only
// consent can be given for the photo once its regions are marked, and they are sealed
// with it.
Page {
    id: root

    required property string photoId
    required property string source
    // [{x, y, w, h}] as fractions of the photo's width and height.
    property var regions: Library.identifyingRegions(root.photoId)
    readonly property int regionCount: root.regions ? root.regions.length : 0

    signal backRequested()
    signal saved()

    function add(rect: var): void {
        const copy = root.regions.slice()
        copy.push(rect)
        root.regions = copy
    }

    function removeAt(index: int): void {
        const copy = root.regions.slice()
        copy.splice(index, 1)
        root.regions = copy
    }

    title: qsTr("Mark what identifies the patient")
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
            text: qsTr("Drag a box over each face, tattoo, birthmark or anything else that could identify the patient. Tap a box to remove it.")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }

        BoxCanvas {
            Layout.fillWidth: true
            Layout.fillHeight: true
            source: root.source
            boxes: root.regions
            drawHint: qsTr("Photo: drag to mark a region that identifies the patient")
            boxNameFormat: qsTr("Remove marked region %1")
            onAdded: (box) => root.add(box)
            onRemoveRequested: (index) => root.removeAt(index)
        }

        Label {
            Layout.fillWidth: true
            objectName: "regionCount"
            text: qsTr("%n region(s) marked", "", root.regionCount)
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }

        MessageBanner {
            Layout.fillWidth: true
            text: Library.errorMessage
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall

            Button {
                Layout.minimumHeight: Theme.touchTarget
                objectName: "clearRegions"
                text: qsTr("Remove all")
                enabled: root.regionCount > 0
                Accessible.name: text
                onClicked: root.regions = []
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "saveRegions"
                text: qsTr("Save")
                highlighted: true
                Accessible.name: qsTr("Save the marked regions")
                onClicked: {
                    if (Library.markIdentifyingRegions(root.photoId, root.regions))
                        root.saved()
                }
            }
        }
    }
}
