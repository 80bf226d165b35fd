pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Step 6: who signs: the patient, or a representative with their name, relationship and
// authority to sign for the patient.
ColumnLayout {
    id: root

    readonly property bool representative: ConsentSession.signerRole !== "patient"
    readonly property bool ready: ConsentSession.signerProblem.length === 0

    spacing: Theme.spacing

    SectionHeading { text: qsTr("Who is signing?") }

    ButtonGroup { id: roles }

    Repeater {
        model: ConsentSession.roleChoices

        delegate: ChoiceRadio {
            id: role

            required property var modelData

            Layout.fillWidth: true
            objectName: "role_" + role.modelData.code
            text: role.modelData.label
            Accessible.name: text
            checked: ConsentSession.signerRole === role.modelData.code
            ButtonGroup.group: roles
            onClicked: ConsentSession.signerRole = role.modelData.code
        }
    }

    TextField {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        visible: root.representative
        objectName: "signerName"
        placeholderText: qsTr("Your full name")
        Accessible.name: placeholderText
        text: ConsentSession.signerName
        onTextEdited: ConsentSession.signerName = text
    }

    TextField {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        visible: root.representative
        objectName: "relationship"
        placeholderText: qsTr("Your relationship to the patient (for example: mother)")
        Accessible.name: placeholderText
        text: ConsentSession.relationship
        onTextEdited: ConsentSession.relationship = text
    }

    TextField {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        visible: root.representative
        objectName: "authority"
        placeholderText: qsTr("Your authority to sign (for example: parent of a minor, court order)")
        Accessible.name: placeholderText
        text: ConsentSession.authority
        onTextEdited: ConsentSession.authority = text
    }

    MessageBanner {
        Layout.fillWidth: true
        text: ConsentSession.signerProblem
    }
}
