pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Step 3: what the signer allows: purposes, where and to whom, identifiable or not,
// and until when (within the practice's maximum).
ColumnLayout {
    id: root

    readonly property bool ready: ConsentSession.scopeProblem.length === 0

    function toggled(list: var, code: string, on: bool): var {
        const copy = list.filter((c) => c !== code)
        if (on)
            copy.push(code)
        return copy
    }

    spacing: Theme.spacing

    SectionHeading { text: qsTr("Why it may be shared") }

    Repeater {
        model: ConsentSession.purposeChoices

        delegate: ChoiceCheck {
            id: purpose

            required property var modelData

            Layout.fillWidth: true
            objectName: "purpose_" + purpose.modelData.code
            text: purpose.modelData.label
            Accessible.name: text
            checked: ConsentSession.purposes.indexOf(purpose.modelData.code) >= 0
            onToggled: ConsentSession.purposes = root.toggled(ConsentSession.purposes, purpose.modelData.code, purpose.checked)
        }
    }

    SectionHeading { text: qsTr("Where it may be posted") }

    Repeater {
        model: ConsentSession.platformChoices

        delegate: ChoiceCheck {
            id: platform

            required property var modelData

            Layout.fillWidth: true
            objectName: "platform_" + platform.modelData.code
            text: platform.modelData.label
            Accessible.name: text
            checked: ConsentSession.platforms.indexOf(platform.modelData.code) >= 0
            onToggled: ConsentSession.platforms = root.toggled(ConsentSession.platforms, platform.modelData.code, platform.checked)
        }
    }

    SectionHeading { text: qsTr("Who may see it") }

    Repeater {
        model: ConsentSession.audienceChoices

        delegate: ChoiceCheck {
            id: audience

            required property var modelData

            Layout.fillWidth: true
            objectName: "audience_" + audience.modelData.code
            text: audience.modelData.label
            Accessible.name: text
            checked: ConsentSession.audiences.indexOf(audience.modelData.code) >= 0
            onToggled: ConsentSession.audiences = root.toggled(ConsentSession.audiences, audience.modelData.code, audience.checked)
        }
    }

    SectionHeading { text: qsTr("Can people tell it is you?") }

    ButtonGroup { id: identifiability }

    ChoiceRadio {
        Layout.fillWidth: true
        objectName: "deidentifiedOnly"
        text: qsTr("No: only versions with my face and identifying marks hidden")
        Accessible.name: text
        enabled: ConsentSession.deidentifiedPossible
        checked: !ConsentSession.identifiable
        ButtonGroup.group: identifiability
        onClicked: ConsentSession.identifiable = false
    }

    ChoiceRadio {
        Layout.fillWidth: true
        objectName: "identifiable"
        text: qsTr("Yes: I may be recognizable")
        Accessible.name: text
        checked: ConsentSession.identifiable
        ButtonGroup.group: identifiability
        onClicked: ConsentSession.identifiable = true
    }

    SectionHeading { text: qsTr("Until when") }

    ButtonGroup { id: durations }

    Repeater {
        model: ConsentSession.durationChoices

        delegate: ChoiceRadio {
            id: duration

            required property int modelData

            Layout.fillWidth: true
            text: duration.modelData < 12 ? qsTr("%n month(s)", "", duration.modelData)
                                          : qsTr("%n year(s)", "", duration.modelData / 12)
            Accessible.name: text
            ButtonGroup.group: durations
            onClicked: ConsentSession.chooseExpiryMonths(duration.modelData)
        }
    }

    ChoiceRadio {
        Layout.fillWidth: true
        objectName: "longestDuration"
        text: qsTr("The longest the practice allows")
        Accessible.name: text
        ButtonGroup.group: durations
        checked: true
        onClicked: ConsentSession.chooseExpiryMonths(0)
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Ends on %1").arg(ConsentSession.expiryDateText)
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
    }

    ChoiceCheck {
        id: eventEnds

        Layout.fillWidth: true
        objectName: "expiryEvent"
        text: qsTr("End sooner, when something happens")
        Accessible.name: text
        checked: ConsentSession.expiryKind === "event"
        onToggled: ConsentSession.expiryKind = eventEnds.checked ? "event" : "date"
    }

    TextField {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        visible: eventEnds.checked
        objectName: "expiryEventText"
        placeholderText: qsTr("For example: the end of my treatment")
        Accessible.name: placeholderText
        text: ConsentSession.expiryEvent
        onTextEdited: ConsentSession.expiryEvent = text
    }

    MessageBanner {
        Layout.fillWidth: true
        text: ConsentSession.scopeProblem
    }
}
