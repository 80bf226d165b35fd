import QtQml

// Stands in for AppController in the page tests: the same rule for passcodes, and
// plain properties a test sets to put a page in any state.
QtObject {
    id: root

    property bool busy: false
    property string errorMessage: ""
    property int backoffSeconds: 0
    property int failedAttempts: 0
    property bool quickUnlockEnabled: false

    // Vault::isStrongEnough: six or more digits, or eight or more characters that are
    // not all digits.
    function passcodeStrong(passcode: string): bool {
        if (/^[0-9]+$/.test(passcode))
            return passcode.length >= 6
        return passcode.length >= 8
    }
}
