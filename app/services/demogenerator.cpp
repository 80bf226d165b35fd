#include "services/demogenerator.h"

#include "domain/signature.h"
#include "domain/vocabulary.h"
#include "services/consentcore.h"

#include <QTimeZone>

#include <array>
#include <random>

namespace cc::services {

namespace {

constexpr std::array FirstNames{"Ada",   "Bruno", "Carmen", "Dario", "Elena", "Farid",
                                "Greta", "Hugo",  "Iris",   "Jonas", "Kiri",  "Luz"};
constexpr std::array FamilyNames{"Example",    "Sample",   "Specimen", "Placeholder",
                                 "Testperson", "Mockwell", "Dummyford"};
constexpr std::array StoryTitles{"A rash that would not go away", "Healing after a burn",
                                 "Living with psoriasis", "A mole worth checking",
                                 "Recovery from a dog bite"};
constexpr std::array StoryTexts{
    "A fictional patient came to the clinic with a red, itchy rash on the forearm that had "
    "lasted six weeks. Creams from the pharmacy had not helped.",
    "This fictional case follows a kitchen burn on the hand from the first visit to full "
    "healing, and what helped along the way.",
    "A fictional patient with plaque psoriasis describes how treatment changed daily life over "
    "three months.",
    "A fictional patient noticed a mole that had changed shape. Checking it early made all the "
    "difference.",
    "This fictional story describes caring for a bite wound and the signs of infection to "
    "watch for."};

// Uniform in [0, n) from the engine's raw output: std distributions differ between
// standard libraries, and the demo must not.
std::uint64_t pick(std::mt19937_64 &rng, std::uint64_t n) {
    return rng() % n;
}

QStringList someOf(std::mt19937_64 &rng, const QStringList &codes, int atLeast) {
    QStringList chosen;
    for (const QString &code : codes) {
        if (pick(rng, 2) == 0)
            chosen.append(code);
    }
    for (int i = 0; chosen.size() < atLeast; ++i) {
        if (!chosen.contains(codes[i]))
            chosen.append(codes[i]);
    }
    return chosen;
}

domain::ClinicianProfile demoClinician() {
    return {QStringLiteral("Dr. Demo Clinician"), QStringLiteral("MD (fictional)"),
            QStringLiteral("ConsentCam Demo Clinic"),
            QStringLiteral("1 Example Street, Springfield (fictional), demo@example.invalid")};
}

} // namespace

DemoSummary DemoGenerator::generate(int patients, std::uint64_t seed, const Progress &progress) {
    DemoSummary summary;
    if (!m_core.settings().clinician().isComplete())
        m_core.settings().setClinician(demoClinician());
    const domain::Policy policy = m_core.settings().policy();
    const QDateTime now = m_clock().toUTC();
    const int offsetMinutes = 0;
    QString revokeConsent;
    QString removedConsent;

    for (int i = 0; i < patients; ++i) {
        std::mt19937_64 rng(seed * 1'000'003 + std::uint64_t(i));
        const QString name =
            QStringLiteral("%1 %2 (demo)")
                .arg(QLatin1StringView(FirstNames[std::size_t(i) % FirstNames.size()]),
                     QLatin1StringView(
                         FamilyNames[(std::size_t(i) / FirstNames.size() + std::size_t(i)) %
                                     FamilyNames.size()]));
        const auto patient = m_core.library().addPatient(
            name, QStringLiteral("DEMO-%1").arg(i + 1, 5, 10, QLatin1Char('0')));
        ++summary.patients;

        // Photos taken in the last month.
        QStringList items;
        QString firstPhoto;
        const int photoCount = 2 + int(pick(rng, 3));
        for (int p = 0; p < photoCount; ++p) {
            const QDateTime taken =
                now.addDays(-qint64(pick(rng, 30))).addSecs(-qint64(pick(rng, 3600)));
            const auto bytes = m_photos(seed * 7919 + std::uint64_t(i) * 16 + std::uint64_t(p));
            const auto photo = m_core.library().importPhoto(patient.id, bytes, taken);
            items.append(photo.id);
            if (firstPhoto.isEmpty())
                firstPhoto = photo.id;
            ++summary.photos;
        }
        QString storyId;
        if (i % 2 == 0) {
            const auto [story, version] = m_core.library().addStory(
                patient.id, QLatin1StringView(StoryTitles[std::size_t(i / 2) % StoryTitles.size()]),
                QLatin1StringView(StoryTexts[std::size_t(i / 2) % StoryTexts.size()]));
            storyId = story.id;
            items.append(version.id);
            ++summary.stories;
        }

        // Four patients in five sign a consent.
        if (i % 5 == 4) {
            if (progress)
                progress(i + 1, patients);
            continue;
        }
        const bool expired = i % 8 == 7;
        const bool identifiable = i % 4 != 3;
        ConsentRequest request;
        request.patientId = patient.id;
        request.itemIds = items;
        request.language = i % 3 == 2 ? QStringLiteral("es") : QStringLiteral("en");
        request.platforms = someOf(rng, policy.allowedPlatforms, 1);
        request.audiences = someOf(rng, domain::vocabulary::audiences(), 1);
        request.purposes = someOf(rng, domain::vocabulary::purposes(), 1);
        request.identifiable = identifiable;
        request.utcOffsetMinutes = offsetMinutes;
        request.signedAt =
            expired ? now.addDays(-400) : now.addDays(-qint64(pick(rng, 20))).addSecs(-600);
        const QDate signedOn = request.signedAt.date();
        if (i % 6 == 5) {
            request.expiry = {domain::Expiry::Kind::Event, signedOn.addDays(policy.maxDurationDays),
                              QStringLiteral("the end of my treatment")};
        } else {
            request.expiry = {domain::Expiry::Kind::Date,
                              signedOn.addDays(expired ? 365 : 120 + qint64(pick(rng, 500))),
                              {}};
        }
        request.paid = i % 9 == 8;
        if (request.paid)
            request.compensationDescription =
                QStringLiteral("A fictional skincare brand pays the clinic for the campaign.");
        if (i % 7 == 6) {
            request.signer = {QStringLiteral("parent_guardian"),
                              QStringLiteral("Parent of %1").arg(name),
                              QStringLiteral("mother"),
                              QStringLiteral("parent of a minor patient"),
                              {}};
        } else {
            request.signer = {QStringLiteral("patient"), name, {}, {}, {}};
        }
        request.strokes = domain::syntheticSignature(seed + std::uint64_t(i));
        request.printedName = request.signer.name;
        request.agreed = true;
        request.agreedAt = request.signedAt.addSecs(-30);
        if (i % 3 == 0 || policy.witnessRequired)
            request.witness =
                domain::Witness{QStringLiteral("Nurse Demo Witness"),
                                domain::syntheticSignature(seed + 10'000 + std::uint64_t(i)),
                                request.signedAt.addSecs(60)};
        request.countersignedAt = request.signedAt.addSecs(120);
        request.startsAt = request.countersignedAt;
        // A de-identified-only consent: the face is marked before the signer sees the
        // form, and a redacted copy that hides it is what gets shared.
        const domain::NormRect face{3000, 1500, 3000, 3000};
        if (!identifiable) {
            for (const QString &item : items) {
                if (item.startsWith(QLatin1String("pho_")))
                    m_core.library().markIdentifyingRegions(item, {face});
            }
        }
        const auto consent = m_core.consents().seal(request);
        ++summary.consents;

        QString shareable = firstPhoto;
        if (!identifiable) {
            shareable = m_core.library()
                            .deriveRedacted(firstPhoto, {{face, domain::RedactionKind::Blur}})
                            .id;
            ++summary.derivatives;
        }
        // Some stories are edited after signing: the new text is not covered.
        if (!storyId.isEmpty() && i % 4 == 2)
            m_core.library().editStory(
                storyId, QLatin1StringView(StoryTexts[std::size_t(i) % StoryTexts.size()]) +
                             QStringLiteral(" (Edited after signing.)"));

        if (!expired) {
            const domain::GateTarget target{request.platforms.front(), request.audiences.front(),
                                            request.purposes.front()};
            QString text = QStringLiteral("What this case teaches about early care. #dermatology\n"
                                          "General education, not medical advice.");
            if (request.paid)
                text += QStringLiteral(" #ad");
            auto draft = m_core.posts().createDraft(text, target);
            m_core.posts().attach(draft.id, shareable);
            ++summary.drafts;
            if (i % 2 == 0) {
                const auto post = m_core.posts().share(draft.id);
                m_core.posts().setUrl(post.id,
                                      QStringLiteral("https://social.example/demo/%1").arg(i + 1));
                ++summary.posts;
                if (revokeConsent.isEmpty())
                    revokeConsent = consent.id;
                else if (removedConsent.isEmpty())
                    removedConsent = consent.id;
            }
        }
        if (progress)
            progress(i + 1, patients);
    }

    // A patient changed their mind: the post that depended on the consent awaits takedown.
    // With a second one, the takedown is already done.
    for (const QString &consentId : {revokeConsent, removedConsent}) {
        if (consentId.isEmpty())
            continue;
        RevocationRequest revocation;
        revocation.consentId = consentId;
        revocation.receivedAt = now.addSecs(-3600);
        revocation.method = QStringLiteral("signed_on_device");
        revocation.strokes = domain::syntheticSignature(seed + 20'000);
        const auto impact = m_core.revocations().revoke(revocation);
        ++summary.revocations;
        if (consentId == removedConsent) {
            for (const QString &postId : impact.postsNeedingTakedown)
                m_core.revocations().markRemoved(postId, now.addSecs(-600), {},
                                                 QStringLiteral("Removed by the clinician."));
        }
    }
    return summary;
}

} // namespace cc::services
