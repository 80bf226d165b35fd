pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtTest
import ConsentCam

// The revocation form over the real controllers (tests/qml/main.cpp seals a consent for
// a second patient): each way of receiving it shows what it needs, "another way" without
// a note and a date in the future are refused in the banner, a dash on the pad is not a
// signature, and a signature drawn with the pointer, confirmed, records the revocation —
// after which the consent can't be revoked again. The tests run in name order.
Item {
    id: root

    width: 412
    height: 915

    Component {
        id: pageComponent

        RevokeConsentPage {
            anchors.fill: parent
        }
    }

    Finder {
        id: finder
    }

    TestCase {
        name: "RevokeConsentPage"
        when: windowShown

        property var page: null
        property var revokedSpy: null

        function init() {
            verify(Library.patients.count > 1)
            verify(Library.openPatient(row(Library.patients, 1).patientId))
            compare(Library.consents.count, 1)
            verify(Revocation.load(row(Library.consents, 0).consentId))
            page = createTemporaryObject(pageComponent, root)
            verify(page)
            revokedSpy = createTemporaryObject(spyComponent, root, { target: page })
            waitForRendering(page)
        }

        function row(model: var, index: int): var {
            return model.get(index)
        }

        function item(name: string): var {
            const found = findChild(page, name)
            verify(found, name)
            return found
        }

        // Taps a control as a finger would, scrolling it into view first.
        function tap(name: string): void {
            const control = item(name)
            const scroller = item("revokeScroller")
            const top = control.mapToItem(scroller.contentItem, 0, 0).y
            scroller.contentY = Math.max(0, Math.min(top - 40, scroller.contentHeight - scroller.height))
            waitForRendering(page)
            mouseClick(control)
        }

        function banner(): string {
            return item("revocationError").text
        }

        function drawOn(pad: var, points: var): void {
            const scroller = item("revokeScroller")
            const top = pad.mapToItem(scroller.contentItem, 0, 0).y
            scroller.contentY = Math.max(0, Math.min(top - 40, scroller.contentHeight - scroller.height))
            waitForRendering(page)
            mousePress(pad, points[0][0], points[0][1])
            for (let i = 1; i < points.length; ++i)
                mouseMove(pad, points[i][0], points[i][1], 5)
            mouseRelease(pad, points[points.length - 1][0], points[points.length - 1][1])
        }

        // A cursive-like signature across the pad: loops joined along a baseline.
        function signaturePoints(pad: var): var {
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

        function test_1_each_way_shows_what_it_needs() {
            // In person by default: the pad, and the fields for when, filled with now.
            compare(page.method, "signed_on_device")
            verify(item("revocationPad").visible)
            verify(!item("photographLetter").visible)
            compare(item("receivedDate").text, Revocation.today())
            compare(item("receivedTime").text.length, 5)
            tap("method_written_letter")
            compare(page.method, "written_letter")
            verify(!item("revocationPad").visible)
            verify(item("photographLetter").visible)
            verify(finder.byAccessibleName(page, "Photograph the letter", finder.isButton))
            tap("method_other")
            compare(item("revocationNote").Accessible.name, "How it was received")
            // Every method is offered by its spoken name.
            for (const name of ["Signed in person on this device", "Written letter", "Another way"])
                verify(finder.byAccessibleName(page, name, finder.isButton), name)
        }

        function test_2_another_way_needs_a_note_and_a_past_date() {
            tap("method_other")
            tap("recordRevocationNow")
            const confirm = findChild(Overlay.overlay, "confirmRevocation")
            verify(confirm)
            tryCompare(confirm, "visible", true)
            mouseClick(confirm)
            tryVerify(() => banner().length > 0)
            verify(banner().startsWith("Say how the revocation was received"), banner())
            verify(!Revocation.revoked)

            item("revocationNote").text = "By phone, then by e-mail"
            const date = item("receivedDate")
            const tomorrow = new Date(Date.now() + 36 * 3600 * 1000)
            date.text = Qt.formatDate(tomorrow, "yyyy-MM-dd")
            tap("recordRevocationNow")
            tryCompare(confirm, "visible", true)
            mouseClick(confirm)
            tryCompare(Revocation, "errorMessage", "That is in the future. Enter when it happened.")
            compare(banner(), "That is in the future. Enter when it happened.")
            verify(!Revocation.revoked)
            compare(revokedSpy.count, 0)
        }

        function test_3_a_dash_is_not_a_signature_and_cancel_records_nothing() {
            const pad = item("revocationPad")
            const dash = []
            for (let i = 0; i < 20; ++i)
                dash.push([40 + 12 * i, pad.height / 2])
            drawOn(pad, dash)
            verify(!pad.empty)
            tap("recordRevocationNow")
            verify(banner().startsWith("This looks like a mark"), banner())
            const confirm = findChild(Overlay.overlay, "confirmRevocation")
            verify(!confirm || !confirm.visible)

            tap("clearRevocationSignature")
            verify(pad.empty)
            drawOn(pad, signaturePoints(pad))
            tap("recordRevocationNow")
            compare(banner(), "")
            const cancel = findChild(Overlay.overlay, "cancelRevocation")
            verify(cancel)
            tryCompare(cancel, "visible", true)
            mouseClick(cancel)
            tryCompare(cancel, "visible", false)
            verify(!Revocation.revoked)
        }

        function test_4_a_signature_confirmed_records_it_once() {
            const pad = item("revocationPad")
            drawOn(pad, signaturePoints(pad))
            tap("recordRevocationNow")
            const confirm = findChild(Overlay.overlay, "confirmRevocation")
            tryCompare(confirm, "visible", true)
            compare(confirm.Accessible.name, "Revoke")
            mouseClick(confirm)
            tryCompare(revokedSpy, "count", 1)
            verify(Revocation.revoked)
            compare(Revocation.status, "revoked")
            compare(Revocation.revokedMethod, "signed_on_device")
            compare(banner(), "")

            // Final: the same consent can't be revoked again.
            drawOn(pad, signaturePoints(pad))
            tap("recordRevocationNow")
            tryCompare(confirm, "visible", true)
            mouseClick(confirm)
            tryVerify(() => banner().length > 0)
            compare(banner(), "This consent is already revoked. A revocation is final.")
            compare(revokedSpy.count, 1)
        }
    }

    Component {
        id: spyComponent

        SignalSpy {
            signalName: "revoked"
        }
    }
}
