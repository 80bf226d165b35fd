pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConsentCam

// Step 5: a short comprehension check. A wrong answer shows why, then the question can
// be answered again; the next step opens only when every answer is right.
ColumnLayout {
    id: root

    readonly property bool ready: ConsentSession.comprehensionPassed

    spacing: Theme.spacing

    SectionHeading { text: qsTr("A few questions") }

    Label {
        Layout.fillWidth: true
        text: qsTr("These questions check that the form is clear. They are not a test of you.")
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
        color: Theme.textMuted
    }

    Repeater {
        model: ConsentSession.questions

        delegate: Pane {
            id: question

            required property var modelData
            required property int index
            property int chosen: -1
            property string feedback: ""
            property bool answeredRight: false

            Layout.fillWidth: true
            padding: Theme.spacingSmall
            background: Rectangle {
                color: Theme.surface
                radius: Theme.radius
                border.color: Theme.divider
                border.width: Theme.borderWidth
            }

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: Theme.spacingSmall

                Label {
                    Layout.fillWidth: true
                    text: question.modelData.question
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: Theme.text
                }

                ButtonGroup { id: answers }

                Repeater {
                    model: question.modelData.answers

                    delegate: ChoiceRadio {
                        id: answer

                        required property string modelData
                        required property int index

                        Layout.fillWidth: true
                        objectName: "answer_" + question.index + "_" + answer.index
                        text: answer.modelData
                        Accessible.name: text
                        enabled: !question.answeredRight
                        checked: question.chosen === answer.index
                        ButtonGroup.group: answers
                        onClicked: question.chosen = answer.index
                    }
                }

                Button {
                    Layout.minimumHeight: Theme.touchTarget
                    objectName: "checkAnswer_" + question.index
                    visible: !question.answeredRight
                    enabled: question.chosen >= 0
                    text: qsTr("Check my answer")
                    Accessible.name: text
                    onClicked: {
                        const result = ConsentSession.answer(question.index, question.chosen)
                        question.answeredRight = result.correct
                        question.feedback = result.correct ? qsTr("That's right.")
                                                           : result.explanation + " " + qsTr("Please try again.")
                        if (!result.correct)
                            question.chosen = -1
                    }
                }

                MessageBanner {
                    Layout.fillWidth: true
                    text: question.feedback
                    isError: !question.answeredRight
                }
            }
        }
    }
}
