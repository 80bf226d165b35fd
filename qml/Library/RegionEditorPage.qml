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

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            Image {
                id: photo

                anchors.fill: parent
                source: root.source
                sourceSize.width: Theme.viewerMaxEdge
                sourceSize.height: Theme.viewerMaxEdge
                fillMode: Image.PreserveAspectFit
                cache: false
                asynchronous: false
            }

            // Exactly over the painted photo: region fractions are of this item's size.
            Item {
                id: canvas

                objectName: "regionCanvas"
                x: (photo.width - photo.paintedWidth) / 2
                y: (photo.height - photo.paintedHeight) / 2
                width: photo.paintedWidth
                height: photo.paintedHeight
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("Photo: drag to mark a region that identifies the patient")

                MouseArea {
                    id: drawing

                    property point start
                    property rect current

                    anchors.fill: parent
                    preventStealing: true
                    onPressed: (mouse) => {
                        drawing.start = Qt.point(mouse.x, mouse.y)
                        drawing.current = Qt.rect(mouse.x, mouse.y, 0, 0)
                    }
                    onPositionChanged: (mouse) => {
                        const x = Math.max(0, Math.min(mouse.x, canvas.width))
                        const y = Math.max(0, Math.min(mouse.y, canvas.height))
                        drawing.current = Qt.rect(Math.min(x, drawing.start.x), Math.min(y, drawing.start.y),
                                                  Math.abs(x - drawing.start.x), Math.abs(y - drawing.start.y))
                    }
                    onReleased: {
                        // Plain numbers: a rect read from a property follows the property.
                        const box = { x: drawing.current.x / canvas.width, y: drawing.current.y / canvas.height,
                                      w: drawing.current.width / canvas.width,
                                      h: drawing.current.height / canvas.height }
                        const big = drawing.current.width >= Theme.touchTarget / 4
                                    && drawing.current.height >= Theme.touchTarget / 4
                        drawing.current = Qt.rect(0, 0, 0, 0)
                        // Too small to be meant (a tap) is ignored.
                        if (big)
                            root.add(box)
                    }
                }

                Rectangle {
                    x: drawing.current.x
                    y: drawing.current.y
                    width: drawing.current.width
                    height: drawing.current.height
                    visible: drawing.pressed
                    color: Theme.regionFill
                    border.color: Theme.regionBorder
                    border.width: Theme.regionBorderWidth
                }

                Repeater {
                    model: root.regions

                    delegate: AbstractButton {
                        id: region

                        required property var modelData
                        required property int index

                        objectName: "region" + region.index
                        x: region.modelData.x * canvas.width
                        y: region.modelData.y * canvas.height
                        width: region.modelData.w * canvas.width
                        height: region.modelData.h * canvas.height
                        Accessible.name: qsTr("Remove marked region %1").arg(region.index + 1)
                        onClicked: root.removeAt(region.index)

                        background: Rectangle {
                            color: Theme.regionFill
                            border.color: Theme.regionBorder
                            border.width: Theme.regionBorderWidth
                        }
                    }
                }
            }
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
