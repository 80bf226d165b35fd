pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Step 4: the form itself, in plain language, for the choices made: risks and rights
// (revoking, care not conditioned on signing, redisclosure, compensation).
ColumnLayout {
    id: root

    property var sections: []
    readonly property bool ready: !!root.sections && root.sections.length > 0

    // Renders the form for the current choices (called when the step is shown).
    function refresh(): void {
        root.sections = ConsentSession.sections()
    }

    spacing: Theme.spacing

    SectionHeading { text: ConsentSession.formTitle }

    Repeater {
        model: root.sections

        delegate: ColumnLayout {
            id: section

            required property var modelData

            Layout.fillWidth: true
            spacing: Theme.spacingSmall

            Label {
                Layout.fillWidth: true
                text: section.modelData.title
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            Label {
                Layout.fillWidth: true
                text: section.modelData.body
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
        }
    }

    MessageBanner {
        Layout.fillWidth: true
        text: root.ready ? "" : ConsentSession.errorMessage
    }
}
