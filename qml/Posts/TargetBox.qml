pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// One part of a draft's target: a labelled choice among vocabulary codes, "Choose…" until
// one is picked.
ColumnLayout {
    id: root

    required property string label
    required property var choices // [{code, label}]
    readonly property var entries: root.choices ?? []
    property string code
    readonly property string currentValue: box.currentIndex >= 0 && box.currentIndex < root.entries.length ? root.entries[box.currentIndex].code : ""

    signal chosen()

    Layout.fillWidth: true
    spacing: Theme.spacingSmall / 2

    Label {
        Layout.fillWidth: true
        text: root.label
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }

    ComboBox {
        id: box

        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: root.objectName + "Combo"
        model: root.entries
        textRole: "label"
        valueRole: "code"
        currentIndex: {
            for (let i = 0; i < root.entries.length; ++i) {
                if (root.entries[i].code === root.code)
                    return i
            }
            return -1
        }
        displayText: box.currentIndex < 0 ? qsTr("Choose…") : box.currentText
        Accessible.name: root.label + ": " + box.displayText
        onActivated: root.chosen()
    }
}
