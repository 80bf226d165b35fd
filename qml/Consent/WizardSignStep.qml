pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Step 7: the signature (kept as strokes), the printed name and the explicit agreement,
// whose words state what the signature means.
ColumnLayout {
    id: root

    property string problem: ""
    readonly property bool ready: ConsentSession.hasSignature && ConsentSession.agreed
                                  && ConsentSession.printedName.trim().length > 0

    spacing: Theme.spacing

    SectionHeading { text: qsTr("Sign") }

    Label {
        Layout.fillWidth: true
        text: ConsentSession.signatureMeaning
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
    }

    SignaturePad {
        id: pad

        Layout.fillWidth: true
        objectName: "signaturePad"
        label: qsTr("Signature pad")
        onEdited: {
            root.problem = ""
            ConsentSession.clearSignature()
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingSmall

        Button {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "undoStroke"
            text: qsTr("Undo")
            enabled: !pad.empty
            Accessible.name: text
            onClicked: pad.undo()
        }

        Button {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "clearSignature"
            text: qsTr("Clear")
            enabled: !pad.empty
            Accessible.name: text
            onClicked: pad.clear()
        }
    }

    TextField {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: "printedName"
        placeholderText: qsTr("Your name, printed")
        Accessible.name: placeholderText
        text: ConsentSession.printedName
        onTextEdited: ConsentSession.printedName = text
    }

    Label {
        Layout.fillWidth: true
        text: ConsentSession.agreeStatement
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }

    Button {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: "agree"
        text: ConsentSession.agreed ? qsTr("You agreed") : qsTr("I agree and sign")
        highlighted: true
        enabled: !pad.empty && !ConsentSession.agreed
        Accessible.name: text
        onClicked: {
            root.problem = ConsentSession.setSignature(pad.strokes, pad.padWidth, pad.padHeight)
            if (root.problem.length === 0)
                ConsentSession.agree()
        }
    }

    MessageBanner {
        Layout.fillWidth: true
        text: root.problem
    }
}
