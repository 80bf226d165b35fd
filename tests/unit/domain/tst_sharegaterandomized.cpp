// The share gate's promise at scale: across 100,000 random operation sequences (create
// photos and stories, seal consents, derive redacted copies, mark identifying regions,
// revoke, record expiry events, tamper with or break records, change the policy, move the
// clock across time zones, share), the gate allows exactly what an independent model of
// the rules allows: never a share without a valid consent, never one after a revocation of
// the only consents that covered the item, and only the consents that allow it are named.
//
// This drives domain::decideShare with the facts storage would hand it, so it can run the
// full count in seconds; tst_sharegaterandomized in the services tests runs the same kind
// of sequences through a real vault.

#include "domain/ids.h"
#include "domain/sharegate.h"
#include "domain/vocabulary.h"
#include "domaintestsupport.h"

#include "randomizedscale.h"

#include <catch2/catch_get_random_seed.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QTimeZone>

#include <array>
#include <iostream>
#include <map>
#include <random>

using namespace cc::domain;

namespace {

// Rectangles on a 20x20 grid of 500-unit cells: the model checks coverage by counting
// cells, with no code shared with the gate's geometry.
struct Cells {
    std::array<bool, 400> on{};
    void add(const NormRect &r) {
        for (int y = r.y / 500; y < (r.y + r.h) / 500; ++y)
            for (int x = r.x / 500; x < (r.x + r.w) / 500; ++x)
                on[std::size_t(y * 20 + x)] = true;
    }
    [[nodiscard]] bool contains(const Cells &other) const {
        for (std::size_t i = 0; i < on.size(); ++i)
            if (other.on[i] && !on[i])
                return false;
        return true;
    }
};

struct MPhoto {
    QString id;
    QString sha;
    int original = -1;
    std::vector<NormRect> redactions;
    std::vector<NormRect> regions;
};

struct MStory {
    QStringList versionIds;
    QStringList shas;
};

struct MConsent {
    GateConsent facts;   // what storage would hand the gate
    QStringList covered; // the hashes it names
    bool otherPatient = false;
};

struct Counts {
    long sequences = 0;
    long operations = 0;
    long consents = 0;
    long shares = 0;
    long allowed = 0;
    long refused = 0;
    long allowedWithoutValidConsent = 0;
    long allowedAfterRevocation = 0;
    long refusedButValid = 0;
    long wrongConsentsNamed = 0;
    std::map<std::string, long> reasons;
};

class Sequence {
public:
    Sequence(std::mt19937_64 &rng, const ConsentRecord &base, QDateTime &now, Policy &policy)
        : m_rng(rng)
        , m_base(base)
        , m_now(now)
        , m_policy(policy)
        , m_patient(ids::generate(ids::Kind::Patient)) {}

    void run(Counts &counts) {
        addPhoto();
        if (pick(3) == 0)
            addStory();
        if (pick(4) != 0) // most sequences start in the exam room
            seal(counts);
        const int steps = 4 + int(pick(14));
        for (int step = 0; step < steps; ++step) {
            ++counts.operations;
            switch (pick(20)) {
            case 0:
                addPhoto();
                break;
            case 1:
                m_stories.empty() ? addStory() : editStory();
                break;
            case 2:
            case 3:
            case 4:
                seal(counts);
                break;
            case 5:
                derive();
                break;
            case 6:
                markRegions();
                break;
            case 7:
                revoke();
                break;
            case 8:
                expiryEvent();
                break;
            case 9:
                moveClock();
                break;
            case 10:
                spoil();
                break;
            case 11:
                if (pick(30) == 0)
                    m_policy.allowedPlatforms =
                        pick(2) == 0 ? vocabulary::platforms() : subset(vocabulary::platforms());
                break;
            default:
                share(counts);
                break;
            }
        }
        ++counts.sequences;
    }

private:
    std::uint64_t pick(std::uint64_t n) { return m_rng() % n; }
    template<class T>
    const T &pickFrom(const std::vector<T> &v) {
        return v[pick(v.size())];
    }
    QString pickCode(const QStringList &codes) {
        return codes[qsizetype(pick(std::uint64_t(codes.size())))];
    }
    QString hash() { return QString::number(m_rng(), 16).rightJustified(64, QLatin1Char('0')); }

    QStringList subset(const QStringList &codes) {
        QStringList chosen;
        for (const QString &code : codes)
            if (pick(3) == 0)
                chosen.append(code);
        if (chosen.isEmpty())
            chosen.append(pickCode(codes));
        return chosen;
    }

