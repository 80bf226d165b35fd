pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConsentCam

// One sealed consent (Revocation.load() chose it): its standing, who signed and when,
// until when, what it allows and the items it covers; the patient's copy, and recording a
// revocation — or, once revoked, when and how, with the way to its impact.
Page {
    id: root

    signal backRequested()
    signal revokeRequested()
    signal impactRequested()
    signal auditRequested(string consentId)

    title: qsTr("Consent")
    background: Rectangle { color: Theme.background }
    Component.onCompleted: ConsentCopy.clearMessages()

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    FolderDialog {
        id: folderDialog

        title: qsTr("Save the patient's copy in")
        onAccepted: ConsentCopy.giveCopy(Revocation.consentId, folderDialog.selectedFolder)
    }

    Flickable {
        anchors.fill: parent
        objectName: "consentDetailScroller"
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: content

            x: Theme.pageMargin
            y: Theme.pageMargin
            width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
            spacing: Theme.spacing

            ConsentBadge {
                objectName: "consentStatus"
                badge: Revocation.status
                text: Revocation.statusText
            }

            MessageBanner {
                Layout.fillWidth: true
                text: Revocation.errorMessage
            }

            MessageBanner {
                Layout.fillWidth: true
                isError: false
                text: Revocation.noticeMessage
            }

            // Once revoked: when and how, and the way to what it affects.
            Pane {
                Layout.fillWidth: true
                visible: Revocation.revoked
                objectName: "revokedCard"
                padding: Theme.spacing
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.errorSurface
                    border.color: Theme.error
                    border.width: Theme.borderWidth
                }

                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: Theme.spacingSmall

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Revoked")
                        color: Theme.error
                        font.pixelSize: Theme.fontTitle
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }

                    InfoRow {
                        Layout.fillWidth: true
                        objectName: "revokedReceived"
                        label: qsTr("Received")
                        value: Revocation.revokedReceivedAt
                    }

                    InfoRow {
                        Layout.fillWidth: true
                        label: qsTr("Recorded")
                        value: Revocation.revokedRecordedAt
                    }

                    InfoRow {
                        Layout.fillWidth: true
                        objectName: "revokedMethod"
                        label: qsTr("How")
                        value: Revocation.revokedMethodText
                    }

                    InfoRow {
                        Layout.fillWidth: true
                        visible: Revocation.revokedNote.length > 0
                        label: qsTr("Note")
                        value: Revocation.revokedNote
                    }

                    Label {
                        Layout.fillWidth: true
                        visible: Revocation.takedowns.count > 0
                        objectName: "takedownsLeft"
                        text: qsTr("%n post(s) still to be taken down.", "", Revocation.takedowns.count)
                        wrapMode: Text.Wrap
                        color: Theme.error
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                    }

                    Button {
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget
                        objectName: "showImpact"
                        text: qsTr("What the revocation affects")
                        highlighted: Revocation.takedowns.count > 0
                        Accessible.name: text
                        onClicked: root.impactRequested()
                    }
                }
            }

            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Patient")
                value: Revocation.patientName
            }

            InfoRow {
                Layout.fillWidth: true
                objectName: "consentSigner"
                label: qsTr("Signed by")
                value: Revocation.signerName
            }

            InfoRow {
                Layout.fillWidth: true
                visible: Revocation.signerRoleText.length > 0
                label: qsTr("Signing as")
                value: Revocation.signerRoleText
            }

            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Sealed")
                value: Revocation.sealedAt
            }

            InfoRow {
                Layout.fillWidth: true
                label: qsTr("In force")
                value: Revocation.expiryText
            }

            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Form language")
                value: Revocation.languageText
            }

            SectionHeading { text: qsTr("What it allows") }

            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Where")
                value: Revocation.platformsText
            }

            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Who may see it")
                value: Revocation.audiencesText
            }

            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Why")
                value: Revocation.purposesText
            }

            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Identifiable")
                value: Revocation.identifiabilityText
            }

            SectionHeading { text: qsTr("What it covers") }

            Repeater {
                model: Revocation.items

                delegate: RowLayout {
                    id: itemRow

                    required property string itemId
                    required property string kind
                    required property string description
                    required property string source

                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Accessible.role: Accessible.ListItem
                    Accessible.name: itemRow.description

                    Image {
                        Layout.preferredWidth: Theme.previewThumbnail / 2
                        Layout.preferredHeight: Theme.previewThumbnail / 2
                        visible: itemRow.source.length > 0
                        source: itemRow.source
                        sourceSize.width: Theme.previewThumbnail
                        sourceSize.height: Theme.previewThumbnail
                        fillMode: Image.PreserveAspectCrop
                        cache: false
                        Accessible.ignored: true
                    }

                    Label {
                        Layout.fillWidth: true
                        text: itemRow.description
                        wrapMode: Text.Wrap
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        Accessible.ignored: true
                    }
                }
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "giveConsentCopy"
                text: qsTr("Give the patient a copy (PDF)")
                enabled: !ConsentCopy.busy
                Accessible.name: text
                onClicked: {
                    Revocation.clearMessages()
                    ConsentCopy.clearMessages()
                    if (ConsentCopy.needsFolder)
                        folderDialog.open()
                    else
                        ConsentCopy.giveCopy(Revocation.consentId, "")
                }
            }

            MessageBanner {
                Layout.fillWidth: true
                isError: false
                text: ConsentCopy.noticeMessage
            }

            MessageBanner {
                Layout.fillWidth: true
                text: ConsentCopy.errorMessage
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                visible: !Revocation.revoked
                objectName: "recordRevocation"
                text: qsTr("Record revocation")
                Accessible.name: text
                onClicked: root.revokeRequested()
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "consentAudit"
                text: qsTr("Audit log of this consent")
                flat: true
                Accessible.name: text
                onClicked: root.auditRequested(Revocation.consentId)
            }
        }
    }
}
