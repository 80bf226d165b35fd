pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// A labelled one-line text entry, with an optional hint below. The label doubles as the
// field's accessible name.
ColumnLayout {
    id: root

    required property string label
    property string hint: ""
    property alias text: field.text
    property alias field: field

    signal accepted()

    spacing: Theme.spacingSmall / 2

    Label {
        Layout.fillWidth: true
        text: root.label
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Accessible.ignored: true
    }

    TextField {
        id: field

        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: root.objectName + "Field"
        font.pixelSize: Theme.fontBody
        Accessible.name: root.label
        Accessible.description: root.hint
        Accessible.role: Accessible.EditableText
        onAccepted: root.accepted()
    }

    Label {
        Layout.fillWidth: true
        visible: root.hint.length > 0
        text: root.hint
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Accessible.ignored: true
    }
}
