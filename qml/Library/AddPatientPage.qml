pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Adding a patient: a display name; MRN and birth date only if the clinician wants them
// (store the minimum).
Page {
    id: root

    signal backRequested()
    signal added(string patientId)

    title: qsTr("Add patient")
    background: Rectangle { color: Theme.background }

    header: TitleBar {
        title: root.title

        ToolButton {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "back"
            text: qsTr("Cancel")
            Accessible.name: text
            onClicked: root.backRequested()
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: form.implicitHeight + 2 * Theme.pageMargin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: form

            x: Theme.pageMargin
            y: Theme.pageMargin
            width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: qsTr("Store only what you need. The name is required; the record number and birth date are optional.")
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody
            }

            TextField {
                id: nameField

                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "patientName"
                placeholderText: qsTr("Patient's name")
                Accessible.name: placeholderText
            }

            TextField {
                id: mrnField

                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "patientMrn"
                placeholderText: qsTr("Medical record number (optional)")
                Accessible.name: placeholderText
                inputMethodHints: Qt.ImhNoPredictiveText
            }

            TextField {
                id: birthField

                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "patientBirthDate"
                placeholderText: qsTr("Birth date, year-month-day (optional)")
                Accessible.name: placeholderText
                inputMethodHints: Qt.ImhDate
            }

            MessageBanner {
                Layout.fillWidth: true
                text: Library.errorMessage
            }

            Button {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "savePatient"
                text: qsTr("Save patient")
                highlighted: true
                Accessible.name: text
                onClicked: {
                    const id = Library.addPatient(nameField.text, mrnField.text, birthField.text)
                    if (id.length > 0)
                        root.added(id)
                }
            }
        }
    }
}
