pragma ComponentBehavior: Bound

import QtQuick
import QtTest
import ConsentCam

// Marking a photo's identifying regions over the real library (tests/qml/main.cpp): a
// drag adds a box, a tap on a box removes it, a tap alone adds nothing, and Save stores
// the boxes as fractions of the photo.
Item {
    id: root

    width: 412
    height: 915

    Component {
        id: editorComponent

        RegionEditorPage {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "RegionEditor"
        when: windowShown

        property var page: null
        property string photoId: ""

        function row(model: var, index: int): var {
            return model.get(index)
        }

        function init() {
            verify(Library.openPatient(row(Library.patients, 0).patientId))
            verify(Library.photos.count > 0)
            // The first original (another test may have made a redacted copy).
            photoId = ""
            for (let i = 0; i < Library.photos.count && photoId.length === 0; ++i) {
                if (!row(Library.photos, i).derivative)
                    photoId = row(Library.photos, i).photoId
            }
            verify(Library.markIdentifyingRegions(photoId, []))
            page = createTemporaryObject(editorComponent, root,
                                         { photoId: photoId, source: "image://vault/photo/" + photoId })
            verify(page)
            waitForRendering(page)
        }

        // Drags a finger from (x, y) by (dx, dy) in small steps.
        function drag(item, x, y, dx, dy) {
            mousePress(item, x, y)
            for (let i = 1; i <= 10; ++i)
                mouseMove(item, x + dx * i / 10, y + dy * i / 10, 5)
            mouseRelease(item, x + dx, y + dy)
        }

        function test_drag_tap_and_save() {
            const canvas = findChild(page, "regionCanvas")
            verify(canvas)
            tryVerify(() => canvas.width > 100 && canvas.height > 100)
            compare(page.regionCount, 0)
            // A drag from a quarter to the middle marks one box.
            drag(canvas, canvas.width / 4, canvas.height / 4, canvas.width / 4, canvas.height / 4)
            compare(page.regionCount, 1)
            const box = page.regions[0]
            fuzzyCompare(box.x, 0.25, 0.03)
            fuzzyCompare(box.w, 0.25, 0.03)
            // A second, then a tap on it removes it again.
            drag(canvas, canvas.width * 0.6, canvas.height * 0.6, canvas.width / 5, canvas.height / 5)
            compare(page.regionCount, 2)
            mouseClick(findChild(page, "region1"))
            compare(page.regionCount, 1)
            // A tap is not a box.
            mouseClick(canvas, canvas.width * 0.9, canvas.height * 0.1)
            compare(page.regionCount, 1)

            const saved = signalSpy.createObject(root, { target: page, signalName: "saved" })
            mouseClick(findChild(page, "saveRegions"))
            compare(saved.count, 1)
            const stored = Library.identifyingRegions(photoId)
            compare(stored.length, 1)
            fuzzyCompare(stored[0].x, box.x, 0.001)
            for (let i = 0; i < Library.photos.count; ++i) {
                if (row(Library.photos, i).photoId === photoId)
                    compare(row(Library.photos, i).regionCount, 1)
            }
        }
    }

    Component {
        id: signalSpy

        SignalSpy {}
    }
}
