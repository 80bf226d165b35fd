pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The audit log: every entry, newest first, filtered by a patient, a consent or a post
// (Audit keeps the filter; other screens open this page with one set), and "Verify log",
// which checks the whole signed chain with a progress bar and says whether it is intact
// or which entry is the first that is not.
Page {
    id: root

    signal backRequested()

    // "All patients", then each patient's name, for the filter's menu.
    function patientLabels(): var {
        const labels = [qsTr("All patients")]
        const choices = Audit.patientChoices
        for (let i = 0; i < choices.length; ++i)
            labels.push(choices[i].label)
        return labels
    }

    function patientIndex(): int {
        const choices = Audit.patientChoices
        for (let i = 0; i < choices.length; ++i) {
            if (choices[i].patientId === Audit.filterPatientId)
                return i + 1
        }
        return 0
    }

    title: qsTr("Audit log")
    background: Rectangle { color: Theme.background }
    Component.onCompleted: Audit.refresh()

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            id: controls

            Layout.fillWidth: true
            Layout.maximumWidth: Theme.contentMaxWidth
            Layout.margins: Theme.pageMargin
            Layout.bottomMargin: Theme.spacingSmall
            spacing: Theme.spacingSmall

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "verifyLog"
                text: qsTr("Verify log")
                highlighted: true
                enabled: !Audit.verifying
                Accessible.name: text
                onClicked: Audit.verify()
            }

            ProgressBar {
                Layout.fillWidth: true
                objectName: "verifyProgress"
                visible: Audit.verifyState !== Audit.NotRun
                from: 0
                to: 1
                value: Audit.progress
                Accessible.name: qsTr("Verification progress")
            }

            MessageBanner {
                Layout.fillWidth: true
                objectName: "verifyResult"
                isError: Audit.verifyState === Audit.Broken
                         || Audit.verifyState === Audit.Failed
                         || Audit.verifyState === Audit.Cancelled
                text: Audit.verifyMessage
            }

            MessageBanner {
                Layout.fillWidth: true
                text: Audit.errorMessage
            }

            ComboBox {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "patientFilter"
                model: root.patientLabels()
                currentIndex: root.patientIndex()
                Accessible.name: qsTr("Show the entries of")
                onActivated: (index) => {
                    const patientId = index > 0 ? Audit.patientChoices[index - 1].patientId : ""
                    Audit.setFilter(patientId, Audit.filterConsentId, Audit.filterPostId)
                }
            }

            Flow {
                Layout.fillWidth: true
                visible: Audit.filterChips.length > 0
                spacing: Theme.spacingSmall

                Repeater {
                    model: Audit.filterChips

                    delegate: Button {
                        id: chip

                        required property var modelData

                        height: Theme.touchTarget
                        objectName: "filterChip_" + chip.modelData.field
                        text: chip.modelData.label + "  \u2715"
                        font.capitalization: Font.MixedCase
                        flat: true
                        Accessible.name: qsTr("Remove the filter %1").arg(chip.modelData.label)
                        onClicked: Audit.clearFilter(chip.modelData.field)
                    }
                }
            }

            Label {
                Layout.fillWidth: true
                objectName: "entryCount"
                text: qsTr("%n entries, newest first", "", list.count)
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
        }

        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            objectName: "auditList"
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            model: Audit.entries
            spacing: Theme.spacingSmall
            bottomMargin: Theme.pageMargin
            ScrollIndicator.vertical: ScrollIndicator {}

            delegate: Rectangle {
                id: entry

                required property int seq
                required property string at
                required property string kindText
                required property string subjectText

                x: Theme.pageMargin
                width: Math.min(list.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
                implicitHeight: entryText.implicitHeight + 2 * Theme.spacingSmall
                color: Audit.firstBadSeq > 0 && entry.seq === Audit.firstBadSeq ? Theme.errorSurface
                                                                               : Theme.surface
                radius: Theme.radius
                border.color: Theme.divider
                border.width: Theme.borderWidth
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1, %2, %3").arg(entry.kindText).arg(entry.at).arg(entry.subjectText)

                ColumnLayout {
                    id: entryText

                    x: Theme.spacingSmall
                    y: Theme.spacingSmall
                    width: entry.width - 2 * Theme.spacingSmall
                    spacing: Theme.spacingSmall / 4

                    RowLayout {
                        Layout.fillWidth: true

                        Label {
                            Layout.fillWidth: true
                            text: entry.kindText
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            Accessible.ignored: true
                        }

                        Label {
                            text: qsTr("#%1").arg(entry.seq)
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            Accessible.ignored: true
                        }
                    }

                    Label {
                        Layout.fillWidth: true
                        text: entry.subjectText.length > 0 ? qsTr("%1 · %2").arg(entry.at).arg(entry.subjectText)
                                                           : entry.at
                        wrapMode: Text.Wrap
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        Accessible.ignored: true
                    }
                }
            }
        }
    }
}
