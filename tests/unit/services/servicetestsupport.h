#pragma once

// Shared fixture for the service tests: a real vault in a temporary directory (cheap
// scrypt), unlocked, with the real image codec and the shipped templates, and a clock the
// test moves by hand.

#include "crypto/scrypt.h"
#include "domain/consenttemplate.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/vault.h"
#include "storage/fileops.h"

#include <catch2/catch_tostring.hpp>

#include <QCoreApplication>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace cc::services::test {

constexpr crypto::ScryptParams FastKdf{std::uint64_t{1} << 14, 8, 1};
inline const QString Passcode = QStringLiteral("480913");

// Image plugins need an application object; tests call this before using the codec. In a
// test executable built with CONSENTCAM_TEST_GUI_APP it is a QGuiApplication (offscreen),
// for the PDF renderer's fonts.
QCoreApplication &app();

struct TestClock {
    QDateTime now = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    std::chrono::milliseconds ticks{1'000'000};
    void advanceSeconds(qint64 seconds) {
        now = now.addSecs(seconds);
        ticks += std::chrono::seconds(seconds);
    }
    void advanceDays(qint64 days) { advanceSeconds(days * 86400); }
};

class CoreFixture {
public:
    CoreFixture();
    ~CoreFixture();
    CoreFixture(const CoreFixture &) = delete;
    CoreFixture &operator=(const CoreFixture &) = delete;

    [[nodiscard]] ConsentCore &core() { return *m_core; }
    [[nodiscard]] Vault &vault() { return *m_vault; }
    [[nodiscard]] TestClock &clock() { return m_clock; }
    [[nodiscard]] QString directory() const { return m_dir; }
    [[nodiscard]] const domain::TemplateCatalog &templates() const { return m_templates; }
    [[nodiscard]] ImageCodec &codec() { return m_codec; }

    domain::Patient addPatient(const QString &name = QStringLiteral("Ada Example"));
    // A small generated JPEG of the patient, taken an hour ago.
    domain::Photo addPhoto(const QString &patientId, std::uint64_t seed = 1);
    // A request that seals: the patient signs now, for instagram and website, public,
    // education, identifiable, for a year.
    [[nodiscard]] ConsentRequest request(const QString &patientId, const QStringList &itemIds);
    domain::SealedConsent seal(const QString &patientId, const QStringList &itemIds,
                               const std::function<void(ConsentRequest &)> &change = {});

    // Locks and unlocks again (a new core over the same files).
    void reopen();
    // Locks and forgets the vault object (the files stay).
    void close();
    // A new vault object for the same directory, locked.
    [[nodiscard]] std::unique_ptr<Vault> makeVault();

private:
    QTemporaryDir m_tmp;
    QString m_dir;
    storage::PosixFileOps m_files;
    TestClock m_clock;
    imaging::QImageCodec m_codec;
    domain::TemplateCatalog m_templates;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<ConsentCore> m_core;
};

// The codes of a decision's reasons, in order.
[[nodiscard]] QStringList reasonCodes(const domain::GateDecision &decision);

// Runs SQL on the vault's database as an attacker with the key would: the schema's
// guards (triggers, foreign keys) are off for this one transaction, which is committed.
void tamper(Vault &vault, const char *sql);

// A file's bytes (the test fails if it can't be read), and writing them back whole.
[[nodiscard]] QByteArray readAll(const QString &path);
void writeAll(const QString &path, const QByteArray &bytes);

} // namespace cc::services::test

template<>
struct Catch::StringMaker<QString> {
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
template<>
struct Catch::StringMaker<QStringList> {
    static std::string convert(const QStringList &list) {
        return '[' + list.join(QStringLiteral(", ")).toStdString() + ']';
    }
};
