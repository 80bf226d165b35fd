pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The patient list with search; the way to add a patient.
Page {
    id: root

    signal backRequested()
    signal patientChosen(string patientId)
    signal addRequested()

    title: qsTr("Patients")
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

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacing

        TextField {
            id: searchField

            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "search"
            placeholderText: qsTr("Search by name or MRN")
            Accessible.name: placeholderText
            inputMethodHints: Qt.ImhNoPredictiveText
            text: Library.search
            onTextEdited: Library.search = searchField.text
        }

        MessageBanner {
            Layout.fillWidth: true
            text: Library.errorMessage
        }

        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            objectName: "patientList"
            clip: true
            spacing: Theme.spacingSmall
            model: Library.patients

            delegate: ItemDelegate {
                id: row

                required property string patientId
                required property string displayName
                required property string subtitle

                objectName: "patient_" + row.patientId
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                text: row.displayName
                Accessible.name: row.subtitle.length > 0 ? row.displayName + ", " + row.subtitle : row.displayName
                contentItem: ColumnLayout {
                    spacing: 0

                    Label {
                        Layout.fillWidth: true
                        text: row.displayName
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        elide: Text.ElideRight
                    }

                    Label {
                        Layout.fillWidth: true
                        visible: row.subtitle.length > 0
                        text: row.subtitle
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        elide: Text.ElideRight
                    }
                }
                onClicked: root.patientChosen(row.patientId)
            }

            Label {
                anchors.centerIn: parent
                width: parent.width
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: Library.search.length > 0 ? qsTr("No patient matches this search.")
                                                : qsTr("No patients yet. Add the first one.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }
        }

        Button {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            objectName: "addPatient"
            text: qsTr("Add patient")
            highlighted: true
            Accessible.name: text
            onClicked: root.addRequested()
        }
    }
}
