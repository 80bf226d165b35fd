import QtQuick
import QtTest
import ConsentCam

// The `Vocabulary` singleton as QML sees it: the lists and the label look-up by kind.
TestCase {
    name: "Vocabulary"

    function test_listsHoldCodesAndLabels() {
        const lists = [Vocabulary.platforms(), Vocabulary.audiences(), Vocabulary.purposes(),
                       Vocabulary.signerRoles(), Vocabulary.revocationMethods()]
        const sizes = [10, 3, 4, 4, 3]
        for (let i = 0; i < lists.length; ++i) {
            const list = lists[i]
            compare(list.length, sizes[i])
            for (let j = 0; j < list.length; ++j) {
                verify(list[j].code.length > 0)
                verify(list[j].label.length > 0, list[j].code)
            }
        }
        compare(Vocabulary.platforms()[9].code, "website")
        compare(Vocabulary.platforms()[9].label, "The practice's website")
    }

    function test_labelByKind() {
        compare(Vocabulary.label(Vocabulary.Platform, "website"), "The practice's website")
        compare(Vocabulary.label(Vocabulary.Audience, "public"), "Anyone (public)")
        compare(Vocabulary.label(Vocabulary.SignerRole, "healthcare_poa"),
                "Healthcare power of attorney")
        compare(Vocabulary.label(Vocabulary.RevocationMethod, "written_letter"), "Written letter")
        compare(Vocabulary.label(Vocabulary.Purpose, "website"), "", "a code of another kind")
    }
}
