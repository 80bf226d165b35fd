pragma ComponentBehavior: Bound

import QtQuick
import QtTest
import ConsentCam

// The text size chosen in Settings scales every font token, and only the offered sizes
// are accepted.
Item {
    id: root

    TestCase {
        name: "TextSize"

        function cleanup() {
            UiPreferences.setTextScale(1.0)
        }

        function test_tokens_follow_the_text_size() {
            UiPreferences.setTextScale(1.0)
            compare(Theme.fontBody, 16)
            compare(Theme.fontControl, 14)
            const choices = UiPreferences.textScaleChoices
            verify(choices.length >= 3)
            const largest = choices[choices.length - 1]
            UiPreferences.setTextScale(largest)
            compare(UiPreferences.textScale, largest)
            compare(Theme.fontBody, Math.round(16 * largest))
            compare(Theme.fontSmall, Math.round(13 * largest))
            compare(Theme.fontTitle, Math.round(22 * largest))
            verify(Theme.fontBody > 16)
        }

        function test_other_sizes_are_refused() {
            UiPreferences.setTextScale(1.0)
            UiPreferences.setTextScale(7)
            compare(UiPreferences.textScale, 1.0)
            UiPreferences.setTextScale(0.5)
            compare(UiPreferences.textScale, 1.0)
        }
    }
}
