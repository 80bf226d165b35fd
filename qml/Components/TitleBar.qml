pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import ConsentCam

// The page header: an optional back button, the title, and room for actions.
ToolBar {
    id: root

    required property string title
    property bool showBack: false
    default property alias actions: actionRow.data

    signal backRequested()

    Material.background: Theme.primary
    Material.foreground: Theme.primaryText

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: root.showBack ? 0 : Theme.spacing
        anchors.rightMargin: Theme.spacingSmall
        spacing: Theme.spacingSmall

        ToolButton {
            objectName: "back"
            visible: root.showBack
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            text: "\u2190"
            font.pixelSize: Theme.fontTitle
            Accessible.name: qsTr("Back")
            ToolTip.text: qsTr("Back")
            ToolTip.visible: hovered
            onClicked: root.backRequested()
        }

        Label {
            Layout.fillWidth: true
            text: root.title
            elide: Text.ElideRight
            font.pixelSize: Theme.fontTitle
            color: Theme.primaryText
            Accessible.role: Accessible.TitleBar
            Accessible.name: root.title
        }

        RowLayout {
            id: actionRow
            spacing: 0
        }
    }
}
