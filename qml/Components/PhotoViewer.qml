pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// A photo enlarged over the page, decrypted in memory; tap or Close to dismiss.
Popup {
    id: root

    property string source: ""
    property string description: ""
    // An optional action on the photo shown, such as marking its identifying regions.
    property string actionText: ""
    property string secondaryActionText: ""

    signal actionRequested()
    signal secondaryActionRequested()

    function show(source: string, description: string): void {
        root.source = source
        root.description = description
        root.open()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    padding: Theme.spacing
    onClosed: root.source = ""
    background: Rectangle { color: Theme.viewerBackground }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Image {
            Layout.fillWidth: true
            Layout.fillHeight: true
            source: root.source
            sourceSize.width: Theme.viewerMaxEdge
            sourceSize.height: Theme.viewerMaxEdge
            fillMode: Image.PreserveAspectFit
            cache: false
            asynchronous: false
            Accessible.role: Accessible.Graphic
            Accessible.name: root.description
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "photoAction"
            visible: root.actionText.length > 0
            text: root.actionText
            Accessible.name: text
            onClicked: {
                root.close()
                root.actionRequested()
            }
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "photoSecondaryAction"
            visible: root.secondaryActionText.length > 0
            text: root.secondaryActionText
            Accessible.name: text
            onClicked: {
                root.close()
                root.secondaryActionRequested()
            }
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "closePhoto"
            text: qsTr("Close")
            Accessible.name: text
            onClicked: root.close()
        }
    }
}
