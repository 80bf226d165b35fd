pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The last step: the phone goes back to the clinician, who countersigns with the
// passcode (sealing the consent and leaving patient mode) or cancels it.
ColumnLayout {
    id: root

    property var missing: []
    readonly property bool complete: !root.missing || root.missing.length === 0
    readonly property bool ready: false

    function refresh(): void {
        root.missing = ConsentSession.missing()
    }

    spacing: Theme.spacing

    SectionHeading { text: qsTr("Thank you. Please hand the phone back to your clinician.") }

    Label {
        Layout.fillWidth: true
        text: root.complete
              ? qsTr("Clinician: review the choices, then countersign with your passcode to seal the consent.")
              : qsTr("Still missing: %1").arg(root.missing.join("; "))
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
        color: root.complete ? Theme.text : Theme.error
    }

    PasscodeField {
        id: passcode

        Layout.fillWidth: true
        objectName: "clinicianPasscode"
        label: qsTr("Clinician's passcode")
    }

    MessageBanner {
        Layout.fillWidth: true
        text: ConsentSession.errorMessage
    }

    Button {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: "countersign"
        text: qsTr("Countersign and seal")
        highlighted: true
        enabled: root.complete && passcode.text.length > 0 && AppController.backoffSeconds === 0
        Accessible.name: text
        onClicked: {
            const passcodeText = passcode.text
            passcode.clear()
            ConsentSession.countersign(passcodeText)
        }
    }

    Button {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: "cancelConsent"
        text: qsTr("Cancel this consent")
        flat: true
        enabled: passcode.text.length > 0 && AppController.backoffSeconds === 0
        Accessible.name: text
        onClicked: {
            const passcodeText = passcode.text
            passcode.clear()
            ConsentSession.cancel(passcodeText)
        }
    }
}
