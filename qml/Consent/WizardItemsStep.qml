pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Step 2: exactly what would be shared: the photos themselves (tap to enlarge) and the
// full text of each story.
ColumnLayout {
    id: root

    readonly property bool ready: ConsentSession.items.count > 0

    spacing: Theme.spacing

    SectionHeading { text: qsTr("What would be shared") }

    Label {
        Layout.fillWidth: true
        text: qsTr("These are the exact photos and texts this permission is about. Nothing else is covered. Tap a photo to see it larger.")
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
    }

    Repeater {
        model: ConsentSession.items

        delegate: Pane {
            id: item

            required property string kind
            required property string description
            required property string source
            required property string fullSource
            required property string text

            Layout.fillWidth: true
            padding: Theme.spacingSmall
            background: Rectangle {
                color: Theme.surface
                radius: Theme.radius
                border.color: Theme.divider
                border.width: Theme.borderWidth
            }

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: Theme.spacingSmall

                Label {
                    Layout.fillWidth: true
                    text: item.description
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }

                ItemDelegate {
                    visible: item.kind === "photo"
                    Layout.preferredWidth: Theme.previewThumbnail
                    Layout.preferredHeight: Theme.previewThumbnail
                    padding: 0
                    Accessible.name: qsTr("Enlarge %1").arg(item.description)
                    onClicked: viewer.show(item.fullSource, item.description)

                    contentItem: Image {
                        source: item.kind === "photo" ? item.source : ""
                        sourceSize.width: Theme.previewThumbnail * 2
                        sourceSize.height: Theme.previewThumbnail * 2
                        fillMode: Image.PreserveAspectFit
                        cache: false
                    }
                }

                Label {
                    Layout.fillWidth: true
                    visible: item.kind === "story"
                    text: item.text
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    textFormat: Text.PlainText
                }
            }
        }
    }

    PhotoViewer {
        id: viewer
    }
}
