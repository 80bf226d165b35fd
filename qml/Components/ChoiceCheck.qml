pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import ConsentCam

// A check box row whose text wraps instead of being cut short: a signer must be able to
// read every choice in full.
CheckDelegate {
    id: root

    Accessible.name: root.text
    contentItem: Label {
        rightPadding: root.indicator.width + root.spacing
        text: root.text
        font: root.font
        color: root.enabled ? Theme.text : Theme.textMuted
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
    }
}
