pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// A section's title inside a page.
Label {
    Layout.fillWidth: true
    Layout.topMargin: Theme.spacingSmall
    font.pixelSize: Theme.fontTitle
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
