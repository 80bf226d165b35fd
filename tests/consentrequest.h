#pragma once

// A consent request that seals, as the exam-room flow makes it: the patient (signerName)
// signs two minutes before now, for instagram and website, public, education,
// identifiable, for a year, and the clinician countersigns a minute before now. Tests
// change what they need on the copy they get.

#include "domain/signature.h"
#include "services/consentservice.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace cc::test {

[[nodiscard]] inline services::ConsentRequest
patientSignedRequest(const QString &patientId, const QStringList &itemIds,
                     const QString &signerName, const QDateTime &now,
                     std::uint64_t signatureSeed = 11) {
    services::ConsentRequest request;
    request.patientId = patientId;
    request.itemIds = itemIds;
    request.language = QStringLiteral("en");
    request.platforms = {QStringLiteral("instagram"), QStringLiteral("website")};
    request.audiences = {QStringLiteral("public")};
    request.purposes = {QStringLiteral("education")};
    request.identifiable = true;
    request.expiry = {domain::Expiry::Kind::Date, now.date().addDays(365), {}};
    request.signer = {QStringLiteral("patient"), signerName, {}, {}, {}};
    request.strokes = domain::syntheticSignature(signatureSeed);
    request.printedName = signerName;
    request.signedAt = now.addSecs(-120);
    request.agreed = true;
    request.agreedAt = now.addSecs(-150);
    request.countersignedAt = now.addSecs(-60);
    return request;
}

} // namespace cc::test
