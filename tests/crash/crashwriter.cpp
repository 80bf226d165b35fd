// crash_writer VAULT_DIR PASSCODE_A PASSCODE_B CURRENT FOCUS SEED
//
// Opens an existing vault with passcode CURRENT ("a" or "b") and runs the consent core's
// real use cases on it forever, in a random mix (SEED) that favours FOCUS (an operation
// kind below, or "mix"; the first operation is FOCUS whenever it can be done): add a
// patient, import a photo (a small generated JPEG, distinct each time), add a case story,
// seal a consent covering some of a patient's photos (and sometimes a story), revoke a
// consent, change the passcode to the other one, share a post of covered photos. Every
// one of them writes the audit log in its own transactions. The crash suite kills it with
// SIGKILL at random moments.
//
// Standard output, one line each, flushed at once:
//   "about unlock", then "ready <a|b>" once the vault is open;
//   "about <kind>" before each operation and, once it has returned, its acknowledgement:
//     "patient <patient id> -"
//     "photo <photo id> <SHA-256 of the original>"
//     "story <story version id> <SHA-256 of the text>"
//     "consent <consent id> <SHA-256 of the sealed record>"
//     "revoke <consent id> <revocation id>"
//     "passcode <a|b>"              (the passcode now in effect)
//     "post <post id> <item count>"
// Errors go to standard error, and the exit status is 1.

#include "consentrequest.h"
#include "crashprotocol.h"

#include "domain/consentrecord.h"
#include "domain/consenttemplate.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/database.h"
#include "storage/fileops.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace cc;
using namespace cc::services;
namespace protocol = cc::crashtest;

