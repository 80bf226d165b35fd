pragma ComponentBehavior: Bound

import QtQuick
import QtTest
import ConsentCam

// The consent wizard over the real controllers (tests/qml/main.cpp): Next waits for each
// step, Back keeps what was chosen, the hardware back key never leaves patient mode, a
// trivial scribble is refused and a real signature kept, and the phone goes back to the
// clinician only with the passcode.
Item {
    id: root

    width: 412
    height: 915

    Component {
        id: wizardComponent

        ConsentWizardPage {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "ConsentWizard"
        when: windowShown

        property var page: null
        readonly property string passcode: "482915"

        function init() {
            verify(Library.patients.count > 0)
            const patientId = row(Library.patients, 0).patientId
            verify(Library.openPatient(patientId))
            const storyId = row(Library.stories, 0).storyId
            verify(ConsentSession.begin(patientId, [storyId]))
            compare(AppController.state, AppController.PatientMode)
            page = createTemporaryObject(wizardComponent, root)
            verify(page)
            waitForRendering(page)
        }

        function row(model: var, index: int): var {
            return model.get(index)
        }

        function cleanup() {
            if (ConsentSession.active)
                verify(ConsentSession.cancel(passcode))
            compare(AppController.state, AppController.Unlocked)
        }

        function item(name) {
            const found = findChild(page, name)
            verify(found, name)
            return found
        }

        function next() {
            const button = item("wizardNext")
            verify(button.enabled, "Next is open on step " + (page.step + 1))
            mouseClick(button)
        }

        // Taps a control as a finger would, scrolling it into view first.
        function tap(name) {
            const control = item(name)
            const scroller = item("wizardScroller")
            const top = control.mapToItem(scroller.contentItem, 0, 0).y
            scroller.contentY = Math.max(0, Math.min(top - 40, scroller.contentHeight - scroller.height))
            waitForRendering(page)
            mouseClick(control)
        }

        function chooseScope() {
            tap("purpose_education")
            tap("platform_instagram")
            tap("audience_public")
        }

        function answerQuestions() {
            const questions = ConsentSession.questions
            for (let q = 0; q < questions.length; ++q) {
                for (let a = 0; a < questions[q].answers.length; ++a) {
                    if (ConsentSession.answer(q, a).correct)
                        break
                }
            }
            verify(ConsentSession.comprehensionPassed)
        }

        function drawOn(pad, points) {
            mousePress(pad, points[0][0], points[0][1])
            for (let i = 1; i < points.length; ++i)
                mouseMove(pad, points[i][0], points[i][1], 5)
            mouseRelease(pad, points[points.length - 1][0], points[points.length - 1][1])
        }

        // A cursive-like signature across the pad: loops joined along a baseline.
        function signaturePoints(pad) {
            const points = []
            const loops = 6
            for (let i = 0; i <= loops * 16; ++i) {
                const t = i / 16
                const x = 20 + t * (pad.width - 60) / loops + 14 * Math.cos(t * 2 * Math.PI)
                const y = pad.height * 0.55 - 40 * Math.abs(Math.sin(t * Math.PI)) + 6 * Math.sin(t * 7)
                points.push([Math.round(x), Math.round(y)])
            }
            return points
        }

        function test_next_waits_for_each_step() {
            compare(item("stepLabel").text, "Step 1 of 9")
            next() // the language is chosen already
            next() // the items are only shown
            compare(page.step, 2)
            verify(!item("wizardNext").enabled)
            chooseScope()
            verify(item("wizardNext").enabled)
            next()
            next() // the form
            compare(page.step, 4)
            verify(!item("wizardNext").enabled)
            answerQuestions()
            verify(item("wizardNext").enabled)
        }

        function test_back_keeps_the_choices() {
            next()
            next()
            chooseScope()
            next()
            tap("wizardBack")
            compare(page.step, 2)
            verify(item("platform_instagram").checked)
            compare(ConsentSession.platforms, ["instagram"])
        }

        function test_the_back_key_stays_in_patient_mode() {
            next()
            next()
            page.forceActiveFocus()
            keyClick(Qt.Key_Back)
            compare(page.step, 1)
            keyClick(Qt.Key_Back)
            keyClick(Qt.Key_Back)
            keyClick(Qt.Key_Escape)
            compare(page.step, 0)
            compare(AppController.state, AppController.PatientMode)
        }

        function test_a_scribble_is_refused_and_a_signature_kept() {
            ConsentSession.purposes = ["education"]
            ConsentSession.platforms = ["instagram"]
            ConsentSession.audiences = ["public"]
            answerQuestions()
            page.go(6)
            const pad = item("signaturePad")
            waitForRendering(pad)
            drawOn(pad, [[40, 120], [90, 121], [140, 122]]) // a dash
            item("printedName").text = "Lucía Example"
            ConsentSession.printedName = "Lucía Example"
            tap("agree")
            verify(!ConsentSession.hasSignature)
            verify(!ConsentSession.agreed)
            verify(!item("wizardNext").enabled)

            tap("clearSignature")
            verify(pad.empty)
            drawOn(pad, signaturePoints(pad))
            tap("agree")
            verify(ConsentSession.hasSignature)
            verify(ConsentSession.agreed)
            verify(item("wizardNext").enabled)
            // The strokes kept are the ones drawn, in pad pixels.
            verify(pad.strokes.length === 1)
            verify(pad.strokes[0].length > 50)
        }

        function test_hand_back_needs_the_passcode() {
            mouseClick(item("handBack"))
            compare(page.step, 8)
            verify(!item("countersign").enabled)
            verify(!item("cancelConsent").enabled)
            item("clinicianPasscodeField").text = "000000"
            tap("cancelConsent")
            compare(AppController.state, AppController.PatientMode)
            verify(ConsentSession.errorMessage.length > 0)
            tryCompare(AppController, "backoffSeconds", 0)
            item("clinicianPasscodeField").text = passcode
            tap("cancelConsent")
            compare(AppController.state, AppController.Unlocked)
            verify(!ConsentSession.active)
        }
    }
}
