// No `pragma ComponentBehavior: Bound` here: Qt 6.4's Loader instantiates its component
// in a fresh child context, which bound components refuse ("Cannot instantiate bound
// component outside its creation context"). Every other file is bound.

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import ConsentCam

// The window. The top-level screen follows AppController.state; the StackView inside
// the unlocked screen is for drill-down only (Home → Patients → a patient → ...).
ApplicationWindow {
    id: root

    width: Theme.windowWidth
    height: Theme.windowHeight
    visible: true
    title: qsTr("ConsentCam")
    color: Theme.background
    font.pixelSize: Theme.fontControl

    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.accent

    // In patient mode the window can't be closed either: only the passcode leaves it.
    onClosing: (close) => {
        if (AppController.state === AppController.PatientMode)
            close.accepted = false
    }

    header: Rectangle {
        visible: AppController.demo
        height: AppController.demo ? demoLabel.implicitHeight + Theme.spacingSmall : 0
        color: Theme.demoBanner

        Label {
            id: demoLabel

            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacingSmall
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            objectName: "demoBanner"
            text: qsTr("DEMO — fictional data · passcode %1").arg(AppController.demoPasscodeText)
            color: Theme.demoBannerText
            font.pixelSize: Theme.fontSmall
            font.bold: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    // The vault's own screens: creating it and unlocking it.
    Loader {
        id: screen

        anchors.fill: parent
        objectName: "screen"
        active: AppController.state === AppController.NoVault
            || AppController.state === AppController.Locked
        sourceComponent: AppController.state === AppController.NoVault ? createScreen
                                                                       : unlockScreen
    }

    // The unlocked screens, loaded by file rather than named as types here: a type named
    // in this file is compiled, with every type it names in turn, before the first frame,
    // so launching to the unlock screen would also compile the whole app and load Qt
    // Multimedia for the capture screen.
    Loader {
        id: unlockedScreen

        anchors.fill: parent
        objectName: "unlockedScreen"
        active: AppController.state === AppController.Unlocked
            || AppController.state === AppController.PatientMode
        source: AppController.state === AppController.PatientMode
            ? "Consent/ConsentWizardPage.qml" : "Home/HomeStack.qml"
    }

    Component {
        id: createScreen

        CreateVaultPage {
            id: createPage

            objectName: "createVaultPage"
            busy: AppController.busy
            errorMessage: AppController.errorMessage
            passcodeStrong: AppController.passcodeStrong(createPage.passcode)
            onCreateRequested: (passcode) => AppController.createVault(passcode)
        }
    }

    Component {
        id: unlockScreen

        UnlockPage {
            objectName: "unlockPage"
            busy: AppController.busy
            errorMessage: AppController.errorMessage
            backoffSeconds: AppController.backoffSeconds
            failedAttempts: AppController.failedAttempts
            quickUnlockEnabled: AppController.quickUnlockEnabled
            onUnlockRequested: (passcode) => AppController.unlock(passcode)
            onQuickUnlockRequested: AppController.quickUnlock()
        }
    }
}