    NormRect gridRect() {
        const int x = int(pick(16)), y = int(pick(16));
        const int w = 1 + int(pick(std::uint64_t(std::min(6, 20 - x))));
        const int h = 1 + int(pick(std::uint64_t(std::min(6, 20 - y))));
        return {x * 500, y * 500, w * 500, h * 500};
    }

    void addPhoto() { m_photos.push_back({ids::generate(ids::Kind::Photo), hash(), -1, {}, {}}); }
    void addStory() { m_stories.push_back({{ids::generate(ids::Kind::StoryVersion)}, {hash()}}); }
    void editStory() {
        MStory &story = m_stories[pick(m_stories.size())];
        story.versionIds.append(ids::generate(ids::Kind::StoryVersion));
        story.shas.append(hash());
    }

    void derive() {
        const int source = int(pick(m_photos.size()));
        const MPhoto from = m_photos[std::size_t(source)];
        MPhoto copy{ids::generate(ids::Kind::Photo),
                    hash(),
                    from.original >= 0 ? from.original : source,
                    from.redactions,
                    {}};
        for (int n = 1 + int(pick(2)); n > 0; --n)
            copy.redactions.push_back(gridRect());
        m_photos.push_back(copy);
    }

    void markRegions() {
        std::vector<int> originals;
        for (int i = 0; i < int(m_photos.size()); ++i)
            if (m_photos[std::size_t(i)].original < 0)
                originals.push_back(i);
        auto &photo = m_photos[std::size_t(pickFrom(originals))];
        photo.regions.clear();
        for (int n = int(pick(3)); n > 0; --n)
            photo.regions.push_back(gridRect());
    }

    void seal(Counts &counts) {
        MConsent consent;
        ConsentRecord &record = consent.facts.record;
        record = m_base;
        record.id = ids::generate(ids::Kind::Consent);
        consent.otherPatient = pick(15) == 0; // the same photo bytes, another patient's consent
        record.patientId = consent.otherPatient ? ids::generate(ids::Kind::Patient) : m_patient;
        record.items.clear();
        record.identifiable = pick(3) != 0;
        for (MPhoto &photo : m_photos) {
            if (photo.original < 0 && pick(2) == 0) {
                // Before a de-identified-only consent the clinician usually marks the face.
                if (!record.identifiable && photo.regions.empty() && pick(4) != 0)
                    photo.regions.push_back(gridRect());
                // The regions marked now are sealed with the consent.
                record.items.push_back(
                    {ItemKind::Photo, photo.id, photo.sha, QStringLiteral("photo"), photo.regions});
                consent.covered.append(photo.sha);
            }
        }
        for (const MStory &story : m_stories) {
            if (pick(2) == 0) {
                const qsizetype v = qsizetype(pick(std::uint64_t(story.shas.size())));
                record.items.push_back(
                    {ItemKind::Story, story.versionIds[v], story.shas[v], QStringLiteral("story")});
                consent.covered.append(story.shas[v]);
            }
        }
        // Sealing refuses what the validator refuses: no items, or a de-identified-only
        // consent over a photo with no identifying regions marked.
        if (record.items.empty())
            return;
        if (!record.identifiable &&
            std::any_of(record.items.begin(), record.items.end(), [](const CoveredItem &item) {
                return item.kind == ItemKind::Photo && item.regions.empty();
            }))
            return;
        record.platforms = subset(m_policy.allowedPlatforms); // what sealing allows
        record.audiences = subset(vocabulary::audiences());
        record.purposes = subset(vocabulary::purposes());
        record.utcOffsetMinutes = (int(pick(105)) - 48) * 15;
        record.signedAt = m_now.addSecs(-120);
        const QDate signedOn =
            record.signedAt.toTimeZone(QTimeZone(record.utcOffsetMinutes * 60)).date();
        record.expiry = {Expiry::Kind::Date, signedOn.addDays(qint64(pick(731))), {}};
        record.startsAt = pick(5) == 0 ? m_now.addDays(qint64(pick(5))) : m_now;
        consent.facts.intact = true;
        m_consents.push_back(consent);
        ++counts.consents;
    }

    void revoke() {
        if (m_consents.empty())
            return;
        auto &facts = m_consents[pick(m_consents.size())].facts;
        if (!facts.revokedAt)
            facts.revokedAt = m_now.addSecs(-qint64(pick(3600)));
    }

    void expiryEvent() {
        if (m_consents.empty())
            return;
        auto &facts = m_consents[pick(m_consents.size())].facts;
        if (!facts.expiryEventAt)
            facts.expiryEventAt = m_now.addSecs(qint64(pick(7200)) - 3600); // sometimes still ahead
    }

