pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Every photo and story in the vault with the gate's decision for the open draft's
// target. A blocked item says why and can't be attached; the list follows the target.
Page {
    id: root

    signal backRequested()

    title: qsTr("Add to the draft")
    background: Rectangle { color: Theme.background }

    header: TitleBar {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            objectName: "pickerTarget"
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            text: Posts.targetComplete
                  ? qsTr("Decisions for %1").arg(Posts.targetText)
                  : qsTr("Choose the draft's platform, audience and purpose: until then an item is allowed if any consent could allow it.")
        }

        TextField {
            id: searchField

            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "pickerSearch"
            placeholderText: qsTr("Search by patient name or MRN")
            Accessible.name: placeholderText
            inputMethodHints: Qt.ImhNoPredictiveText
            text: Posts.pickerSearch
            onTextEdited: Posts.pickerSearch = searchField.text
        }

        MessageBanner {
            Layout.fillWidth: true
            objectName: "pickerError"
            text: Posts.errorMessage
        }

        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            objectName: "pickerList"
            clip: true
            spacing: Theme.spacingSmall
            model: Posts.picker

            delegate: ItemRow {
                id: pickRow

                required property int index

                width: ListView.view.width
                objectName: "pick_" + pickRow.itemId
                actionText: pickRow.attached ? qsTr("Attached") : qsTr("Attach")
                actionName: pickRow.attached ? qsTr("%1 is attached").arg(pickRow.label)
                                             : qsTr("Attach %1").arg(pickRow.label)
                actionObjectName: "attach_" + pickRow.itemId
                actionEnabled: pickRow.allowed && !pickRow.attached
                onActionClicked: Posts.attach(pickRow.itemId)
            }

            Label {
                anchors.centerIn: parent
                width: parent.width
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("No photos or stories found.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "pickerDone"
            text: qsTr("Done")
            highlighted: true
            Accessible.name: text
            onClicked: root.backRequested()
        }
    }
}
