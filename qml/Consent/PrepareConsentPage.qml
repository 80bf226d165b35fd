pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The clinician chooses the photos and stories the consent will cover, then hands the
// phone to the patient (patient mode).
Page {
    id: root

    property var chosen: []
    readonly property int chosenCount: root.chosen ? root.chosen.length : 0

    signal backRequested()

    function toggle(itemId: string, on: bool): void {
        const copy = root.chosen.filter((id) => id !== itemId)
        if (on)
            copy.push(itemId)
        root.chosen = copy
    }

    title: qsTr("Record consent")
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
                text: qsTr("Choose what %1 is asked to consent to. The patient sees exactly these items.").arg(Library.patientName)
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }

            SectionHeading { text: qsTr("Photos") }

            Repeater {
                model: Library.photos

                delegate: CheckDelegate {
                    id: photoChoice

                    required property string photoId
                    required property string source
                    required property string capturedAt
                    required property bool derivative

                    Layout.fillWidth: true
                    objectName: "choose_" + photoChoice.photoId
                    text: photoChoice.derivative ? qsTr("Redacted photo taken %1").arg(photoChoice.capturedAt)
                                                 : qsTr("Photo taken %1").arg(photoChoice.capturedAt)
                    Accessible.name: text
                    checked: root.chosen.indexOf(photoChoice.photoId) >= 0
                    onToggled: root.toggle(photoChoice.photoId, photoChoice.checked)
                    leftPadding: Theme.thumbnailSize / 2 + Theme.spacing

                    Image {
                        x: 0
                        anchors.verticalCenter: parent.verticalCenter
                        width: Theme.thumbnailSize / 2
                        height: Theme.thumbnailSize / 2
                        source: photoChoice.source
                        sourceSize.width: Theme.thumbnailSize
                        sourceSize.height: Theme.thumbnailSize
                        fillMode: Image.PreserveAspectCrop
                        cache: false
                    }
                }
            }

            SectionHeading { text: qsTr("Stories") }

            Repeater {
                model: Library.stories

                delegate: CheckDelegate {
                    id: storyChoice

                    required property string storyId
                    required property string title
                    required property int version

                    Layout.fillWidth: true
                    objectName: "choose_" + storyChoice.storyId
                    text: qsTr("%1 (version %2)").arg(storyChoice.title).arg(storyChoice.version)
                    Accessible.name: text
                    checked: root.chosen.indexOf(storyChoice.storyId) >= 0
                    onToggled: root.toggle(storyChoice.storyId, storyChoice.checked)
                }
            }

            SectionHeading { text: qsTr("Payment") }

            SwitchDelegate {
                id: paidSwitch

                Layout.fillWidth: true
                objectName: "paid"
                text: qsTr("You or the practice are paid for this use")
                Accessible.name: text
            }

            TextField {
                id: compensation

                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                visible: paidSwitch.checked
                objectName: "compensationDescription"
                placeholderText: qsTr("Who pays, and for what")
                Accessible.name: placeholderText
            }

            MessageBanner {
                Layout.fillWidth: true
                text: ConsentSession.errorMessage
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "handOver"
                text: qsTr("Hand the phone to the patient")
                highlighted: true
                enabled: root.chosenCount > 0
                Accessible.name: text
                onClicked: ConsentSession.begin(Library.patientId, root.chosen, paidSwitch.checked,
                                                compensation.text)
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("In patient mode only the consent form can be reached. Your passcode is needed to leave it.")
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
        }
    }
}
