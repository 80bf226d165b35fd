pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// A labelled, masked passcode entry. The label doubles as the field's accessible name.
ColumnLayout {
    id: root

    required property string label
    property alias text: field.text
    property alias field: field

    signal accepted()

    spacing: Theme.spacingSmall / 2

    function clear(): void {
        field.clear()
    }

    function focusField(): void {
        field.forceActiveFocus()
    }

    Label {
        Layout.fillWidth: true
        text: root.label
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        elide: Text.ElideRight
        Accessible.ignored: true
    }

    TextField {
        id: field

        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: root.objectName + "Field"
        echoMode: TextInput.Password
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        font.pixelSize: Theme.fontBody
        Accessible.name: root.label
        Accessible.role: Accessible.EditableText
        onAccepted: root.accepted()
    }
}
