#include "services/scaleseeder.h"

#include "domain/signature.h"
#include "domain/vocabulary.h"
#include "services/consentcore.h"
#include "services/servicesupport.h"
#include "storage/database.h"
#include "storage/fileops.h"
#include "storage/storageerror.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace cc::services {

namespace {

// Patients per transaction: large enough that a commit's syncs are a small share of the
// work, small enough that a crash or a full disk costs little.
constexpr qint64 PatientsPerBatch = 200;

domain::ClinicianProfile scaleClinician() {
    return {QStringLiteral("Dr. Scale Example"), QStringLiteral("MD (fictional)"),
            QStringLiteral("ConsentCam Scale Clinic"),
            QStringLiteral("1 Example Street, Springfield (fictional), scale@example.invalid")};
}

// The share of total that falls to part n of parts: every part gets total / parts, and
// the first total % parts get one more.
qint64 shareOf(qint64 total, qint64 parts, qint64 n) {
    return total / parts + (n < total % parts ? 1 : 0);
}

} // namespace

ScaleSummary ScaleSeeder::generate(const ScaleSize &size, const Progress &progress) {
    if (size.photos < 0 || size.consents < 0 || size.posts < 0)
        throw ServiceError(ServiceError::Kind::Invalid, "sizes can't be negative");
    const qint64 patients = std::max<qint64>(1, size.consents);
    if (size.photos < patients)
        throw ServiceError(ServiceError::Kind::Invalid,
                           "every patient needs a photo: give at least as many photos as consents");
    if (size.posts > 0 && size.consents == 0)
        throw ServiceError(ServiceError::Kind::Invalid, "posts need consents");

    // Synthetic patients never share a vault with real ones (and the CLI seeds without
    // SQLCipher's memory security, which is only right when nothing real is in reach).
    if (!m_core.library().patients({}, 1).empty())
        throw ServiceError(ServiceError::Kind::Invalid,
                           "a synthetic practice needs an empty vault: this one holds patients");

    ScaleSummary summary;
    if (!m_core.settings().clinician().isComplete())
        m_core.settings().setClinician(scaleClinician());
    const domain::Policy policy = m_core.settings().policy();
    const domain::GateTarget target{policy.allowedPlatforms.value(0),
                                    domain::vocabulary::audiences().value(0),
                                    domain::vocabulary::purposes().value(0)};
    const QDateTime now = m_vault.clock()().toUTC();
    const QString postText = QStringLiteral("What this case teaches about early care.\n"
                                            "General education, not medical advice.");

    qint64 photoNumber = 0;
    std::optional<storage::Transaction> batch;
    const auto commitBatch = [&] {
        if (!batch)
            return;
        if (m_files) {
            if (const auto flushed = m_files->flush(); !flushed.ok())
                throw ServiceError(ServiceError::Kind::Storage,
                                   std::string("syncing the batch's files failed: ") +
                                       std::strerror(flushed.error));
        }
        support::guarded([&] { batch->commit(); });
        batch.reset();
        ++summary.batches;
    };

    for (qint64 p = 0; p < patients; ++p) {
        if (!batch)
            batch.emplace(support::beginChange(m_vault));
        const auto patient = m_core.library().addPatient(
            QStringLiteral("Scale Example %1 (demo)").arg(p + 1),
            QStringLiteral("SCALE-%1").arg(p + 1, 7, 10, QLatin1Char('0')));
        ++summary.patients;

        QStringList items;
        const qint64 photoCount = shareOf(size.photos, patients, p);
        for (qint64 i = 0; i < photoCount; ++i) {
            const auto bytes = m_photos(photoNumber);
            const QDateTime taken = now.addSecs(-60 * (photoNumber % 100'000) - 3600);
            items.append(m_core.library().importPhoto(patient.id, bytes, taken).id);
            ++photoNumber;
            ++summary.photos;
            if (progress && photoNumber % 1000 == 0)
                progress(photoNumber, size.photos);
        }

        if (p < size.consents) {
            ConsentRequest request;
            request.patientId = patient.id;
            // The most one consent may cover; a patient's further photos stay uncovered.
            constexpr qsizetype MaxCoveredItems = 500;
            request.itemIds = items.mid(0, MaxCoveredItems);
            request.language = QStringLiteral("en");
            request.platforms = {target.platform};
            request.audiences = {target.audience};
            request.purposes = {target.purpose};
            request.identifiable = true;
            request.signedAt = now.addDays(-1);
            request.expiry = {
                domain::Expiry::Kind::Date,
                request.signedAt.date().addDays(std::min(365, policy.maxDurationDays)),
                {}};
            request.signer = {QStringLiteral("patient"), patient.displayName, {}, {}, {}};
            request.strokes = domain::syntheticSignature(std::uint64_t(p));
            request.printedName = patient.displayName;
            request.agreed = true;
            request.agreedAt = request.signedAt.addSecs(-30);
            if (policy.witnessRequired)
                request.witness = domain::Witness{QStringLiteral("Nurse Scale Witness"),
                                                  domain::syntheticSignature(std::uint64_t(p) + 1),
                                                  request.signedAt.addSecs(60)};
            request.countersignedAt = request.signedAt.addSecs(120);
            request.startsAt = request.countersignedAt;
            (void)m_core.consents().seal(request);
            ++summary.consents;

            const qint64 postCount = shareOf(size.posts, size.consents, p);
            for (qint64 k = 0; k < postCount; ++k) {
                const auto draft = m_core.posts().createDraft(postText, target);
                m_core.posts().attach(draft.id, items[qsizetype(k % items.size())]);
                (void)m_core.posts().share(draft.id);
                ++summary.posts;
            }
        }
        if ((p + 1) % PatientsPerBatch == 0)
            commitBatch();
    }
    commitBatch();
    if (progress)
        progress(photoNumber, size.photos);
    return summary;
}

} // namespace cc::services
