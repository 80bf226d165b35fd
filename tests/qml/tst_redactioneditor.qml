pragma ComponentBehavior: Bound

import QtQuick
import QtTest
import ConsentCam

// Making a redacted copy over the real library (tests/qml/main.cpp): drags add blur or
// solid boxes, a tap on a box removes it, the marked regions can be covered in one go,
// face hints say when they find nothing, and Save stores a new photo linked to the
// original with the boxes burned in.
Item {
    id: root

    width: 412
    height: 915

    Component {
        id: editorComponent

        RedactionEditorPage {
            anchors.fill: parent
        }
    }

    Component {
        id: signalSpy

        SignalSpy {}
    }

    TestCase {
        name: "RedactionEditor"
        when: windowShown

        property var page: null
        property string photoId: ""

        function row(model: var, index: int): var {
            return model.get(index)
        }

        function originals(): int {
            let count = 0
            for (let i = 0; i < Library.photos.count; ++i)
                count += row(Library.photos, i).derivative ? 0 : 1
            return count
        }

        function init() {
            verify(Library.openPatient(row(Library.patients, 0).patientId))
            for (let i = 0; i < Library.photos.count; ++i) {
                if (!row(Library.photos, i).derivative)
                    photoId = row(Library.photos, i).photoId
            }
            verify(photoId.length > 0)
            verify(Library.markIdentifyingRegions(photoId, [{ x: 0.1, y: 0.1, w: 0.2, h: 0.2 }]))
            page = createTemporaryObject(editorComponent, root,
                                         { photoId: photoId, source: "image://vault/photo/" + photoId })
            verify(page)
            waitForRendering(page)
        }

        function cleanup() {
            verify(Library.markIdentifyingRegions(photoId, []))
        }

        function drag(item, x, y, dx, dy) {
            mousePress(item, x, y)
            for (let i = 1; i <= 10; ++i)
                mouseMove(item, x + dx * i / 10, y + dy * i / 10, 5)
            mouseRelease(item, x + dx, y + dy)
        }

        function test_blur_solid_remove_and_save() {
            const canvas = findChild(page, "regionCanvas")
            tryVerify(() => canvas.width > 100 && canvas.height > 100)
            compare(page.redactionCount, 0)
            verify(!findChild(page, "saveRedacted").enabled)

            // Blur is the first tool.
            drag(canvas, canvas.width / 2, canvas.height / 2, canvas.width / 4, canvas.height / 4)
            compare(page.redactionCount, 1)
            compare(page.redactions[0].kind, "blur")
            fuzzyCompare(page.redactions[0].x, 0.5, 0.03)
            // Then a solid one.
            mouseClick(findChild(page, "kindSolid"))
            compare(page.kind, "solid")
            drag(canvas, canvas.width * 0.05, canvas.height * 0.6, canvas.width / 5, canvas.height / 5)
            compare(page.redactionCount, 2)
            compare(page.redactions[1].kind, "solid")
            // A tap on a box removes it; a tap elsewhere adds nothing.
            mouseClick(findChild(page, "region1"))
            compare(page.redactionCount, 1)
            mouseClick(canvas, canvas.width * 0.9, canvas.height * 0.1)
            compare(page.redactionCount, 1)
            // The marked region, covered in one go.
            mouseClick(findChild(page, "coverMarked"))
            compare(page.redactionCount, 2)
            fuzzyCompare(page.redactions[1].x, 0.1, 0.001)
            compare(page.redactions[1].kind, "solid")

            const before = Library.photos.count
            const originalsBefore = originals()
            const saved = signalSpy.createObject(root, { target: page, signalName: "saved" })
            mouseClick(findChild(page, "saveRedacted"))
            compare(saved.count, 1)
            const copyId = saved.signalArguments[0][0]
            verify(copyId.startsWith("pho_"))
            compare(Library.photos.count, before + 1)
            compare(originals(), originalsBefore)
            let found = false
            for (let i = 0; i < Library.photos.count; ++i) {
                const photo = row(Library.photos, i)
                if (photo.photoId === copyId) {
                    found = true
                    verify(photo.derivative)
                }
            }
            verify(found)
        }

        function test_face_hints_on_a_photo_without_a_face() {
            mouseClick(findChild(page, "faceHints"))
            compare(page.redactionCount, 0)
            compare(findChild(page, "hintMessage").text, "No face found. Draw the boxes yourself.")
            compare(Library.errorMessage, "")
        }
    }
}
