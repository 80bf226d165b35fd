pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import ConsentCam

// A photo on which rectangles are drawn by dragging and removed by tapping: the regions
// that identify the patient, or the redactions of a copy. Boxes are {x, y, w, h} as
// fractions of the photo's width and height, with an optional kind: "solid" (painted
// black), "blur" (shown hatched until burned in) or none (a marked region). Guides are
// drawn as outlines and can't be tapped.
Item {
    id: root

    required property string source
    property var boxes: []
    property var guides: []
    property string drawHint
    // The spoken name of a box, with %1 for its number (1-based).
    property string boxNameFormat: qsTr("Remove box %1")

    signal added(var box)
    signal removeRequested(int index)

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

    // Exactly over the painted photo: box fractions are of this item's size.
    Item {
        id: canvas

        objectName: "regionCanvas"
        x: (photo.width - photo.paintedWidth) / 2
        y: (photo.height - photo.paintedHeight) / 2
        width: photo.paintedWidth
        height: photo.paintedHeight
        Accessible.role: Accessible.Graphic
        Accessible.name: root.drawHint

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
                    root.added(box)
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
            model: root.guides

            delegate: Rectangle {
                id: guide

                required property var modelData

                x: guide.modelData.x * canvas.width
                y: guide.modelData.y * canvas.height
                width: guide.modelData.w * canvas.width
                height: guide.modelData.h * canvas.height
                color: "transparent"
                border.color: Theme.regionBorder
                border.width: Theme.regionBorderWidth
            }
        }

        Repeater {
            model: root.boxes

            delegate: AbstractButton {
                id: box

                required property var modelData
                required property int index
                readonly property string kind: box.modelData.kind ?? ""

                objectName: "region" + box.index
                x: box.modelData.x * canvas.width
                y: box.modelData.y * canvas.height
                width: box.modelData.w * canvas.width
                height: box.modelData.h * canvas.height
                Accessible.name: root.boxNameFormat.arg(box.index + 1)
                onClicked: root.removeRequested(box.index)

                background: Rectangle {
                    color: box.kind === "solid" ? Theme.redactionSolid
                           : box.kind === "blur" ? Theme.redactionBlur : Theme.regionFill
                    border.color: box.kind.length > 0 ? Theme.redactionBorder : Theme.regionBorder
                    border.width: Theme.regionBorderWidth

                    Label {
                        anchors.centerIn: parent
                        visible: box.kind === "blur"
                        text: qsTr("Blur")
                        color: Theme.previewText
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
        }
    }
}
