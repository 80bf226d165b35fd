#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace cc::ui {

// The names the clinician's screens show for the codes of domain/vocabulary.h, in the
// interface language (the consent form has its own wording, in the signer's language,
// from its template). Labels are looked up each time they are asked for, so they follow
// the translator installed at that moment. Brand names are shown as the brand writes
// them; everything else is translated. Stateless.
class VocabularyLabels final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VocabularyLabels)

public:
    // One vocabulary of domain/vocabulary.h each.
    enum class Kind {
        Platform,         // where a post appears
        Audience,         // who may see it
        Purpose,          // why it is shared
        SignerRole,       // who signs the consent
        RevocationMethod, // how a revocation reached the clinician
    };
    Q_ENUM(Kind)

    explicit VocabularyLabels(QObject *parent);
    ~VocabularyLabels() override;

    // The codes of a vocabulary, in its order.
    [[nodiscard]] static const QStringList &codes(Kind kind);
    // The display name of a code; empty when the code is not in that vocabulary.
    [[nodiscard]] static QString labelFor(Kind kind, const QString &code);
    [[nodiscard]] static QString platformLabel(const QString &code);
    [[nodiscard]] static QString audienceLabel(const QString &code);
    [[nodiscard]] static QString purposeLabel(const QString &code);
    [[nodiscard]] static QString signerRoleLabel(const QString &code);
    [[nodiscard]] static QString revocationMethodLabel(const QString &code);
    // Whether the code's label is a brand name, the same in every language.
    [[nodiscard]] static bool isProperName(Kind kind, const QString &code);
    // [{"code": …, "label": …}, …] in the vocabulary's order, for lists and menus.
    [[nodiscard]] static QVariantList choicesFor(Kind kind);

    Q_INVOKABLE [[nodiscard]] QVariantList platforms() const;
    Q_INVOKABLE [[nodiscard]] QVariantList audiences() const;
    Q_INVOKABLE [[nodiscard]] QVariantList purposes() const;
    Q_INVOKABLE [[nodiscard]] QVariantList signerRoles() const;
    Q_INVOKABLE [[nodiscard]] QVariantList revocationMethods() const;
    // labelFor() for QML: `Vocabulary.label(Vocabulary.Platform, "x")`.
    Q_INVOKABLE [[nodiscard]] QString label(cc::ui::VocabularyLabels::Kind kind,
                                            const QString &code) const;
};

} // namespace cc::ui
