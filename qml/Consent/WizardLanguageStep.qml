pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Step 1: the signer's language. It switches the form and every string on screen.
ColumnLayout {
    id: root

    readonly property bool ready: ConsentSession.language.length > 0

    spacing: Theme.spacing

    Label {
        Layout.fillWidth: true
        text: qsTr("Welcome, %1. Your clinician asks for your permission to share some of your health information. Please read each page carefully.").arg(ConsentSession.patientName)
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
    }

    SectionHeading { text: qsTr("Choose your language") }

    ButtonGroup { id: languages }

    Repeater {
        model: ConsentSession.languages

        delegate: ChoiceRadio {
            id: choice

            required property var modelData

            Layout.fillWidth: true
            objectName: "language_" + choice.modelData.code
            text: choice.modelData.name
            Accessible.name: text
            checked: ConsentSession.language === choice.modelData.code
            ButtonGroup.group: languages
            onClicked: ConsentSession.language = choice.modelData.code
        }
    }
}