    // A record whose bytes failed verification, or that breaks a validity rule.
    void spoil() {
        if (m_consents.empty() || pick(4) != 0)
            return;
        auto &facts = m_consents[pick(m_consents.size())].facts;
        if (pick(2) == 0) {
            facts.intact = false;
            facts.integrityProblem = QStringLiteral("the signature does not verify");
            // What the tampered bytes claim must not matter: widen it all.
            facts.record.platforms = vocabulary::platforms();
            facts.record.audiences = vocabulary::audiences();
            facts.record.purposes = vocabulary::purposes();
            facts.record.identifiable = true;
        } else {
            facts.defects = {{QStringLiteral("witness"), QStringLiteral("no witness")}};
        }
    }

    void moveClock() {
        static constexpr std::array<qint64, 5> Scales{60, 3600, 86400, 30 * 86400, 200 * 86400};
        m_now = m_now.addSecs(qint64(pick(std::uint64_t(Scales[pick(Scales.size())]))));
    }

    // The facts storage would gather for an item: the photo (and its original), or a story
    // version (and the story's earlier versions).
    GateItem facts(int photo, int story, int version) const {
        GateItem item;
        item.patientId = m_patient;
        if (photo >= 0) {
            const MPhoto &p = m_photos[std::size_t(photo)];
            item.kind = ItemKind::Photo;
            item.id = p.id;
            item.sha256 = p.sha;
            if (p.original >= 0) {
                const MPhoto &o = m_photos[std::size_t(p.original)];
                item.originalId = o.id;
                item.originalSha256 = o.sha;
                for (const auto &r : p.redactions)
                    item.redactions.push_back({r, RedactionKind::Solid});
                item.identifyingRegions = o.regions;
            }
        } else {
            const MStory &s = m_stories[std::size_t(story)];
            item.kind = ItemKind::Story;
            item.id = s.versionIds[version];
            item.sha256 = s.shas[version];
            item.earlierVersionSha256 = s.shas.mid(0, version);
        }
        return item;
    }

    // The model: the consents that allow the item for the target now.
    QStringList allowing(int photo, int story, int version, const GateTarget &target,
                         bool *coveredOnlyByRevoked) const {
        QStringList shas;
        const MPhoto *p = photo >= 0 ? &m_photos[std::size_t(photo)] : nullptr;
        if (p) {
            shas.append(p->sha);
            if (p->original >= 0)
                shas.append(m_photos[std::size_t(p->original)].sha);
        } else {
            shas.append(m_stories[std::size_t(story)].shas[version]);
        }
        QStringList ids;
        bool any = false;
        bool allRevoked = true;
        for (const MConsent &c : m_consents) {
            const GateConsent &f = c.facts;
            if (c.otherPatient || !f.intact || !f.defects.empty())
                continue;
            if (!std::any_of(shas.begin(), shas.end(),
                             [&](const QString &s) { return c.covered.contains(s); }))
                continue;
            any = true;
            allRevoked = allRevoked && f.revokedAt.has_value();
            const ConsentRecord &r = f.record;
            const QDateTime ends = QDateTime(r.expiry.date.addDays(1), QTime(0, 0),
                                             QTimeZone(r.utcOffsetMinutes * 60));
            if (f.revokedAt || m_now < r.startsAt || m_now >= ends ||
                (f.expiryEventAt && m_now >= *f.expiryEventAt))
                continue;
            if (!r.platforms.contains(target.platform) || !r.audiences.contains(target.audience) ||
                !r.purposes.contains(target.purpose))
                continue;
            if (!r.identifiable && p) {
                if (p->original < 0 || p->redactions.empty())
                    continue;
                Cells hidden, regions;
                for (const auto &rect : p->redactions)
                    hidden.add(rect);
                const MPhoto &original = m_photos[std::size_t(p->original)];
                // Marked now, or marked when this consent was sealed.
                for (const auto &rect : original.regions)
                    regions.add(rect);
                for (const CoveredItem &item : r.items)
                    if (item.sha256 == original.sha)
                        for (const auto &rect : item.regions)
                            regions.add(rect);
                if (!hidden.contains(regions))
                    continue;
            }
            ids.append(r.id);
        }
        if (!m_policy.allowedPlatforms.contains(target.platform))
            ids.clear();
        *coveredOnlyByRevoked = any && allRevoked;
        return ids;
    }

