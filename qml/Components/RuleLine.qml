pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// A requirement with a live met / not-met mark ("✓" or "•").
RowLayout {
    id: root

    required property string text
    required property bool met

    spacing: Theme.spacingSmall
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Label {
        Layout.alignment: Qt.AlignTop
        Layout.preferredWidth: Theme.iconSize
        horizontalAlignment: Text.AlignHCenter
        text: root.met ? "\u2713" : "\u2022"
        color: root.met ? Theme.success : Theme.textMuted
        font.pixelSize: Theme.fontBody
        font.bold: root.met
        Accessible.ignored: true
    }

    Label {
        Layout.fillWidth: true
        text: root.text
        wrapMode: Text.Wrap
        color: root.met ? Theme.success : Theme.textMuted
        font.pixelSize: Theme.fontSmall
        Accessible.ignored: true
    }
}
