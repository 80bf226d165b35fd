pragma ComponentBehavior: Bound

import QtQuick
import QtTest
import ConsentCam

// The item picker over the real drafts controller (tests/qml/main.cpp): every item of the
// patient with its gate decision for the draft's target, a blocked item saying why and
// impossible to attach, an allowed one attached with a tap, and the decisions following a
// change of target at once.
Item {
    id: root

    width: 412
    height: 915

    Component {
        id: pickerComponent

        ItemPickerPage {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "ItemPicker"
        when: windowShown

        property var page: null

        function rowFor(kind: string): var {
            for (let i = 0; i < Posts.picker.count; ++i) {
                const row = Posts.picker.get(i)
                if (row.kind === kind)
                    return row
            }
            return null
        }

        function init() {
            verify(Posts.newDraft().length > 0)
            Posts.pickerSearch = "Picker Example"
            verify(Posts.saveDraft("", "instagram", "public", "education"))
            page = createTemporaryObject(pickerComponent, root)
            verify(page)
            waitForRendering(page)
        }

        function cleanup() {
            Posts.discardDraft()
            Posts.pickerSearch = ""
        }

        function test_decisions_attach_and_retarget() {
            compare(Posts.picker.count, 2)
            const photo = rowFor("photo")
            const story = rowFor("story")
            verify(photo.allowed)
            verify(!story.allowed)
            compare(story.reasonText, "No consent covers this item.")
            compare(findChild(page, "pickerTarget").text,
                    "Decisions for Instagram · Anyone (public) · Educating patients and the public")

            // The blocked story says why and its button is closed.
            const storyRow = findChild(page, "pick_" + story.itemId)
            verify(storyRow)
            compare(findChild(storyRow, "itemStatus").text, "Blocked: No consent covers this item.")
            const attachStory = findChild(page, "attach_" + story.itemId)
            verify(!attachStory.enabled)
            mouseClick(attachStory)
            compare(Posts.items.count, 0)

            // The photo attaches with a tap and is marked attached.
            const attachPhoto = findChild(page, "attach_" + photo.itemId)
            verify(attachPhoto.enabled)
            mouseClick(attachPhoto)
            compare(Posts.items.count, 1)
            tryCompare(findChild(page, "attach_" + photo.itemId), "text", "Attached")
            verify(!findChild(page, "attach_" + photo.itemId).enabled)

            // Another platform: the consent does not cover it, and the picker follows.
            verify(Posts.saveDraft("", "tiktok", "public", "education"))
            tryVerify(() => !rowFor("photo").allowed)
            compare(rowFor("photo").reasonText, "The consent does not cover TikTok.")
            compare(Posts.blockedCount, 1)
            const photoRow = findChild(page, "pick_" + photo.itemId)
            compare(findChild(photoRow, "itemStatus").text, "Blocked: The consent does not cover TikTok.")
            verify(!Posts.canShare)
        }

        function test_search_narrows_the_list() {
            Posts.pickerSearch = "nobody by this name"
            compare(Posts.picker.count, 0)
            verify(findChild(page, "pickerList"))
        }
    }
}
