pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConsentCam

// One draft: where it goes (platform, audience, purpose), its text, the photos and
// stories attached with the gate's decision for that target, and the pre-post checks.
// Every change is saved at once; Share is open only when nothing blocks.
Page {
    id: root

    signal backRequested()
    signal pickerRequested()
    signal sharedPost(string postId)

    title: qsTr("Draft")
    background: Rectangle { color: Theme.background }

    function save() {
        Posts.saveDraft(textArea.text, platformBox.currentValue ?? "", audienceBox.currentValue ?? "",
                        purposeBox.currentValue ?? "")
    }

    function startShare() {
        if (Posts.needsFolder && Posts.folderPath.length === 0)
            folderDialog.open()
        else
            Posts.share(Posts.folder)
    }

    Component.onCompleted: textArea.text = Posts.text

    Connections {
        target: Posts
        function onShared(postId) { root.sharedPost(postId) }
    }

    FolderDialog {
        id: folderDialog

        title: qsTr("Save the post's files in")
        onAccepted: Posts.share(folderDialog.selectedFolder)
    }

    Timer {
        id: saveTimer

        interval: 700
        onTriggered: root.save()
    }

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: {
            if (saveTimer.running) {
                saveTimer.stop()
                root.save()
            }
            root.backRequested()
        }

        ToolButton {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "discardDraft"
            text: qsTr("Discard")
            Accessible.name: qsTr("Discard this draft")
            onClicked: discardDialog.open()
        }
    }

    Dialog {
        id: discardDialog

        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 2 * Theme.pageMargin : 0, Theme.contentMaxWidth)
        modal: true
        title: qsTr("Discard this draft?")
        standardButtons: Dialog.Discard | Dialog.Cancel

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right

            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("The draft's text and choices are deleted. The photos and stories stay in the vault.")
            }
        }
        onDiscarded: {
            discardDialog.close()
            if (Posts.discardDraft())
                root.backRequested()
        }
    }

    Flickable {
        id: scroller

        objectName: "draftScroller"
        anchors.fill: parent
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: content

            x: Theme.pageMargin
            y: Theme.pageMargin
            width: Math.min(scroller.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
            spacing: Theme.spacing

            MessageBanner {
                Layout.fillWidth: true
                objectName: "draftError"
                text: Posts.errorMessage
            }

            MessageBanner {
                Layout.fillWidth: true
                objectName: "draftNotice"
                isError: false
                text: Posts.noticeMessage
            }

            SectionHeading {
                text: qsTr("Where it goes")
            }

            TargetBox {
                id: platformBox

                objectName: "platformBox"
                label: qsTr("Platform")
                choices: Vocabulary.platforms()
                code: Posts.platform
                onChosen: root.save()
            }

            TargetBox {
                id: audienceBox

                objectName: "audienceBox"
                label: qsTr("Audience")
                choices: Vocabulary.audiences()
                code: Posts.audience
                onChosen: root.save()
            }

            TargetBox {
                id: purposeBox

                objectName: "purposeBox"
                label: qsTr("Purpose")
                choices: Vocabulary.purposes()
                code: Posts.purpose
                onChosen: root.save()
            }

            SectionHeading {
                text: qsTr("Text")
            }

            TextArea {
                id: textArea

                Layout.fillWidth: true
                Layout.minimumHeight: 4 * Theme.touchTarget
                objectName: "draftText"
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("What the post says")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Post text")
                onTextChanged: if (activeFocus) saveTimer.restart()
                onEditingFinished: if (saveTimer.running) { saveTimer.stop(); root.save() }
            }

            SectionHeading {
                text: qsTr("Photos and stories")
            }

            Label {
                Layout.fillWidth: true
                visible: Posts.items.count === 0
                text: qsTr("Nothing attached yet.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }

            Repeater {
                model: Posts.items

                delegate: ItemRow {
                    id: attachedRow

                    required property int index

                    Layout.fillWidth: true
                    objectName: "attached_" + attachedRow.index
                    actionText: qsTr("Remove")
                    actionName: qsTr("Remove %1").arg(attachedRow.label)
                    actionObjectName: "detach_" + attachedRow.index
                    onActionClicked: Posts.detach(attachedRow.itemId)
                }
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "addItems"
                text: qsTr("Add photos or stories")
                Accessible.name: text
                onClicked: {
                    if (saveTimer.running) {
                        saveTimer.stop()
                        root.save()
                    }
                    root.pickerRequested()
                }
            }

            SectionHeading {
                text: qsTr("Checks before posting")
            }

            Label {
                Layout.fillWidth: true
                visible: Posts.checks.count === 0
                objectName: "noChecks"
                text: qsTr("Nothing to fix.")
                color: Theme.success
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }

            Repeater {
                model: Posts.checks

                delegate: CheckCard {
                    id: checkCard

                    required property int index

                    Layout.fillWidth: true
                    objectName: "check_" + checkCard.index
                    onLineRequested: (which) => Posts.appendLine(which)
                }
            }

            Connections {
                target: Posts
                function onDraftChanged() {
                    if (!textArea.activeFocus && textArea.text !== Posts.text)
                        textArea.text = Posts.text
                }
            }

            Label {
                Layout.fillWidth: true
                objectName: "shareHint"
                visible: !Posts.canShare
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                text: !Posts.targetComplete ? qsTr("Choose the platform, audience and purpose to share.")
                      : Posts.items.count === 0 ? qsTr("Attach at least one photo or story to share.")
                      : Posts.blockedCount > 0 ? qsTr("Remove the blocked items to share.")
                      : qsTr("Fix the checks marked \"Blocks sharing\" to share.")
            }

            Label {
                Layout.fillWidth: true
                visible: Posts.needsFolder && Posts.folderPath.length > 0
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                text: qsTr("Files are saved in %1").arg(Posts.folderPath)
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Button {
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "shareDraft"
                    text: Posts.busy ? qsTr("Sharing…") : qsTr("Share")
                    highlighted: true
                    enabled: Posts.canShare && !Posts.busy
                    Accessible.name: qsTr("Share the post")
                    onClicked: root.startShare()
                }

                Button {
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "chooseFolder"
                    visible: Posts.needsFolder && Posts.folderPath.length > 0
                    text: qsTr("Other folder")
                    enabled: Posts.canShare && !Posts.busy
                    Accessible.name: qsTr("Choose another folder to save in")
                    onClicked: folderDialog.open()
                }
            }
        }
    }
}
