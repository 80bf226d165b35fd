pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// The practice's rules for new consents: whether a witness must sign, the longest a
// consent may last, and the platforms posts may go to. The controls start from the
// stored policy and follow it when it changes; Save hands the chosen values on.
ColumnLayout {
    id: root

    required property bool witnessRequired
    required property int maxDurationDays
    required property int longestMaxDurationDays
    // Platform codes.
    required property var allowedPlatforms
    // [{code, label}] for every platform, in order (Vocabulary.platforms()).
    required property var platformChoices
    // The answer to the last Save, shown under the button.
    required property string errorMessage
    required property string noticeMessage

    signal saveRequested(bool witnessRequired, int maxDurationDays, var allowedPlatforms)

    // The durations offered, in words, up to the longest the app allows. A stored value
    // that is none of them (set elsewhere) is offered too, in days.
    readonly property var durationChoices: {
        const choices = [
            { days: 183, label: qsTr("%n month(s)", "", 6) },
            { days: 365, label: qsTr("%n year(s)", "", 1) },
            { days: 730, label: qsTr("%n year(s)", "", 2) },
            { days: 1095, label: qsTr("%n year(s)", "", 3) },
            { days: 1825, label: qsTr("%n year(s)", "", 5) },
            { days: 3650, label: qsTr("%n year(s)", "", 10) }
        ].filter(choice => choice.days <= root.longestMaxDurationDays)
        const stored = root.maxDurationDays
        if (stored > 0 && !choices.some(choice => choice.days === stored)) {
            choices.push({ days: stored, label: qsTr("%n day(s)", "", stored) })
            choices.sort((a, b) => a.days - b.days)
        }
        return choices
    }
    property int chosenDays: 0

    // Puts the stored policy back into the controls.
    function reset(): void {
        witnessSwitch.checked = root.witnessRequired
        root.chosenDays = root.maxDurationDays
        for (let i = 0; i < durations.count; ++i) {
            const radio = durations.itemAt(i) as RadioButton
            if (radio)
                radio.checked = root.durationChoices[i].days === root.chosenDays
        }
        for (let i = 0; i < platforms.count; ++i) {
            const box = platforms.itemAt(i) as CheckBox
            if (box)
                box.checked = root.allowedPlatforms.includes(root.platformChoices[i].code)
        }
    }

    function chosenPlatforms(): var {
        const codes = []
        for (let i = 0; i < platforms.count; ++i) {
            const box = platforms.itemAt(i) as CheckBox
            if (box && box.checked)
                codes.push(root.platformChoices[i].code)
        }
        return codes
    }

    function save(): void {
        root.saveRequested(witnessSwitch.checked, root.chosenDays, root.chosenPlatforms())
    }

    spacing: Theme.spacing

    onWitnessRequiredChanged: root.reset()
    onMaxDurationDaysChanged: root.reset()
    onAllowedPlatformsChanged: root.reset()
    onPlatformChoicesChanged: root.reset()
    Component.onCompleted: root.reset()

    Label {
        Layout.fillWidth: true
        text: qsTr("Practice policy")
        font.pixelSize: Theme.fontTitle
        color: Theme.text
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Applies to consents signed from now on. Consents already signed keep the rules they were signed under.")
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }

    Switch {
        id: witnessSwitch

        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: "witnessRequired"
        text: qsTr("A witness must also sign")
        Accessible.name: text

        contentItem: Label {
            leftPadding: witnessSwitch.indicator.width + witnessSwitch.spacing
            text: witnessSwitch.text
            font: witnessSwitch.font
            color: Theme.text
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
            Accessible.ignored: true
        }
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Longest a consent may last")
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("The patient may choose an earlier end date, never a later one.")
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }

    ButtonGroup {
        id: durationGroup
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 0

        Repeater {
            id: durations

            model: root.durationChoices

            RadioButton {
                id: durationRadio

                required property var modelData

                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "duration" + durationRadio.modelData.days
                text: durationRadio.modelData.label
                checked: durationRadio.modelData.days === root.chosenDays
                ButtonGroup.group: durationGroup
                Accessible.name: text
                onClicked: root.chosenDays = durationRadio.modelData.days
            }
        }
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Platforms where posts may appear")
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("A consent can name only these, and nothing can be shared anywhere else.")
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 0

        Repeater {
            id: platforms

            model: root.platformChoices

            CheckBox {
                id: platformBox

                required property var modelData

                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                objectName: "platform_" + platformBox.modelData.code
                text: platformBox.modelData.label
                checked: root.allowedPlatforms.includes(platformBox.modelData.code)
                Accessible.name: text

                contentItem: Label {
                    leftPadding: platformBox.indicator.width + platformBox.spacing
                    text: platformBox.text
                    font: platformBox.font
                    color: Theme.text
                    wrapMode: Text.Wrap
                    verticalAlignment: Text.AlignVCenter
                    Accessible.ignored: true
                }
            }
        }
    }

    MessageBanner {
        Layout.fillWidth: true
        objectName: "policyError"
        text: root.errorMessage
    }

    MessageBanner {
        Layout.fillWidth: true
        objectName: "policyNotice"
        text: root.noticeMessage
        isError: false
    }

    Button {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        objectName: "savePolicy"
        text: qsTr("Save policy")
        highlighted: true
        Accessible.name: text
        onClicked: root.save()
    }
}
