// Not `pragma ComponentBehavior: Bound`, unlike the other pages: with it, Qt 6.4's GridView
// can't create its header, footer or delegates when this page comes from another file's
// Component ("Component is not ready"). The ids of this file that those components use
// (root, gallery, enlarged) are therefore found through the context, which qmllint reports
// as unqualified access.
// qmllint disable unqualified
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// One patient: consents, photos and stories, each photo and story with its consent
// badge; the ways to capture photos, write a story and record a consent.
Page {
    id: root

    signal backRequested()
    signal captureRequested()
    signal storyRequested(string storyId)
    signal consentRequested()
    signal consentChosen(string consentId)
    signal regionsRequested(string photoId, string source)
    signal redactionRequested(string photoId, string source)

    title: Library.patientName
    background: Rectangle { color: Theme.background }

    header: TitleBar {
        title: root.title

        ToolButton {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "back"
            text: qsTr("Back")
            Accessible.name: text
            onClicked: root.backRequested()
        }
    }

    // The photos are the grid: only the cells on screen (and a screenful either side) exist
    // and hold a decoded thumbnail, so a patient with thousands of photos opens at once and
    // scrolls in constant memory. The sections above the photos are the
    // grid's header, the stories its footer.
    GridView {
        id: gallery

        objectName: "photoGrid"
        anchors.fill: parent
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        // Centred in at most contentMaxWidth, as on the other pages.
        readonly property real columnWidth: Math.min(width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
        readonly property real sideMargin: (width - columnWidth) / 2
        leftMargin: sideMargin
        rightMargin: sideMargin
        topMargin: Theme.pageMargin
        bottomMargin: Theme.pageMargin
        cellWidth: Theme.thumbnailSize + Theme.spacingSmall
        cellHeight: Theme.thumbnailSize + 2 * Theme.spacingSmall + twoLineBadge.implicitHeight
        cacheBuffer: Math.max(0, height)
        model: Library.photos

        // The tallest badge a cell holds: two lines of text.
        ConsentBadge {
            id: twoLineBadge

            visible: false
            width: Theme.thumbnailSize
            badge: "none"
            text: "M\nM"
        }

        header: ColumnLayout {
            width: gallery.columnWidth
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: Library.patientSubtitle
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }

            MessageBanner {
                Layout.fillWidth: true
                text: Library.errorMessage
            }

            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall

                Button {
                    objectName: "capture"
                    height: Theme.touchTarget
                    text: qsTr("Take photos")
                    Accessible.name: text
                    onClicked: root.captureRequested()
                }

                Button {
                    objectName: "newStory"
                    height: Theme.touchTarget
                    text: qsTr("Write a story")
                    Accessible.name: text
                    onClicked: root.storyRequested("")
                }

                Button {
                    objectName: "recordConsent"
                    height: Theme.touchTarget
                    text: qsTr("Record consent")
                    highlighted: true
                    enabled: Library.photos.count + Library.stories.count > 0
                    Accessible.name: text
                    onClicked: root.consentRequested()
                }
            }

            SectionHeading { text: qsTr("Consents") }

            Label {
                Layout.fillWidth: true
                visible: Library.consents.count === 0
                text: qsTr("No consent recorded yet.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }

            Repeater {
                model: Library.consents

                delegate: ItemDelegate {
                    id: consentRow

                    required property string consentId
                    required property string status
                    required property string statusText
                    required property string sealedAt
                    required property string expiresAt
                    required property string signerName
                    required property int itemCount

                    Layout.fillWidth: true
                    padding: Theme.spacingSmall
                    background: Rectangle {
                        color: Theme.surface
                        radius: Theme.radius
                        border.color: Theme.divider
                        border.width: Theme.borderWidth
                    }
                    objectName: "consent_" + consentRow.consentId
                    Accessible.name: qsTr("Consent signed by %1 on %2, %3").arg(consentRow.signerName)
                                     .arg(consentRow.sealedAt).arg(consentRow.statusText)
                    onClicked: root.consentChosen(consentRow.consentId)

                    contentItem: ColumnLayout {
                        spacing: Theme.spacingSmall

                        ConsentBadge {
                            badge: consentRow.status
                            text: consentRow.statusText
                        }

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Signed by %1 on %2").arg(consentRow.signerName).arg(consentRow.sealedAt)
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                        }

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%n item(s), until %1", "", consentRow.itemCount).arg(consentRow.expiresAt)
                            wrapMode: Text.Wrap
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }

            SectionHeading { text: qsTr("Photos") }

            Label {
                Layout.fillWidth: true
                visible: Library.photos.count === 0
                text: qsTr("No photos yet.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }

            // The space between the heading and the first row of photos.
            Item { implicitHeight: Theme.spacingSmall / 2 }
        }

        delegate: ItemDelegate {
            id: photoCell

            required property string photoId
            required property string source
            required property string fullSource
            required property string capturedAt
            required property bool derivative
            required property int regionCount
            required property string badge
            required property string badgeText

            width: Theme.thumbnailSize
            objectName: "photo_" + photoCell.photoId
            padding: 0
            Accessible.name: (photoCell.derivative ? qsTr("Redacted photo taken %1, %2")
                                                   : qsTr("Photo taken %1, %2"))
                             .arg(photoCell.capturedAt).arg(photoCell.badgeText)
            onClicked: {
                enlarged.photoId = photoCell.photoId
                enlarged.actionText = photoCell.derivative
                    ? ""
                    : (photoCell.regionCount > 0 ? qsTr("Change what identifies the patient")
                                                 : qsTr("Mark what identifies the patient"))
                enlarged.secondaryActionText = photoCell.derivative ? "" : qsTr("Make a redacted copy")
                enlarged.show(photoCell.fullSource, photoCell.Accessible.name)
            }

            contentItem: Column {
                spacing: Theme.spacingSmall

                Image {
                    width: Theme.thumbnailSize
                    height: Theme.thumbnailSize
                    source: photoCell.source
                    sourceSize.width: Theme.thumbnailSize * 2
                    sourceSize.height: Theme.thumbnailSize * 2
                    fillMode: Image.PreserveAspectCrop
                    cache: false
                    asynchronous: false
                }

                ConsentBadge {
                    width: Theme.thumbnailSize
                    badge: photoCell.badge
                    text: photoCell.badgeText
                }
            }
        }

        footer: ColumnLayout {
            width: gallery.columnWidth
            spacing: Theme.spacing

            Item { implicitHeight: Theme.spacingSmall / 2 }

            SectionHeading { text: qsTr("Stories") }

            Label {
                Layout.fillWidth: true
                visible: Library.stories.count === 0
                text: qsTr("No stories yet.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }

            Repeater {
                model: Library.stories

                delegate: ItemDelegate {
                    id: storyRow

                    required property string storyId
                    required property string title
                    required property string storyText
                    required property int version
                    required property string badge
                    required property string badgeText

                    Layout.fillWidth: true
                    Accessible.name: qsTr("Story %1, version %2, %3").arg(storyRow.title).arg(storyRow.version).arg(storyRow.badgeText)
                    onClicked: root.storyRequested(storyRow.storyId)

                    contentItem: ColumnLayout {
                        spacing: Theme.spacingSmall

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 (version %2)").arg(storyRow.title).arg(storyRow.version)
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }

                        Label {
                            Layout.fillWidth: true
                            text: storyRow.storyText
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }

                        ConsentBadge {
                            badge: storyRow.badge
                            text: storyRow.badgeText
                        }
                    }
                }
            }
        }
    }

    PhotoViewer {
        id: enlarged

        property string photoId: ""

        onActionRequested: root.regionsRequested(enlarged.photoId, "image://vault/photo/" + enlarged.photoId)
        onSecondaryActionRequested: root.redactionRequested(enlarged.photoId, "image://vault/photo/" + enlarged.photoId)
    }
}
