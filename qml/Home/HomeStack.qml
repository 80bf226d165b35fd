pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import ConsentCam

// The unlocked vault's screens. Home is the root; Settings is a drill-down.
StackView {
    id: root

    initialItem: homeScreen

    Component {
        id: homeScreen

        HomePage {
            objectName: "homePage"
            vaultId: AppController.vaultId
            createdAt: AppController.vaultCreatedAt
            schemaVersion: AppController.schemaVersion
            cipherVersion: AppController.cipherVersion
            mediaCount: AppController.mediaCount
            onLockRequested: AppController.lock()
            onSettingsRequested: {
                AppController.clearMessages()
                root.push(settingsScreen)
            }
        }
    }

    Component {
        id: settingsScreen

        SettingsPage {
            id: settingsPage

            objectName: "settingsPage"
            busy: AppController.busy
            errorMessage: AppController.errorMessage
            noticeMessage: AppController.noticeMessage
            autoLockSeconds: AppController.autoLockSeconds
            autoLockChoices: AppController.autoLockChoices
            quickUnlockAvailable: AppController.quickUnlockAvailable
            quickUnlockEnabled: AppController.quickUnlockEnabled
            newPasscodeStrong: AppController.passcodeStrong(settingsPage.newPasscode)
            clinicianName: PracticeSettings.clinicianName
            clinicianCredentials: PracticeSettings.clinicianCredentials
            practiceName: PracticeSettings.practiceName
            practiceContact: PracticeSettings.practiceContact
            profileComplete: PracticeSettings.profileComplete
            witnessRequired: PracticeSettings.witnessRequired
            maxDurationDays: PracticeSettings.maxDurationDays
            longestMaxDurationDays: PracticeSettings.longestMaxDurationDays
            allowedPlatforms: PracticeSettings.allowedPlatforms
            platformChoices: Vocabulary.platforms()
            practiceErrorMessage: PracticeSettings.errorMessage
            practiceNoticeMessage: PracticeSettings.noticeMessage
            Component.onCompleted: PracticeSettings.reload()
            onBackRequested: {
                AppController.clearMessages()
                PracticeSettings.clearMessages()
                root.pop()
            }
            onClinicianSaveRequested: (name, credentials, practice, contact) => PracticeSettings.saveClinician(name, credentials, practice, contact)
            onPolicySaveRequested: (witnessRequired, maxDurationDays, allowedPlatforms) => PracticeSettings.savePolicy(witnessRequired, maxDurationDays, allowedPlatforms)
            onChangePasscodeRequested: (current, replacement) => AppController.changePasscode(current, replacement)
            onAutoLockChosen: (seconds) => AppController.setAutoLockSeconds(seconds)
            onQuickUnlockToggled: (enabled) => {
                if (enabled)
                    AppController.enableQuickUnlock()
                else
                    AppController.disableQuickUnlock()
            }
        }
    }
}
