pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import ConsentCam

// A short message on a tinted card: an error, or a confirmation. Hidden when empty.
Rectangle {
    id: root

    required property string text
    property bool isError: true

    visible: root.text.length > 0
    implicitHeight: message.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: root.isError ? Theme.errorSurface : Theme.successSurface
    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.text

    Label {
        id: message

        anchors.fill: parent
        anchors.margins: Theme.spacing
        text: root.text
        wrapMode: Text.Wrap
        color: root.isError ? Theme.error : Theme.success
        font.pixelSize: Theme.fontBody
        verticalAlignment: Text.AlignVCenter
        Accessible.ignored: true
    }
}
