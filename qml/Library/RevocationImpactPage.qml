pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConsentCam

// What the revocation of the consent Revocation shows takes away: the drafts it blocks
// and the published posts that must come down. Each post is marked taken down with the
// date, an optional screenshot and a note, and then leaves the list. The patient's
// receipt of the revocation is given from here.
Page {
    id: root

    // The post whose takedown is being entered, and its screenshot once taken.
    property string editingPostId: ""
    property string evidencePhotoId: ""
    // The capture page was asked for a screenshot and has not come back yet.
    property bool awaitingScreenshot: false

    signal backRequested()
    signal auditRequested(string consentId)
    // The camera (or a file) for a photo stored for the patient in role
    // ("takedown_evidence"); the stack shows the capture page over this one.
    signal captureRequested(string role)

    title: qsTr("After the revocation")
    background: Rectangle { color: Theme.background }
    Component.onCompleted: Revocation.refresh()
    StackView.onActivated: root.awaitingScreenshot = false

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    FolderDialog {
        id: folderDialog

        title: qsTr("Save the patient's receipt in")
        onAccepted: Revocation.giveReceipt(folderDialog.selectedFolder)
    }

    Flickable {
        anchors.fill: parent
        objectName: "impactScroller"
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: content

            x: Theme.pageMargin
            y: Theme.pageMargin
            width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                objectName: "revokedSummary"
                text: qsTr("The consent signed by %1 is revoked. Received %2 (%3).")
                      .arg(Revocation.signerName).arg(Revocation.revokedReceivedAt)
                      .arg(Revocation.revokedMethodText)
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }

            MessageBanner {
                Layout.fillWidth: true
                isError: false
                text: Revocation.noticeMessage
            }

            MessageBanner {
                Layout.fillWidth: true
                text: Revocation.errorMessage
            }

            SectionHeading { text: qsTr("Posts to take down") }

            Label {
                Layout.fillWidth: true
                visible: Revocation.takedowns.count === 0
                objectName: "noTakedowns"
                text: qsTr("No published post depends on this consent any more.")
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }

            Repeater {
                model: Revocation.takedowns

                delegate: Pane {
                    id: postRow

                    required property string postId
                    required property string platformText
                    required property string url
                    required property string postedAt
                    required property string preview

                    readonly property bool editing: root.editingPostId === postRow.postId

                    Layout.fillWidth: true
                    padding: Theme.spacingSmall
                    background: Rectangle {
                        color: Theme.surface
                        radius: Theme.radius
                        border.color: Theme.error
                        border.width: Theme.borderWidth
                    }
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("Post on %1, posted %2").arg(postRow.platformText).arg(postRow.postedAt)

                    ColumnLayout {
                        anchors.left: parent.left
                        anchors.right: parent.right
                        spacing: Theme.spacingSmall

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1, posted %2").arg(postRow.platformText).arg(postRow.postedAt)
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                        }

                        Label {
                            Layout.fillWidth: true
                            text: postRow.url.length > 0 ? postRow.url : qsTr("Address not recorded")
                            wrapMode: Text.WrapAnywhere
                            color: postRow.url.length > 0 ? Theme.accent : Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }

                        Label {
                            Layout.fillWidth: true
                            visible: postRow.preview.length > 0
                            text: postRow.preview
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            wrapMode: Text.Wrap
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }

                        Button {
                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touchTarget
                            visible: !postRow.editing
                            objectName: "takeDown_" + postRow.postId
                            text: qsTr("Mark as taken down")
                            Accessible.name: qsTr("Mark the post on %1 as taken down").arg(postRow.platformText)
                            onClicked: {
                                Revocation.clearMessages()
                                root.evidencePhotoId = ""
                                root.editingPostId = postRow.postId
                            }
                        }

                        // The takedown: when, a screenshot, a note.
                        Label {
                            Layout.fillWidth: true
                            visible: postRow.editing
                            text: qsTr("Date removed (year-month-day)")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            Accessible.ignored: true
                        }

                        TextField {
                            id: removedDate

                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touchTarget
                            visible: postRow.editing
                            objectName: "removedDate"
                            text: Revocation.today()
                            placeholderText: qsTr("Date removed (year-month-day)")
                            inputMethodHints: Qt.ImhDate
                            Accessible.name: qsTr("Date removed, year-month-day")
                        }

                        RowLayout {
                            Layout.fillWidth: true
                            visible: postRow.editing
                            spacing: Theme.spacingSmall

                            Image {
                                Layout.preferredWidth: Theme.touchTarget
                                Layout.preferredHeight: Theme.touchTarget
                                visible: root.evidencePhotoId.length > 0
                                source: root.evidencePhotoId.length > 0 && postRow.editing
                                        ? "image://vault/thumb/" + root.evidencePhotoId : ""
                                fillMode: Image.PreserveAspectCrop
                                cache: false
                                Accessible.role: Accessible.Graphic
                                Accessible.name: qsTr("Screenshot of the removal")
                            }

                            Button {
                                Layout.fillWidth: true
                                Layout.minimumHeight: Theme.touchTarget
                                objectName: "takedownScreenshot"
                                text: root.evidencePhotoId.length > 0 ? qsTr("Replace the screenshot")
                                                                      : qsTr("Add a screenshot (optional)")
                                Accessible.name: text
                                onClicked: {
                                    root.awaitingScreenshot = true
                                    root.captureRequested("takedown_evidence")
                                }
                            }
                        }

                        TextField {
                            id: removedNote

                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touchTarget
                            visible: postRow.editing
                            objectName: "removedNote"
                            placeholderText: qsTr("Note (optional)")
                            Accessible.name: qsTr("Note on the takedown")
                        }

                        RowLayout {
                            Layout.fillWidth: true
                            visible: postRow.editing
                            spacing: Theme.spacingSmall

                            Button {
                                Layout.fillWidth: true
                                Layout.minimumHeight: Theme.touchTarget
                                objectName: "cancelTakedown"
                                text: qsTr("Cancel")
                                flat: true
                                Accessible.name: text
                                onClicked: root.editingPostId = ""
                            }

                            Button {
                                Layout.fillWidth: true
                                Layout.minimumHeight: Theme.touchTarget
                                objectName: "saveTakedown"
                                text: qsTr("Save the takedown")
                                highlighted: true
                                Accessible.name: text
                                onClicked: {
                                    if (Revocation.markRemoved(postRow.postId, removedDate.text,
                                                               root.evidencePhotoId, removedNote.text)) {
                                        root.editingPostId = ""
                                        root.evidencePhotoId = ""
                                    }
                                }
                            }
                        }
                    }
                }
            }

            SectionHeading { text: qsTr("Drafts now blocked") }

            Label {
                Layout.fillWidth: true
                visible: Revocation.blockedDrafts.count === 0
                objectName: "noBlockedDrafts"
                text: qsTr("No draft uses what this consent covered.")
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }

            Repeater {
                model: Revocation.blockedDrafts

                delegate: Pane {
                    id: draftRow

                    required property string draftId
                    required property string preview
                    required property string targetText

                    Layout.fillWidth: true
                    padding: Theme.spacingSmall
                    background: Rectangle {
                        color: Theme.surface
                        radius: Theme.radius
                        border.color: Theme.divider
                        border.width: Theme.borderWidth
                    }
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("Blocked draft: %1").arg(draftRow.preview)

                    ColumnLayout {
                        anchors.left: parent.left
                        anchors.right: parent.right
                        spacing: Theme.spacingSmall / 2

                        Label {
                            Layout.fillWidth: true
                            text: draftRow.preview.length > 0 ? draftRow.preview : qsTr("(no text yet)")
                            maximumLineCount: 3
                            elide: Text.ElideRight
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                        }

                        Label {
                            Layout.fillWidth: true
                            text: draftRow.targetText
                            wrapMode: Text.Wrap
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }

            Label {
                Layout.fillWidth: true
                visible: Revocation.blockedDrafts.count > 0
                text: qsTr("These drafts can't be shared while they hold an item of this consent. Remove the item or discard the draft.")
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }

            SectionHeading { text: qsTr("The patient's receipt") }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "giveReceipt"
                text: qsTr("Give the patient a receipt (PDF)")
                enabled: !Revocation.busy
                Accessible.name: text
                onClicked: {
                    Revocation.clearMessages()
                    if (Revocation.needsFolder)
                        folderDialog.open()
                    else
                        Revocation.giveReceipt("")
                }
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: Revocation.busy
                running: Revocation.busy
                Accessible.name: qsTr("Making the receipt")
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "impactAudit"
                text: qsTr("Audit log of this consent")
                flat: true
                Accessible.name: text
                onClicked: root.auditRequested(Revocation.consentId)
            }
        }
    }

    // The screenshot, from the capture page the stack shows over this one.
    Connections {
        target: Capture

        function onPhotosSaved(photoIds: var): void {
            if (root.awaitingScreenshot && photoIds.length > 0)
                root.evidencePhotoId = photoIds[photoIds.length - 1]
        }

        function onFileImported(photoId: string): void {
            if (root.awaitingScreenshot)
                root.evidencePhotoId = photoId
        }
    }
}
