#include "domain/vocabulary.h"

namespace cc::domain::vocabulary {

const QStringList &platforms() {
    static const QStringList codes{QStringLiteral("instagram"), QStringLiteral("facebook"),
                                   QStringLiteral("x"),         QStringLiteral("tiktok"),
                                   QStringLiteral("linkedin"),  QStringLiteral("youtube"),
                                   QStringLiteral("threads"),   QStringLiteral("bluesky"),
                                   QStringLiteral("mastodon"),  QStringLiteral("website")};
    return codes;
}

const QStringList &audiences() {
    static const QStringList codes{QStringLiteral("public"), QStringLiteral("followers"),
                                   QStringLiteral("professionals")};
    return codes;
}

const QStringList &purposes() {
    static const QStringList codes{
        QStringLiteral("education"), QStringLiteral("professional_education"),
        QStringLiteral("awareness"), QStringLiteral("practice_promotion")};
    return codes;
}

const QStringList &signerRoles() {
    static const QStringList codes{QStringLiteral("patient"), QStringLiteral("parent_guardian"),
                                   QStringLiteral("healthcare_poa"),
                                   QStringLiteral("other_representative")};
    return codes;
}

const QStringList &revocationMethods() {
    static const QStringList codes{QStringLiteral("signed_on_device"),
                                   QStringLiteral("written_letter"), QStringLiteral("other")};
    return codes;
}

bool isPlatform(const QString &code) {
    return platforms().contains(code);
}
bool isAudience(const QString &code) {
    return audiences().contains(code);
}
bool isPurpose(const QString &code) {
    return purposes().contains(code);
}
bool isSignerRole(const QString &code) {
    return signerRoles().contains(code);
}
bool isRevocationMethod(const QString &code) {
    return revocationMethods().contains(code);
}

} // namespace cc::domain::vocabulary
