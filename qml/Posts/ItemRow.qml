pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// A photo or story with the gate's decision for a draft's target: its thumbnail (or a
// story mark), what it is, whose it is, and why it is blocked; one action (attach or
// remove).
Rectangle {
    id: root

    required property string itemId
    required property string kind
    required property string label
    required property string patientName
    required property string source
    required property bool allowed
    required property string reasonText
    required property bool attached
    property string actionText
    property string actionName
    property string actionObjectName
    property bool actionEnabled: true

    signal actionClicked()

    implicitHeight: row.implicitHeight + 2 * Theme.spacingSmall
    radius: Theme.radius
    color: Theme.surface
    border.color: root.allowed ? Theme.divider : Theme.error
    border.width: Theme.borderWidth

    RowLayout {
        id: row

        anchors.fill: parent
        anchors.margins: Theme.spacingSmall
        spacing: Theme.spacing

        Rectangle {
            Layout.preferredWidth: Theme.touchTarget * 1.5
            Layout.preferredHeight: Theme.touchTarget * 1.5
            color: Theme.viewerBackground
            radius: Theme.radius / 2

            Image {
                anchors.fill: parent
                visible: root.source.length > 0
                source: root.source
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
                sourceSize.width: Theme.thumbnailSize
                sourceSize.height: Theme.thumbnailSize
                Accessible.ignored: true
            }

            Label {
                anchors.centerIn: parent
                visible: root.source.length === 0
                text: qsTr("Story")
                color: Theme.previewText
                font.pixelSize: Theme.fontSmall
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                text: root.label
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }

            Label {
                Layout.fillWidth: true
                visible: root.patientName.length > 0
                text: root.patientName
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                elide: Text.ElideRight
            }

            Label {
                Layout.fillWidth: true
                objectName: "itemStatus"
                text: root.allowed ? qsTr("Allowed for this target") : qsTr("Blocked: %1").arg(root.reasonText)
                font.pixelSize: Theme.fontSmall
                color: root.allowed ? Theme.success : Theme.error
                wrapMode: Text.Wrap
            }
        }

        Button {
            Layout.minimumHeight: Theme.touchTarget
            visible: root.actionText.length > 0
            objectName: root.actionObjectName
            text: root.actionText
            enabled: root.actionEnabled
            Accessible.name: root.actionName
            onClicked: root.actionClicked()
        }
    }

    Accessible.role: Accessible.ListItem
    Accessible.name: root.label + ", " + (root.allowed ? qsTr("allowed") : qsTr("blocked: %1").arg(root.reasonText))
}
