pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// One pre-post check: how much it matters, what it found and why, and where a line fixes
// it (the education line, a sponsorship disclosure) the button that adds it.
Rectangle {
    id: root

    required property string kind
    required property string severity
    required property string severityText
    required property string message
    required property string suggestion

    signal lineRequested(string which)

    readonly property color tone: root.severity === "blocking" ? Theme.error
                                  : root.severity === "warning" ? Theme.badgeExpiring : Theme.textMuted

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: root.severity === "blocking" ? Theme.errorSurface : Theme.surface
    border.color: root.tone
    border.width: Theme.borderWidth
    Accessible.role: Accessible.StaticText
    Accessible.name: root.severityText + ": " + root.message

    ColumnLayout {
        id: column

        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacingSmall

        Label {
            Layout.fillWidth: true
            text: root.severityText
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: root.tone
        }

        Label {
            Layout.fillWidth: true
            text: root.message
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.Wrap
        }

        Button {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "addLine_" + root.kind
            visible: root.kind === "education_line" || root.kind === "sponsorship_disclosure"
            text: root.kind === "education_line" ? qsTr("Add the line") : qsTr("Add a disclosure")
            Accessible.name: root.kind === "education_line" ? qsTr("Add the general education line")
                                                            : qsTr("Add a sponsorship disclosure")
            onClicked: root.lineRequested(root.kind === "education_line" ? "education" : "sponsorship")
        }
    }
}