namespace {

struct PatientState {
    QString id;
    QString name;
    QStringList photos;        // clinical photo ids
    QStringList storyVersions; // the latest version of each story
};

struct ConsentState {
    QString id;
    int patient = 0;   // index into Writer::m_patients
    QStringList items; // covered photo ids (stories are not shared here)
    bool revoked = false;
};

void say(const QString &line) {
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

class Writer {
public:
    Writer(Vault &vault, ConsentCore &core, QStringList passcodes, int current,
           std::optional<protocol::Kind> focus, std::uint64_t seed)
        : m_vault(vault)
        , m_core(core)
        , m_passcodes(std::move(passcodes))
        , m_current(current)
        , m_focus(focus)
        , m_rng(seed) {
        load();
    }

    [[noreturn]] void run() {
        bool first = true;
        for (;;) {
            const protocol::Kind kind = feasible(first && m_focus ? *m_focus : pick());
            first = false;
            say(QStringLiteral("about ") + protocol::name(kind));
            say(perform(kind));
        }
    }

private:
    // What the vault holds already: patients, their photos and stories, and the consents,
    // committed by this process's predecessors (acknowledged or not).
    void load() {
        for (const auto &patient : m_core.library().patients({}, 1000)) {
            PatientState state{patient.id, patient.displayName, {}, {}};
            for (const auto &photo : m_core.library().photos(patient.id))
                state.photos.append(photo.id);
            for (const auto &story : m_core.library().stories(patient.id)) {
                const auto versions = m_core.library().storyVersions(story.id);
                if (!versions.empty())
                    state.storyVersions.append(versions.back().id);
            }
            const int index = int(m_patients.size());
            m_patients.push_back(state);
            for (const auto &consent : m_core.consents().forPatient(patient.id)) {
                ConsentState known{
                    consent.id, index, {}, m_core.consents().revocationOf(consent.id).has_value()};
                for (const auto &item : domain::parseSealedRecord(consent.record).items) {
                    if (item.kind == domain::ItemKind::Photo)
                        known.items.append(item.id);
                }
                m_consents.push_back(known);
            }
        }
        if (m_patients.empty())
            throw std::runtime_error("the vault has no patients");
    }

    int below(std::size_t n) {
        return int(std::uniform_int_distribution<std::size_t>(0, n - 1)(m_rng));
    }

    protocol::Kind pick() {
        std::vector<int> weights;
        for (const protocol::Kind kind : protocol::OperationKinds)
            weights.push_back(protocol::baseWeight(kind) +
                              (kind == m_focus ? protocol::FocusWeight : 0));
        std::discrete_distribution<int> choose(weights.begin(), weights.end());
        return protocol::OperationKinds[std::size_t(choose(m_rng))];
    }

    [[nodiscard]] std::vector<int> openConsents(bool withItems) const {
        std::vector<int> open;
        for (std::size_t i = 0; i < m_consents.size(); ++i) {
            if (!m_consents[i].revoked && (!withItems || !m_consents[i].items.isEmpty()))
                open.push_back(int(i));
        }
        return open;
    }

    // kind, or what can be done instead: a consent needs photos, a revocation or a post
    // needs an unrevoked consent.
    protocol::Kind feasible(protocol::Kind kind) const {
        using protocol::Kind;
        if ((kind == Kind::Revoke || kind == Kind::Post) && openConsents(true).empty())
            kind = Kind::Consent;
        if (kind == Kind::Consent) {
            for (const auto &patient : m_patients) {
                if (!patient.photos.isEmpty())
                    return kind;
            }
            return Kind::Photo;
        }
        return kind;
    }

    QString perform(protocol::Kind kind) {
        using protocol::Kind;
        switch (kind) {
        case Kind::Patient:
            return addPatient();
        case Kind::Photo:
            return importPhoto();
        case Kind::Story:
            return addStory();
        case Kind::Consent:
            return seal();
        case Kind::Revoke:
            return revoke();
        case Kind::Passcode:
            return changePasscode();
        case Kind::Post:
            return share();
        }
        throw std::logic_error("not an operation");
    }

    QString addPatient() {
        const QString name = QStringLiteral("Crash Patient %1").arg(m_patients.size() + 1);
        const auto patient = m_core.library().addPatient(name);
        m_patients.push_back({patient.id, patient.displayName, {}, {}});
        return QStringLiteral("patient %1 -").arg(patient.id);
    }

    QString importPhoto() {
        auto &patient = m_patients[std::size_t(below(m_patients.size()))];
        // A fresh seed and size each time: no two imports carry the same bytes.
        const int width = 32 + below(65);
        const int height = 24 + below(49);
        const auto bytes = imaging::demoPhoto(m_rng(), width, height);
        const auto photo = m_core.library().importPhoto(
            patient.id, bytes, m_vault.clock()().addSecs(-3600 - below(86400)));
        patient.photos.append(photo.id);
        return QStringLiteral("photo %1 %2").arg(photo.id, photo.sha256);
    }

    QString addStory() {
        auto &patient = m_patients[std::size_t(below(m_patients.size()))];
        const QString text = QStringLiteral("Week %1: the lesion is smaller and less red (%2).")
                                 .arg(1 + below(52))
                                 .arg(m_rng(), 16, 16, QLatin1Char('0'));
        const auto [story, version] =
            m_core.library().addStory(patient.id, QStringLiteral("Healing progress"), text);
        patient.storyVersions.append(version.id);
        return QStringLiteral("story %1 %2").arg(version.id, version.sha256);
    }

    QString seal() {
        std::vector<int> candidates;
        for (std::size_t i = 0; i < m_patients.size(); ++i) {
            if (!m_patients[i].photos.isEmpty())
                candidates.push_back(int(i));
        }
        const int index = candidates[std::size_t(below(candidates.size()))];
        const PatientState &patient = m_patients[std::size_t(index)];
        // One to three of the patient's photos, the recent ones more often, and now and then
        // the latest version of one of the patient's stories.
        QStringList photos;
        const int want = 1 + below(3);
        for (int i = 0; i < want; ++i) {
            const int n = int(patient.photos.size());
            const int recent = std::min(n, 8);
            const QString id = below(4) == 0 ? patient.photos[below(std::size_t(n))]
                                             : patient.photos[n - 1 - below(std::size_t(recent))];
            if (!photos.contains(id))
                photos.append(id);
        }
        QStringList items = photos;
        if (!patient.storyVersions.isEmpty() && below(4) == 0)
            items.append(patient.storyVersions[below(std::size_t(patient.storyVersions.size()))]);

        const QDateTime now = m_vault.clock()();
        const auto sealed = m_core.consents().seal(
            cc::test::patientSignedRequest(patient.id, items, patient.name, now, m_rng()));
        m_consents.push_back({sealed.id, index, photos, false});
        return QStringLiteral("consent %1 %2").arg(sealed.id, sealed.recordSha256);
    }

    QString revoke() {
        const auto open = openConsents(false);
        ConsentState &consent = m_consents[std::size_t(open[std::size_t(below(open.size()))])];
        RevocationRequest request{consent.id,
                                  m_vault.clock()().addSecs(-60),
                                  QStringLiteral("other"),
                                  QStringLiteral("by phone, a letter to follow"),
                                  {},
                                  {}};
        (void)m_core.revocations().revoke(request);
        consent.revoked = true;
        const auto revocation = m_core.consents().revocationOf(consent.id);
        if (!revocation)
            throw std::runtime_error("the revocation just recorded is not there");
        return QStringLiteral("revoke %1 %2").arg(consent.id, revocation->id);
    }

    QString changePasscode() {
        const int next = 1 - m_current;
        m_vault.changePasscode(m_passcodes[m_current], m_passcodes[next]);
        m_current = next;
        return QStringLiteral("passcode ") + protocol::passcodeName(m_current);
    }

    QString share() {
        static const domain::GateTarget target{
            QStringLiteral("instagram"), QStringLiteral("public"), QStringLiteral("education")};
        const auto open = openConsents(true);
        const ConsentState &consent =
            m_consents[std::size_t(open[std::size_t(below(open.size()))])];
        auto &posts = m_core.posts();
        const auto draft = posts.createDraft(QStringLiteral("Case of the week."), target);
        QStringList attached;
        const int want = 1 + below(2);
        for (int i = 0; i < want; ++i) {
            const QString &item = consent.items[below(std::size_t(consent.items.size()))];
            if (!attached.contains(item)) {
                posts.attach(draft.id, item);
                attached.append(item);
            }
        }
        const auto post = posts.share(draft.id);
        return QStringLiteral("post %1 %2").arg(post.id).arg(post.items.size());
    }

    Vault &m_vault;
    ConsentCore &m_core;
    QStringList m_passcodes;
    int m_current;
    std::optional<protocol::Kind> m_focus;
    std::mt19937_64 m_rng;
    std::vector<PatientState> m_patients;
    std::vector<ConsentState> m_consents;
};

} // namespace

int main(int argc, char **argv) {
    if (argc != 7) {
        std::fprintf(stderr,
                     "usage: crash_writer VAULT_DIR PASSCODE_A PASSCODE_B CURRENT FOCUS SEED\n");
        return 2;
    }
    try {
        QCoreApplication app(argc, argv); // image plugins
        storage::silenceSqlCipherLog();
        const QString directory = QString::fromLocal8Bit(argv[1]);
        const QStringList passcodes{QString::fromLocal8Bit(argv[2]),
                                    QString::fromLocal8Bit(argv[3])};
        const int current = protocol::passcodeIndex(QString::fromLatin1(argv[4]));
        const QString focusName = QString::fromLatin1(argv[5]);
        const auto focus = protocol::kindFromName(focusName);
        if (current < 0 || (!focus && focusName != protocol::NoFocus))
            throw std::invalid_argument("CURRENT must be a or b, FOCUS an operation or mix");
        const std::uint64_t seed = std::stoull(argv[6]);

        storage::PosixFileOps files;
        Vault vault(directory, files);
        imaging::QImageCodec codec;
        const domain::TemplateCatalog templates = loadBuiltInTemplates();
        say(QStringLiteral("about unlock"));
        vault.unlock(passcodes[current]);
        ConsentCore core(vault, codec, templates);
        Writer writer(vault, core, passcodes, current, focus, seed);
        say(QStringLiteral("ready ") + protocol::passcodeName(current));
        writer.run();
    } catch (const std::exception &error) {
        std::fprintf(stderr, "crash_writer: %s\n", error.what());
        return 1;
    }
}