    void share(Counts &counts) {
        int photo = -1, story = -1, version = -1;
        GateTarget target{pickCode(vocabulary::platforms()), pickCode(vocabulary::audiences()),
                          pickCode(vocabulary::purposes())};
        if (!m_consents.empty() && pick(3) != 0) {
            // Mostly what a consent names, for a target in its scope.
            const MConsent &c = m_consents[pick(m_consents.size())];
            const CoveredItem &item = c.facts.record.items[pick(c.facts.record.items.size())];
            for (int i = 0; i < int(m_photos.size()); ++i)
                if (m_photos[std::size_t(i)].id == item.id)
                    photo = i;
            if (photo >= 0 && pick(2) == 0) {
                std::vector<int> copies;
                for (int i = 0; i < int(m_photos.size()); ++i)
                    if (m_photos[std::size_t(i)].original == photo)
                        copies.push_back(i);
                if (!copies.empty())
                    photo = pickFrom(copies);
            }
            for (int s = 0; photo < 0 && s < int(m_stories.size()); ++s) {
                const qsizetype v = m_stories[std::size_t(s)].versionIds.indexOf(item.id);
                if (v >= 0) {
                    story = s;
                    version = pick(2) == 0 ? int(m_stories[std::size_t(s)].versionIds.size()) - 1
                                           : int(v);
                }
            }
            target = {pickCode(c.facts.record.platforms), pickCode(c.facts.record.audiences),
                      pickCode(c.facts.record.purposes)};
        } else if (!m_stories.empty() && pick(4) == 0) {
            story = int(pick(m_stories.size()));
            version = int(pick(std::uint64_t(m_stories[std::size_t(story)].shas.size())));
        } else {
            photo = int(pick(m_photos.size()));
        }

        std::vector<GateConsent> candidates;
        for (const MConsent &c : m_consents)
            candidates.push_back(c.facts);
        const GateDecision decision =
            decideShare(facts(photo, story, version), candidates, m_policy, target, m_now);
        bool onlyRevoked = false;
        const QStringList expected = allowing(photo, story, version, target, &onlyRevoked);

        ++counts.shares;
        if (decision.allowed) {
            ++counts.allowed;
            if (expected.isEmpty())
                ++counts.allowedWithoutValidConsent;
            if (onlyRevoked)
                ++counts.allowedAfterRevocation;
            QStringList named = decision.consentIds;
            QStringList wanted = expected;
            named.sort();
            wanted.sort();
            if (named != wanted)
                ++counts.wrongConsentsNamed;
        } else {
            ++counts.refused;
            for (const auto &r : decision.reasons)
                ++counts.reasons[r.code.toStdString()];
            if (!expected.isEmpty())
                ++counts.refusedButValid;
            if (decision.reasons.empty())
                ++counts.wrongConsentsNamed; // a refusal always says why
        }
    }

    std::mt19937_64 &m_rng;
    const ConsentRecord &m_base;
    QDateTime &m_now;
    Policy &m_policy;
    QString m_patient;
    std::vector<MPhoto> m_photos;
    std::vector<MStory> m_stories;
    std::vector<MConsent> m_consents;
};

} // namespace

TEST_CASE("Across 100,000 random operation sequences the gate allows exactly what a valid "
          "consent allows") {
    ConsentRecord base = test::validRecord();
    base.strokes = {};
    std::mt19937_64 rng(Catch::getSeed());
    QDateTime now(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    Policy policy = Policy::defaults();
    Counts counts;
    const long Sequences = cc::test::randomizedCount(100'000);
    for (long i = 0; i < Sequences; ++i)
        Sequence(rng, base, now, policy).run(counts);

    std::cout << "share gate (domain): " << counts.sequences << " sequences, " << counts.operations
              << " operations, " << counts.consents << " consents; " << counts.shares
              << " shares checked: " << counts.allowed << " allowed, " << counts.refused
              << " refused; " << counts.allowedWithoutValidConsent
              << " allowed without a valid consent, " << counts.allowedAfterRevocation
              << " allowed after a revocation, " << counts.refusedButValid
              << " refused although a consent allowed them, " << counts.wrongConsentsNamed
              << " with the wrong consents named\n";
    std::cout << "share gate (domain): refusals by reason:";
    for (const auto &[code, n] : counts.reasons)
        std::cout << ' ' << code << '=' << n;
    std::cout << '\n';
    CHECK(counts.sequences == Sequences);
    CHECK(counts.allowedWithoutValidConsent == 0);
    CHECK(counts.allowedAfterRevocation == 0);
    CHECK(counts.refusedButValid == 0);
    CHECK(counts.wrongConsentsNamed == 0);
    CHECK(counts.allowed > counts.shares / 10);
}
