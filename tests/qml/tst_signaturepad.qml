pragma ComponentBehavior: Bound

import QtQuick
import QtTest
import ConsentCam

// The signature pad: drawing with the pointer records strokes as vectors in pad pixels
// with times, undo removes the last stroke, clear removes all, and the pad is named for
// screen readers.
Item {
    id: root

    width: 412
    height: 915

    Component {
        id: padComponent

        SignaturePad {
            x: 20
            y: 40
            width: 360
            height: 200
        }
    }

    TestCase {
        name: "SignaturePad"
        when: windowShown

        property var pad: null

        function init() {
            pad = createTemporaryObject(padComponent, root)
            verify(pad)
            waitForRendering(pad)
        }

        function drawStroke(points) {
            mousePress(pad, points[0][0], points[0][1])
            for (let i = 1; i < points.length; ++i) {
                mouseMove(pad, points[i][0], points[i][1], 5)
            }
            mouseRelease(pad, points[points.length - 1][0], points[points.length - 1][1])
        }

        function test_starts_empty_and_named() {
            verify(pad.empty)
            compare(pad.strokes.length, 0)
            compare(pad.padWidth, 360)
            compare(pad.padHeight, 200)
            compare(pad.Accessible.name, "Signature pad")
            verify(pad.Accessible.description.length > 0)
        }

        function test_drawing_records_strokes_as_vectors() {
            const edited = signalSpy.createObject(root, { target: pad, signalName: "edited" })
            drawStroke([[30, 120], [60, 80], [90, 130], [120, 70], [150, 125]])
            drawStroke([[200, 100], [240, 60], [280, 110]])
            compare(pad.strokes.length, 2)
            verify(!pad.empty)
            compare(edited.count, 2)
            const first = pad.strokes[0]
            verify(first.length >= 5)
            compare(first[0].x, 30)
            compare(first[0].y, 120)
            compare(first[first.length - 1].x, 150)
            // Times are milliseconds since the first touch and never go backwards.
            compare(first[0].t, 0)
            for (let i = 1; i < first.length; ++i)
                verify(first[i].t >= first[i - 1].t)
            const second = pad.strokes[1]
            verify(second[0].t >= first[first.length - 1].t)
        }

        function test_points_stay_inside_the_pad() {
            drawStroke([[10, 10], [400, 300], [-50, -20]])
            for (const point of pad.strokes[0]) {
                verify(point.x >= 0 && point.x < pad.padWidth)
                verify(point.y >= 0 && point.y < pad.padHeight)
            }
        }

        function test_undo_and_clear() {
            drawStroke([[30, 120], [60, 80], [90, 130]])
            drawStroke([[200, 100], [240, 60], [280, 110]])
            pad.undo()
            compare(pad.strokes.length, 1)
            compare(pad.strokes[0][0].x, 30)
            pad.clear()
            verify(pad.empty)
            // A new signature starts its clock again.
            drawStroke([[50, 50], [80, 90]])
            compare(pad.strokes[0][0].t, 0)
        }

        function test_accessible_description_follows_state() {
            const before = pad.Accessible.description
            drawStroke([[30, 120], [60, 80], [90, 130]])
            verify(pad.Accessible.description !== before)
        }
    }

    Component {
        id: signalSpy

        SignalSpy {}
    }
}
