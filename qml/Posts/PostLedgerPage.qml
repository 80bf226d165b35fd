pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The posts shared from this vault: where, when, their address once known, and whether a
// revocation requires taking one down.
Page {
    id: root

    signal backRequested()

    title: qsTr("Posts")
    background: Rectangle { color: Theme.background }
    Component.onCompleted: Posts.refresh()

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacing

        MessageBanner {
            Layout.fillWidth: true
            objectName: "ledgerError"
            text: Posts.errorMessage
        }

        MessageBanner {
            Layout.fillWidth: true
            objectName: "ledgerNotice"
            isError: false
            text: Posts.noticeMessage
        }

        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            objectName: "postList"
            clip: true
            spacing: Theme.spacingSmall
            model: Posts.posts

            delegate: Rectangle {
                id: postRow

                required property int index
                required property string postId
                required property string preview
                required property string targetText
                required property string postedAt
                required property string url
                required property string status
                required property string statusText

                width: ListView.view.width
                implicitHeight: column.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: postRow.status === "takedown_required" ? Theme.errorSurface : Theme.surface
                border.color: postRow.status === "takedown_required" ? Theme.error : Theme.divider
                border.width: Theme.borderWidth
                objectName: "post_" + postRow.index

                ColumnLayout {
                    id: column

                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: Theme.spacingSmall

                    Label {
                        Layout.fillWidth: true
                        text: postRow.statusText
                        font.bold: true
                        font.pixelSize: Theme.fontSmall
                        color: postRow.status === "takedown_required" ? Theme.error
                               : postRow.status === "removed" ? Theme.textMuted : Theme.success
                    }

                    Label {
                        Layout.fillWidth: true
                        text: postRow.preview
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                    }

                    Label {
                        Layout.fillWidth: true
                        text: postRow.targetText + " · " + postRow.postedAt
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        wrapMode: Text.Wrap
                    }

                    Label {
                        Layout.fillWidth: true
                        visible: postRow.url.length > 0
                        text: postRow.url
                        font.pixelSize: Theme.fontSmall
                        color: Theme.accent
                        elide: Text.ElideMiddle
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        visible: postRow.url.length === 0 && postRow.status === "published"
                        spacing: Theme.spacingSmall

                        TextField {
                            id: urlField

                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touchTarget
                            objectName: "postUrl_" + postRow.index
                            placeholderText: qsTr("The post's address, https://…")
                            Accessible.name: qsTr("The post's web address")
                            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoPredictiveText
                        }

                        Button {
                            Layout.minimumHeight: Theme.touchTarget
                            objectName: "saveUrl_" + postRow.index
                            text: qsTr("Save")
                            enabled: urlField.text.trim().length > 0
                            Accessible.name: qsTr("Save the post's address")
                            onClicked: Posts.setPostUrl(postRow.postId, urlField.text)
                        }
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("Nothing shared yet.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }
        }
    }
}
