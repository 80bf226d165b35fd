pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Writing or editing a case story. Saving an edit creates a new version: a consent
// signed for an earlier version does not cover the new text.
Page {
    id: root

    // Empty for a new story.
    required property string storyId
    readonly property var existing: root.storyId.length > 0 ? Library.story(root.storyId) : ({})

    signal backRequested()
    signal saved(string storyId)

    title: root.storyId.length > 0 ? qsTr("Edit story") : qsTr("New story")
    background: Rectangle { color: Theme.background }

    header: TitleBar {
        title: root.title

        ToolButton {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "back"
            text: qsTr("Cancel")
            Accessible.name: text
            onClicked: root.backRequested()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacing

        TextField {
            id: titleField

            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "storyTitle"
            placeholderText: qsTr("Title")
            Accessible.name: placeholderText
            text: root.existing.title ?? ""
            readOnly: root.storyId.length > 0
        }

        Label {
            Layout.fillWidth: true
            visible: root.storyId.length > 0
            text: qsTr("You are editing version %1. Saving creates version %2; consents signed for earlier versions do not cover the new text.")
                  .arg(root.existing.version ?? 0).arg((root.existing.version ?? 0) + 1)
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true

            TextArea {
                id: textArea

                objectName: "storyText"
                placeholderText: qsTr("The case, in words the patient can read")
                Accessible.name: qsTr("Story text")
                wrapMode: TextEdit.Wrap
                text: root.existing.text ?? ""
            }
        }

        MessageBanner {
            Layout.fillWidth: true
            text: Library.errorMessage
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "saveStory"
            text: qsTr("Save story")
            highlighted: true
            Accessible.name: text
            onClicked: {
                const id = Library.saveStory(root.storyId, titleField.text, textArea.text)
                if (id.length > 0)
                    root.saved(id)
            }
        }
    }
}
