pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The open drafts, each with its target and how many of its items are blocked; a new
// draft; the way to the posts already shared.
Page {
    id: root

    signal backRequested()
    signal draftChosen(string draftId)
    signal newDraftRequested()
    signal postsRequested()

    title: qsTr("Drafts")
    background: Rectangle { color: Theme.background }
    Component.onCompleted: Posts.refresh()

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()

        ToolButton {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "postsLedger"
            text: qsTr("Posts")
            Accessible.name: qsTr("Posts already shared")
            onClicked: root.postsRequested()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacing

        MessageBanner {
            Layout.fillWidth: true
            text: Posts.errorMessage
        }

        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            objectName: "draftList"
            clip: true
            spacing: Theme.spacingSmall
            model: Posts.drafts

            delegate: ItemDelegate {
                id: row

                required property int index
                required property string draftId
                required property string preview
                required property string targetText
                required property int itemCount
                required property int blockedCount
                required property string updatedAt

                readonly property string summary: {
                    const items = qsTr("%n item(s)", "", row.itemCount)
                    const blocked = row.blockedCount > 0 ? ", " + qsTr("%n blocked", "", row.blockedCount) : ""
                    const target = row.targetText.length > 0 ? row.targetText : qsTr("No target chosen")
                    return target + " · " + items + blocked
                }

                objectName: "draft_" + row.index
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                Accessible.name: (row.preview.length > 0 ? row.preview : qsTr("Empty draft")) + ", " + row.summary
                contentItem: ColumnLayout {
                    spacing: 0

                    Label {
                        Layout.fillWidth: true
                        text: row.preview.length > 0 ? row.preview : qsTr("Empty draft")
                        font.pixelSize: Theme.fontBody
                        font.italic: row.preview.length === 0
                        color: Theme.text
                        elide: Text.ElideRight
                    }

                    Label {
                        Layout.fillWidth: true
                        text: row.summary
                        font.pixelSize: Theme.fontSmall
                        color: row.blockedCount > 0 ? Theme.error : Theme.textMuted
                        wrapMode: Text.Wrap
                    }
                }
                onClicked: root.draftChosen(row.draftId)
            }

            Label {
                anchors.centerIn: parent
                width: parent.width
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("No drafts. Start one to share consented photos or stories.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "newDraft"
            text: qsTr("New draft")
            highlighted: true
            Accessible.name: text
            onClicked: root.newDraftRequested()
        }
    }
}
