pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Who discloses: the clinician's name, credentials and practice, and where a patient
// sends a written revocation, all printed on every consent form. The fields start from
// the stored profile and follow it when it changes; Save hands the typed values on.
ColumnLayout {
    id: root

    required property string clinicianName
    required property string clinicianCredentials
    required property string practiceName
    required property string practiceContact
    required property bool profileComplete
    // The answer to the last Save, shown under the button.
    required property string errorMessage
    required property string noticeMessage

    signal saveRequested(string name, string credentials, string practice, string contact)

    // Puts the stored profile back into the fields.
    function reset(): void {
        nameField.text = root.clinicianName
        credentialsField.text = root.clinicianCredentials
        practiceField.text = root.practiceName
        contactField.text = root.practiceContact
    }

    function save(): void {
        root.saveRequested(nameField.text, credentialsField.text, practiceField.text,
                           contactField.text)
    }

    spacing: Theme.spacing

    onClinicianNameChanged: nameField.text = root.clinicianName
    onClinicianCredentialsChanged: credentialsField.text = root.clinicianCredentials
    onPracticeNameChanged: practiceField.text = root.practiceName
    onPracticeContactChanged: contactField.text = root.practiceContact
    Component.onCompleted: root.reset()

    Label {
        Layout.fillWidth: true
        text: qsTr("Clinician profile")
        font.pixelSize: Theme.fontTitle
        color: Theme.text
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Printed on every consent form as the person who shares the photos or story.")
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }

    Label {
        Layout.fillWidth: true
        objectName: "profileIncomplete"
        visible: !root.profileComplete
        text: qsTr("Fill in every field: a consent can't be signed until the profile is complete.")
        font.pixelSize: Theme.fontBody
        color: Theme.error
        wrapMode: Text.Wrap
    }

    SettingsField {
        id: nameField

        Layout.fillWidth: true
        objectName: "clinicianName"
        label: qsTr("Your name")
        onAccepted: credentialsField.field.forceActiveFocus()
    }

    SettingsField {
        id: credentialsField

        Layout.fillWidth: true
        objectName: "clinicianCredentials"
        label: qsTr("Credentials")
        hint: qsTr("For example \"MD, Dermatology\".")
        onAccepted: practiceField.field.forceActiveFocus()
    }

    SettingsField {
        id: practiceField

        Layout.fillWidth: true
        objectName: "practiceName"
        label: qsTr("Practice")
        onAccepted: contactField.field.forceActiveFocus()
    }

    SettingsField {
        id: contactField

        Layout.fillWidth: true
        objectName: "practiceContact"
        label: qsTr("Where patients send a written revocation")
        hint: qsTr("A postal or e-mail address. The consent form tells patients to write here to take back their consent.")
        onAccepted: root.save()
    }

    MessageBanner {
        Layout.fillWidth: true
        objectName: "profileError"
        text: root.errorMessage
    }

    MessageBanner {
        Layout.fillWidth: true
        objectName: "profileNotice"
        text: root.noticeMessage
        isError: false
    }

    Button {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: "saveProfile"
        text: qsTr("Save profile")
        highlighted: true
        Accessible.name: text
        onClicked: root.save()
    }
}
