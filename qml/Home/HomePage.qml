pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The unlocked vault's start screen: what the vault is, and the way to lock it.
Page {
    id: root

    required property string vaultId
    required property date createdAt
    required property int schemaVersion
    required property string cipherVersion
    required property int mediaCount

    signal lockRequested()
    signal settingsRequested()
    signal patientsRequested()
    signal auditRequested()
    signal draftsRequested()
    signal postsRequested()

    title: qsTr("ConsentCam")
    Component.onCompleted: Posts.refresh()
    StackView.onActivated: Posts.refresh()
    background: Rectangle { color: Theme.background }

    header: TitleBar {
        title: root.title

        ToolButton {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "settings"
            text: qsTr("Settings")
            Accessible.name: text
            onClicked: root.settingsRequested()
        }
    }

    Flickable {
        anchors.fill: parent
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
                text: qsTr("Vault unlocked")
                font.pixelSize: Theme.fontHeadline
                color: Theme.text
                wrapMode: Text.Wrap
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Your vault is open. It locks again when you leave the app or stop using it.")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            // Stays until every flagged post is marked removed.
            Rectangle {
                Layout.fillWidth: true
                objectName: "takedownBanner"
                visible: Posts.takedownCount > 0
                implicitHeight: takedownColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.errorSurface
                border.color: Theme.error
                border.width: Theme.borderWidth
                Accessible.role: Accessible.AlertMessage
                Accessible.name: takedownText.text

                ColumnLayout {
                    id: takedownColumn

                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: Theme.spacingSmall

                    Label {
                        id: takedownText

                        Layout.fillWidth: true
                        objectName: "takedownCount"
                        text: qsTr("%n post(s) must be taken down: a patient revoked consent.", "", Posts.takedownCount)
                        color: Theme.error
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                    }

                    Button {
                        Layout.minimumHeight: Theme.touchTarget
                        objectName: "showTakedowns"
                        text: qsTr("Show posts")
                        Accessible.name: qsTr("Show the posts to take down")
                        onClicked: root.postsRequested()
                    }
                }
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "patients"
                text: qsTr("Patients")
                highlighted: true
                Accessible.name: text
                onClicked: root.patientsRequested()
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "drafts"
                text: qsTr("Drafts and posts")
                Accessible.name: text
                onClicked: root.draftsRequested()
            }

            Pane {
                Layout.fillWidth: true
                padding: Theme.spacing
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.color: Theme.divider
                    border.width: Theme.borderWidth
                }

                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: Theme.spacing

                    InfoRow {
                        Layout.fillWidth: true
                        objectName: "vaultId"
                        label: qsTr("Vault ID")
                        value: root.vaultId
                    }

                    InfoRow {
                        Layout.fillWidth: true
                        objectName: "createdAt"
                        label: qsTr("Created")
                        value: root.createdAt.toLocaleDateString(Qt.locale(), Locale.LongFormat)
                               + " " + root.createdAt.toLocaleTimeString(Qt.locale(), Locale.ShortFormat)
                    }

                    InfoRow {
                        Layout.fillWidth: true
                        objectName: "schemaVersion"
                        label: qsTr("Database schema version")
                        value: Number(root.schemaVersion).toLocaleString(Qt.locale(), "f", 0)
                    }

                    InfoRow {
                        Layout.fillWidth: true
                        objectName: "cipherVersion"
                        label: qsTr("Encryption library version")
                        value: root.cipherVersion
                    }

                    InfoRow {
                        Layout.fillWidth: true
                        objectName: "mediaCount"
                        label: qsTr("Stored photos and files")
                        value: Number(root.mediaCount).toLocaleString(Qt.locale(), "f", 0)
                    }
                }
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "auditLog"
                text: qsTr("Audit log")
                flat: true
                Accessible.name: text
                onClicked: root.auditRequested()
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "lock"
                text: qsTr("Lock")
                Accessible.name: text
                onClicked: root.lockRequested()
            }
        }
    }
}
