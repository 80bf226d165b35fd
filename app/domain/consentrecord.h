#pragma once

// A media-release consent as sealed (DESIGN §4.2): everything the signer was shown and
// chose, who signed and how, and the SHA-256 of every item it covers. Sealing turns it
// into canonical JSON (RFC 8785), hashes that and signs the hash with the device's
// Ed25519 key; the bytes are kept as they are, so a record can be checked years later
// without trusting anything else the database says.
//
// Canonical JSON, format version 1 (member order here is for reading; the bytes are
// sorted):
// {"type":"consentcam/consent","v":1,"id":"con_…","vault":"<vault id>",
//  "patient":{"id":"pat_…","name":"…"},
//  "form":{"template":"media-release","version":1,"language":"es","textSha256":"…",
//          "sections":["items",…]},
//  "items":[{"kind":"photo"|"story","id":"pho_…"|"stv_…","sha256":"…","description":"…",
//            "regions":[[x,y,w,h],…]}],
//  "discloser":{"clinician":"…","credentials":"…","practice":"…","contact":"…"},
//  "scope":{"platforms":[…],"audiences":[…],"purposes":[…],"identifiable":bool},
//  "expiry":{"kind":"date"|"event","date":"2027-11-28","event":"…"},
//  "utcOffsetMinutes":-300,
//  "compensation":{"paid":bool,"description":"…"},
//  "signer":{"role":"patient"|…,"name":"…","relationship":"…","authority":"…",
//            "authorityDocument":"pho_…"|"","authorityDocumentSha256":"…"|""},
//  "signature":{"strokes":{"pad":[w,h],"strokes":[…]},"printedName":"…",
//               "signedAt":"…","meaning":"…"},
//  "intent":{"agreed":true,"statement":"…","at":"…"},
//  "witness":null|{"name":"…","strokes":{…},"signedAt":"…"},
//  "countersignedAt":"…",
//  "policy":{"allowedPlatforms":[…],"maxDurationDays":730,"witnessRequired":false},
//  "startsAt":"…","sealedAt":"…","deviceKey":"<64 hex>"}
//
// fromJson() checks structure and types only: a record with empty or wrong values still
// parses, and the validator (consentvalidator.h) says what is missing.

#include "domain/ids.h"
#include "domain/practice.h"
#include "domain/redaction.h"
#include "domain/signature.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <stdexcept>
#include <vector>

namespace cc::domain {

struct FormInputs;

class RecordError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class ItemKind { Photo, Story };
[[nodiscard]] QString toString(ItemKind kind); // "photo", "story"
[[nodiscard]] std::optional<ItemKind> itemKindFromString(const QString &text);

// An item a consent covers: a photo (its original bytes) or one version of a case story
// (its UTF-8 text).
struct CoveredItem {
    ItemKind kind = ItemKind::Photo;
    QString id;          // "pho_…" or "stv_…"
    QString sha256;      // lowercase hex
    QString description; // as the signer was shown it ("Photo 1, taken March 5, 2027")
    // Photos: the regions marked identifying when the consent was sealed (on the original,
    // for a redacted copy). A de-identified-only consent needs them, and they stay what
    // the gate checks redactions against even if the marks change later. Empty for stories.
    std::vector<NormRect> regions{};
    friend bool operator==(const CoveredItem &, const CoveredItem &) = default;
};

struct Expiry {
    enum class Kind { Date, Event };
    Kind kind = Kind::Date;
    QDate date;    // the last day the consent is in force; for an event, the latest
    QString event; // Kind::Event only: "the end of my treatment"
    friend bool operator==(const Expiry &, const Expiry &) = default;
};

struct Signer {
    QString role;                      // vocabulary::signerRoles()
    QString name;                      // the signer's name (the patient's, or the representative's)
    QString relationship;              // representative only: "mother", "legal guardian"
    QString authority;                 // representative only: "court order of 2024-03-01"
    QString authorityDocument;         // optional photo of the authority document ("pho_…")
    QString authorityDocumentSha256{}; // its hash, sealed with the record
    // A known role other than the patient's (an unknown role is the validator's "signer").
    [[nodiscard]] bool isRepresentative() const;
    friend bool operator==(const Signer &, const Signer &) = default;
};

struct Witness {
    QString name;
    SignatureStrokes strokes;
    QDateTime signedAt;
    friend bool operator==(const Witness &, const Witness &) = default;
};

struct ConsentRecord {
    static constexpr const char *Type = "consentcam/consent";
    static constexpr int FormatVersion = 1;

    QString id;      // "con_…"
    QString vaultId; // the vault it was sealed in
    QString patientId;
    QString patientName;

    // The form shown.
    QString templateId;
    int templateVersion = 0;
    QString language;
    QString formTextSha256;
    QStringList sections;

    std::vector<CoveredItem> items;

    // Who discloses.
    QString clinicianName;
    QString clinicianCredentials;
    QString practiceName;
    QString practiceContact;

    // Scope.
    QStringList platforms;
    QStringList audiences;
    QStringList purposes;
    bool identifiable = false;
    Expiry expiry;
    // The device's offset from UTC when the signer signed: the expiry date is a day in
    // that zone.
    int utcOffsetMinutes = 0;
    bool paid = false;
    QString compensationDescription;

    Signer signer;
    SignatureStrokes strokes;
    QString printedName;
    QDateTime signedAt;
    QString signatureMeaning;

    bool agreed = false;
    QString agreeStatement;
    QDateTime agreedAt;

    std::optional<Witness> witness;
    QDateTime countersignedAt; // the clinician, with the passcode

    Policy policy;
    QDateTime startsAt;
    QDateTime sealedAt;
    QString deviceKey; // hex Ed25519 public key that signs the record

    // The first instant the consent no longer holds: the start of the day after
    // expiry.date in the signer's zone. Invalid when the date is, or when the offset is
    // one no clock shows (beyond +-14 h).
    [[nodiscard]] QDateTime expiresAt() const;
    // What the form template rendered for the signer (consenttemplate.h).
    [[nodiscard]] FormInputs formInputs() const;

    [[nodiscard]] QJsonObject toJson() const;
    // Throws RecordError naming the first member with a wrong shape or type.
    [[nodiscard]] static ConsentRecord fromJson(const QJsonObject &json);
    // canonicalJson(toJson()). Throws JsonError for text JCS can't carry.
    [[nodiscard]] QByteArray canonical() const;

    friend bool operator==(const ConsentRecord &, const ConsentRecord &) = default;
};

// Reads sealed bytes: strict JSON, the record's shape, and canonical form (the bytes must
// be exactly what canonical() writes for the record they hold). Throws RecordError.
[[nodiscard]] ConsentRecord parseSealedRecord(QByteArrayView bytes);

} // namespace cc::domain
