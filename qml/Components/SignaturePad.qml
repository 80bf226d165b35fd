pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import ConsentCam

// A signature pad: strokes are kept as vectors ({x, y, t} in pad pixels, t in ms since
// the first touch) and drawn as smooth curves. Clear and undo; the owner judges what
// was drawn (the core refuses a trivial mark).
Rectangle {
    id: root

    // [[{x, y, t}, ...], ...]
    property var strokes: []
    readonly property bool empty: !root.strokes || root.strokes.length === 0
    readonly property int padWidth: Math.round(root.width)
    readonly property int padHeight: Math.round(root.height)
    property string label: qsTr("Signature pad")

    signal edited()

    property real startedAt: 0

    function clear(): void {
        root.strokes = []
        root.startedAt = 0
        canvas.requestPaint()
        root.edited()
    }

    function undo(): void {
        if (root.strokes.length === 0)
            return
        const copy = root.strokes.slice(0, root.strokes.length - 1)
        root.strokes = copy
        canvas.requestPaint()
        root.edited()
    }

    // Adds a stroke from points in pad pixels (for tests and for replaying a signature).
    function addStroke(points: var): void {
        const copy = root.strokes.slice()
        copy.push(points)
        root.strokes = copy
        canvas.requestPaint()
        root.edited()
    }

    function now(): int {
        if (root.startedAt === 0)
            root.startedAt = Date.now()
        return Math.round(Date.now() - root.startedAt)
    }

    implicitHeight: Theme.signaturePadHeight
    color: Theme.surface
    border.color: Theme.divider
    border.width: Theme.borderWidth
    radius: Theme.radius

    Accessible.role: Accessible.Canvas
    Accessible.name: root.label
    Accessible.description: root.empty ? qsTr("Empty. Sign with your finger.") : qsTr("Signed.")

    Rectangle {
        x: Theme.spacing
        width: root.width - 2 * Theme.spacing
        y: root.height * 0.72
        height: Theme.borderWidth
        color: Theme.divider
    }

    Label {
        x: Theme.spacing
        y: root.height * 0.72 + Theme.spacingSmall
        visible: root.empty
        text: qsTr("Sign here")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }

    Canvas {
        id: canvas

        anchors.fill: parent

        onPaint: {
            const ctx = canvas.getContext("2d")
            ctx.reset()
            ctx.lineWidth = Theme.signatureInk
            ctx.lineCap = "round"
            ctx.lineJoin = "round"
            ctx.strokeStyle = Theme.text
            const all = pen.current.length > 0 ? root.strokes.concat([pen.current]) : root.strokes
            for (const stroke of all) {
                if (stroke.length === 0)
                    continue
                ctx.beginPath()
                ctx.moveTo(stroke[0].x, stroke[0].y)
                if (stroke.length === 1) {
                    ctx.lineTo(stroke[0].x + 0.5, stroke[0].y + 0.5)
                } else {
                    // Midpoint quadratic curves: smooth without overshooting the samples.
                    for (let i = 1; i < stroke.length - 1; ++i) {
                        const mx = (stroke[i].x + stroke[i + 1].x) / 2
                        const my = (stroke[i].y + stroke[i + 1].y) / 2
                        ctx.quadraticCurveTo(stroke[i].x, stroke[i].y, mx, my)
                    }
                    const last = stroke[stroke.length - 1]
                    ctx.lineTo(last.x, last.y)
                }
                ctx.stroke()
            }
        }
    }

    MouseArea {
        id: pen

        property var current: []

        function point(mx: real, my: real): var {
            return {
                x: Math.max(0, Math.min(root.padWidth - 1, Math.round(mx))),
                y: Math.max(0, Math.min(root.padHeight - 1, Math.round(my))),
                t: root.now()
            }
        }

        anchors.fill: parent
        preventStealing: true
        onPressed: (mouse) => {
            pen.current = [pen.point(mouse.x, mouse.y)]
            canvas.requestPaint()
        }
        onPositionChanged: (mouse) => {
            if (!pen.pressed)
                return
            pen.current.push(pen.point(mouse.x, mouse.y))
            canvas.requestPaint()
        }
        onReleased: {
            const copy = root.strokes.slice()
            copy.push(pen.current)
            pen.current = []
            root.strokes = copy
            canvas.requestPaint()
            root.edited()
        }
    }
}
