pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import ConsentCam

// The two requirements a new passcode must meet, each marked live as the user types.
ColumnLayout {
    id: root

    required property bool strong
    required property bool matching

    spacing: Theme.spacing

    RuleLine {
        Layout.fillWidth: true
        objectName: "strengthRule"
        text: qsTr("At least 6 digits that are not a run like 123456, or a passphrase of at least 8 characters")
        met: root.strong
    }

    RuleLine {
        Layout.fillWidth: true
        objectName: "matchRule"
        text: qsTr("Both entries match")
        met: root.matching
    }
}
