pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Step 8: a witness signs (required when the practice's policy says so, else optional).
ColumnLayout {
    id: root

    property string problem: ""
    readonly property bool ready: ConsentSession.hasWitness || !ConsentSession.witnessRequired

    spacing: Theme.spacing

    SectionHeading { text: qsTr("Witness") }

    Label {
        Layout.fillWidth: true
        text: ConsentSession.witnessRequired
              ? qsTr("The practice asks for a witness. The witness watched you sign and signs here.")
              : qsTr("Optional: a witness who watched you sign may sign here. You can skip this step.")
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
    }

    TextField {
        id: witnessName

        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: "witnessName"
        placeholderText: qsTr("Witness's name")
        Accessible.name: placeholderText
        onTextEdited: ConsentSession.clearWitness()
    }

    SignaturePad {
        id: pad

        Layout.fillWidth: true
        objectName: "witnessPad"
        label: qsTr("Witness signature pad")
        onEdited: {
            root.problem = ""
            ConsentSession.clearWitness()
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingSmall

        Button {
            Layout.minimumHeight: Theme.touchTarget
            text: qsTr("Clear")
            enabled: !pad.empty
            Accessible.name: qsTr("Clear witness signature")
            onClicked: pad.clear()
        }

        Button {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "saveWitness"
            text: ConsentSession.hasWitness ? qsTr("Witness signed") : qsTr("Save witness signature")
            highlighted: true
            enabled: !pad.empty && !ConsentSession.hasWitness
            Accessible.name: text
            onClicked: root.problem = ConsentSession.setWitness(witnessName.text, pad.strokes, pad.padWidth, pad.padHeight)
        }
    }

    MessageBanner {
        Layout.fillWidth: true
        text: root.problem
    }
}
