pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// One "label: value" line of read-only information.
ColumnLayout {
    id: root

    required property string label
    required property string value

    spacing: Theme.spacingSmall / 4
    Accessible.role: Accessible.StaticText
    Accessible.name: root.label

    Label {
        Layout.fillWidth: true
        text: root.label
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        elide: Text.ElideRight
        Accessible.ignored: true
    }

    Label {
        Layout.fillWidth: true
        text: root.value
        color: Theme.text
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        Accessible.name: root.value
    }
}
