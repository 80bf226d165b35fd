pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Patient mode: the consent wizard, the only screen the signer can reach. Back and Next
// move between its steps; nothing leaves it but the clinician's passcode on the last
// step (or a lock).
Page {
    id: root

    objectName: "consentWizardPage"

    readonly property list<Item> steps: [languageStep, itemsStep, scopeStep, formStep, quizStep,
                                         signerStep, signStep, witnessStep, handBackStep]
    readonly property var ready: [languageStep.ready, itemsStep.ready, scopeStep.ready,
                                         formStep.ready, quizStep.ready, signerStep.ready,
                                         signStep.ready, witnessStep.ready, handBackStep.ready]
    readonly property int lastStep: root.steps.length - 1
    property int step: 0

    function go(index: int): void {
        root.step = Math.max(0, Math.min(root.lastStep, index))
        if (root.step === 3)
            formStep.refresh()
        else if (root.step === root.lastStep)
            handBackStep.refresh()
        scroller.contentY = 0
    }

    title: qsTr("Consent")
    background: Rectangle { color: Theme.patientBackground }
    focus: true
    // The hardware back key moves back one step and never leaves patient mode.
    Keys.onBackPressed: (event) => {
        event.accepted = true
        root.go(root.step - 1)
    }
    Keys.onEscapePressed: (event) => {
        event.accepted = true
    }

    header: TitleBar {
        title: root.title

        ToolButton {
            Layout.minimumHeight: Theme.touchTarget
            objectName: "handBack"
            visible: root.step !== root.lastStep
            text: qsTr("Hand back")
            Accessible.name: qsTr("Hand the phone back to the clinician")
            onClicked: root.go(root.lastStep)
        }
    }

    footer: Pane {
        padding: Theme.spacingSmall
        background: Rectangle { color: Theme.surface }

        RowLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: Theme.spacingSmall

            Button {
                Layout.minimumHeight: Theme.touchTarget
                objectName: "wizardBack"
                text: qsTr("Back")
                enabled: root.step > 0
                Accessible.name: text
                onClicked: root.go(root.step - 1)
            }

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                objectName: "stepLabel"
                text: qsTr("Step %1 of %2").arg(root.step + 1).arg(root.lastStep + 1)
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }

            Button {
                Layout.minimumHeight: Theme.touchTarget
                objectName: "wizardNext"
                visible: root.step < root.lastStep
                text: qsTr("Next")
                highlighted: true
                enabled: root.ready[root.step]
                Accessible.name: text
                onClicked: root.go(root.step + 1)
            }
        }
    }

    Flickable {
        id: scroller

        anchors.fill: parent
        objectName: "wizardScroller"
        contentHeight: stack.implicitHeight + 2 * Theme.pageMargin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        StackLayout {
            id: stack

            x: Theme.pageMargin
            y: Theme.pageMargin
            width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.contentMaxWidth)
            currentIndex: root.step
            implicitHeight: root.steps[root.step].implicitHeight

            WizardLanguageStep { id: languageStep; objectName: "languageStep" }
            WizardItemsStep { id: itemsStep; objectName: "itemsStep" }
            WizardScopeStep { id: scopeStep; objectName: "scopeStep" }
            WizardFormStep { id: formStep; objectName: "formStep" }
            WizardQuizStep { id: quizStep; objectName: "quizStep" }
            WizardSignerStep { id: signerStep; objectName: "signerStep" }
            WizardSignStep { id: signStep; objectName: "signStep" }
            WizardWitnessStep { id: witnessStep; objectName: "witnessStep" }
            WizardHandBackStep { id: handBackStep; objectName: "handBackStep" }
        }
    }
}
