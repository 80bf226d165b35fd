pragma ComponentBehavior: Bound

import QtQuick
import QtTest
import ConsentCam

Item {
    id: root

    width: 412
    height: 915

    Finder {
        id: finder
    }

    FakeController {
        id: fake
    }

    Component {
        id: pageComponent

        CreateVaultPage {
            id: page

            anchors.fill: parent
            busy: fake.busy
            errorMessage: fake.errorMessage
            passcodeStrong: fake.passcodeStrong(page.passcode)
        }
    }

    SignalSpy {
        id: createSpy
        signalName: "createRequested"
    }

    TestCase {
        name: "CreateVaultPage"
        when: windowShown

        property var page: null

        function init() {
            fake.busy = false
            fake.errorMessage = ""
            page = createTemporaryObject(pageComponent, root)
            verify(page)
            createSpy.clear()
            createSpy.target = page
        }

        function field(name: string): var {
            const f = finder.byAccessibleName(page, name, finder.isTextField)
            verify(f, "field " + name)
            return f
        }

        function createButton(): var {
            const b = finder.byAccessibleName(page, "Create vault", finder.isButton)
            verify(b, "Create vault button")
            return b
        }

        function enter(name: string, text: string) {
            const f = field(name)
            f.forceActiveFocus()
            f.selectAll()
            keyClick(Qt.Key_Delete)
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
            compare(f.text, text)
        }

        function test_passcodesAreMasked() {
            compare(field("Passcode").echoMode, TextInput.Password)
            compare(field("Confirm passcode").echoMode, TextInput.Password)
        }

        function test_createDisabledUntilStrongAndMatching() {
            verify(!createButton().enabled)

            enter("Passcode", "12345")
            enter("Confirm passcode", "12345")
            verify(!page.passcodeStrong, "five digits are not enough")
            verify(!createButton().enabled)
            verify(!findChild(page, "strengthRule").met)

            enter("Passcode", "123456")
            verify(page.passcodeStrong)
            verify(findChild(page, "strengthRule").met, "the rule shows as met while typing")
            verify(!createButton().enabled, "the confirmation does not match yet")
            verify(!findChild(page, "matchRule").met)

            enter("Confirm passcode", "123456")
            verify(findChild(page, "matchRule").met)
            verify(createButton().enabled)

            enter("Confirm passcode", "123457")
            verify(!createButton().enabled, "a changed confirmation disables Create again")
        }

        function test_passphraseRule() {
            enter("Passcode", "short")
            verify(!page.passcodeStrong)
            enter("Passcode", "long enough phrase")
            enter("Confirm passcode", "long enough phrase")
            verify(createButton().enabled)
        }

        function test_clickCreateSendsThePasscode() {
            enter("Passcode", "482915")
            enter("Confirm passcode", "482915")
            // The rules above the button update as the passcode is typed: let the layout
            // settle before the finger lands.
            waitForRendering(page)
            mouseClick(createButton())
            compare(createSpy.count, 1)
            compare(createSpy.signalArguments[0][0], "482915")
        }

        function test_busyDisablesEverything() {
            enter("Passcode", "482915")
            enter("Confirm passcode", "482915")
            fake.busy = true
            verify(!createButton().enabled)
            verify(!field("Passcode").enabled)
            verify(findChild(page, "busy").running)
            mouseClick(createButton())
            compare(createSpy.count, 0)
        }

        function test_errorIsShown() {
            const banner = findChild(page, "error")
            verify(!banner.visible)
            fake.errorMessage = "A vault already exists on this device."
            verify(banner.visible)
            verify(finder.byAccessibleName(page, "A vault already exists on this device."))
        }
    }
}
