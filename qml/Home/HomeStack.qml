pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import ConsentCam

// The unlocked vault's screens. Home is the root; Settings and the patients are
// drill-downs. Coming back from patient mode, the patient's page and the sealed consent
// are shown again.
StackView {
    id: root

    objectName: "homeStack"
    initialItem: homeScreen

    Component.onCompleted: {
        if (Library.patientId.length === 0)
            return
        Library.refresh()
        root.push(patientListScreen, {}, StackView.Immediate)
        root.push(patientScreen, {}, StackView.Immediate)
        if (ConsentSession.sealedConsentId.length > 0)
            root.push(sealedScreen, { consentId: ConsentSession.sealedConsentId }, StackView.Immediate)
    }

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
            onPatientsRequested: root.push(patientListScreen)
            onAuditRequested: {
                Audit.clearFilter()
                root.push(auditScreen)
            }
            onDraftsRequested: root.push(draftListScreen)
            onPostsRequested: root.push(postLedgerScreen)
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

    Component {
        id: draftListScreen

        DraftListPage {
            objectName: "draftListPage"
            onBackRequested: root.pop()
            onPostsRequested: root.push(postLedgerScreen)
            onNewDraftRequested: {
                if (Posts.newDraft().length > 0)
                    root.push(draftEditorScreen)
            }
            onDraftChosen: (draftId) => {
                if (Posts.openDraft(draftId))
                    root.push(draftEditorScreen)
            }
        }
    }

    Component {
        id: draftEditorScreen

        DraftEditorPage {
            objectName: "draftEditorPage"
            onBackRequested: {
                Posts.closeDraft()
                Posts.refresh()
                root.pop()
            }
            onPickerRequested: root.push(itemPickerScreen)
            onSharedPost: root.replace(postLedgerScreen)
        }
    }

    Component {
        id: itemPickerScreen

        ItemPickerPage {
            objectName: "itemPickerPage"
            onBackRequested: root.pop()
        }
    }

    Component {
        id: postLedgerScreen

        PostLedgerPage {
            objectName: "postLedgerPage"
            onBackRequested: root.pop()
        }
    }

    Component {
        id: patientListScreen

        PatientListPage {
            objectName: "patientListPage"
            onBackRequested: root.pop()
            onAddRequested: {
                Library.clearError()
                root.push(addPatientScreen)
            }
            onPatientChosen: (patientId) => {
                if (Library.openPatient(patientId))
                    root.push(patientScreen)
            }
        }
    }

    Component {
        id: addPatientScreen

        AddPatientPage {
            objectName: "addPatientPage"
            onBackRequested: root.pop()
            onAdded: (patientId) => {
                if (Library.openPatient(patientId))
                    root.replace(patientScreen)
            }
        }
    }

    Component {
        id: patientScreen

        PatientDetailPage {
            objectName: "patientDetailPage"
            onBackRequested: root.pop()
            onStoryRequested: (storyId) => {
                Library.clearError()
                root.push(storyScreen, { storyId: storyId })
            }
            onConsentRequested: root.push(prepareConsentScreen)
            onRegionsRequested: (photoId, source) => {
                Library.clearError()
                root.push(regionScreen, { photoId: photoId, source: source })
            }
            onRedactionRequested: (photoId, source) => {
                Library.clearError()
                root.push(redactionScreen, { photoId: photoId, source: source })
            }
            onCaptureRequested: root.push(captureScreen, { patientId: Library.patientId,
                                                           patientName: Library.patientName })
            onConsentChosen: (consentId) => {
                if (Revocation.load(consentId))
                    root.push(consentScreen)
            }
        }
    }

    // A consent, its revocation and what the revocation affects; the audit log.
    Component {
        id: consentScreen

        ConsentDetailPage {
            objectName: "consentDetailPage"
            onBackRequested: {
                Library.refresh()
                root.pop()
            }
            onRevokeRequested: root.push(revokeScreen)
            onImpactRequested: root.push(impactScreen)
            onAuditRequested: (consentId) => {
                Audit.setFilter("", consentId, "")
                root.push(auditScreen)
            }
        }
    }

    Component {
        id: revokeScreen

        RevokeConsentPage {
            objectName: "revokeConsentPage"
            onBackRequested: root.pop()
            onCaptureRequested: (role) => root.push(captureScreen, { patientId: Revocation.patientId,
                                                                    patientName: Revocation.patientName,
                                                                    role: role })
            onRevoked: {
                Library.refresh()
                root.replace(impactScreen)
            }
        }
    }

    Component {
        id: impactScreen

        RevocationImpactPage {
            objectName: "revocationImpactPage"
            onBackRequested: root.pop()
            onCaptureRequested: (role) => root.push(captureScreen, { patientId: Revocation.patientId,
                                                                    patientName: Revocation.patientName,
                                                                    role: role })
            onAuditRequested: (consentId) => {
                Audit.setFilter("", consentId, "")
                root.push(auditScreen)
            }
        }
    }

    Component {
        id: auditScreen

        AuditPage {
            objectName: "auditPage"
            onBackRequested: root.pop()
        }
    }

    Component {
        id: storyScreen

        StoryEditorPage {
            objectName: "storyEditorPage"
            onBackRequested: root.pop()
            onSaved: root.pop()
        }
    }

    Component {
        id: prepareConsentScreen

        PrepareConsentPage {
            objectName: "prepareConsentPage"
            onBackRequested: root.pop()
        }
    }

    Component {
        id: sealedScreen

        ConsentSealedPage {
            objectName: "consentSealedPage"
            onDoneRequested: root.pop()
        }
    }

    Component {
        id: captureScreen

        CapturePage {
            objectName: "capturePage"
            onDone: {
                Library.refresh()
                root.pop()
            }
        }
    }

    Component {
        id: regionScreen

        RegionEditorPage {
            objectName: "regionEditorPage"
            onBackRequested: root.pop()
            onSaved: root.pop()
        }
    }

    Component {
        id: redactionScreen

        RedactionEditorPage {
            objectName: "redactionEditorPage"
            onBackRequested: root.pop()
            onSaved: root.pop()
        }
    }
}
