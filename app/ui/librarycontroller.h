#pragma once

#include "imaging/facehintsmodule.h"
#include "ui/rowsmodel.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <QVariantMap>

#include <exception>

namespace cc::ui {

class CoreHost;

// The clinician's library (DESIGN §2.3.1, §2.4): the patient list with search, adding a
// patient, and one open patient's consents, photos and stories with their consent
// badges; saving a story (a new story, or a new version of one). Everything it holds is
// read from the vault on demand and dropped when the vault locks. Errors are classified
// and translated here; QML only shows errorMessage.
class LibraryController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryController)

    // patientId, displayName, mrn, birthDate (a string in the locale's short format, or
    // empty), subtitle.
    Q_PROPERTY(cc::ui::RowsModel *patients READ patients CONSTANT)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)

    Q_PROPERTY(QString patientId READ patientId NOTIFY patientChanged)
    Q_PROPERTY(QString patientName READ patientName NOTIFY patientChanged)
    Q_PROPERTY(QString patientMrn READ patientMrn NOTIFY patientChanged)
    Q_PROPERTY(QString patientBirthDate READ patientBirthDate NOTIFY patientChanged)
    // "MRN … · Born …", or empty.
    Q_PROPERTY(QString patientSubtitle READ patientSubtitle NOTIFY patientChanged)
    // photoId, source (image URL of the encrypted thumbnail), fullSource, capturedAt,
    // derivative, regionCount (regions marked identifying), badge (ConsentBadges::code),
    // badgeText.
    Q_PROPERTY(cc::ui::RowsModel *photos READ photos CONSTANT)
    // storyId, title, storyText (latest version), version, versionId, badge, badgeText.
    Q_PROPERTY(cc::ui::RowsModel *stories READ stories CONSTANT)
    // consentId, status, statusText, sealedAt, expiresAt, signerName, language,
    // itemCount.
    Q_PROPERTY(cc::ui::RowsModel *consents READ consents CONSTANT)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    explicit LibraryController(CoreHost &host, QObject *parent = nullptr);

    [[nodiscard]] RowsModel *patients() { return &m_patients; }
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] QString patientId() const { return m_patientId; }
    [[nodiscard]] QString patientName() const { return m_patientName; }
    [[nodiscard]] QString patientMrn() const { return m_patientMrn; }
    [[nodiscard]] QString patientBirthDate() const { return m_patientBirthDate; }
    [[nodiscard]] QString patientSubtitle() const { return m_patientSubtitle; }
    [[nodiscard]] RowsModel *photos() { return &m_photos; }
    [[nodiscard]] RowsModel *stories() { return &m_stories; }
    [[nodiscard]] RowsModel *consents() { return &m_consents; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }

    // A new patient; birthDate is "YYYY-MM-DD" or empty. Returns the new id, or an empty
    // string with errorMessage set (blank name, a date that is not one or in the future).
    Q_INVOKABLE QString addPatient(const QString &displayName, const QString &mrn,
                                   const QString &birthDate);
    // Makes patientId the open patient and loads its consents, photos and stories.
    Q_INVOKABLE bool openPatient(const QString &patientId);
    // Reloads the list and the open patient (after a capture, a seal, ...).
    Q_INVOKABLE void refresh();
    // Saves a story: a new one when storyId is empty (title and text required), else a
    // new version of it (unchanged text saves nothing). Returns the story's id, or an
    // empty string with errorMessage set.
    Q_INVOKABLE QString saveStory(const QString &storyId, const QString &title,
                                  const QString &text);
    // {storyId, title, text, version} of a story's latest version; empty when unknown.
    Q_INVOKABLE [[nodiscard]] QVariantMap story(const QString &storyId) const;
    // The regions of an original photo marked as identifying the patient (faces, tattoos,
    // ...): [{x, y, w, h}] as fractions of the oriented image's width and height.
    Q_INVOKABLE [[nodiscard]] QVariantList identifyingRegions(const QString &photoId) const;
    // Replaces them (an empty list unmarks every region). A de-identified-only consent can
    // only be given for a photo whose regions are marked, and they are sealed with it.
    // False with errorMessage for a redacted copy, a rectangle outside the photo, ...
    Q_INVOKABLE bool markIdentifyingRegions(const QString &photoId, const QVariantList &regions);
    // A redacted copy of a photo: redactions [{x, y, w, h, kind}] (fractions, kind "blur"
    // or "solid") burned into a new photo linked to its original. Returns the copy's id,
    // or an empty string with errorMessage (no redaction, a box outside the photo, ...).
    Q_INVOKABLE QString deriveRedacted(const QString &photoId, const QVariantList &redactions);
    // Boxes over the faces OpenCV's cascades find on a photo (frontal and side views), as
    // [{x, y, w, h}] fractions, for the clinician to check: hints, never a guarantee.
    // Empty with errorMessage when the photo can't be read or the detector can't load.
    // The first call loads the face hints module (OpenCV), which the launch never does.
    Q_INVOKABLE [[nodiscard]] QVariantList faceHints(const QString &photoId);
    Q_INVOKABLE void clearError();

    // The translated message for an exception a use case threw.
    [[nodiscard]] static QString messageFor(const std::exception &error);

signals:
    void searchChanged();
    void patientChanged();
    void errorMessageChanged();

private:
    void reloadPatients();
    void reloadPatient();
    void clearAll();
    void setError(const QString &message);
    [[nodiscard]] static QString subtitle(const QString &mrn, const QDate &birthDate);

    CoreHost &m_host;
    RowsModel m_patients;
    RowsModel m_photos;
    RowsModel m_stories;
    RowsModel m_consents;
    QString m_search;
    QString m_patientId;
    QString m_patientName;
    QString m_patientMrn;
    QString m_patientBirthDate;
    QString m_patientSubtitle;
    QString m_errorMessage;
    imaging::FaceHintsModule m_faceHints;
};

} // namespace cc::ui
