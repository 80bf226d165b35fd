#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QTranslator>

#include <memory>

class QQmlEngine;

namespace cc::ui {

// The interface language. The clinician's language is chosen at start (--lang or the
// system's); in patient mode the signer's choice switches every string and the locale
// at once, and restoreClinicianLanguage() switches back when the phone is handed back.
class UiLanguage final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UiLanguage)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)

public:
    // Installs the translations for locale (from the resources under :/i18n).
    explicit UiLanguage(const QLocale &locale, QObject *parent = nullptr);
    ~UiLanguage() override;

    // The engine whose bindings are re-evaluated when the language changes.
    void setEngine(QQmlEngine *engine) { m_engine = engine; }

    // "en", "es", ...
    [[nodiscard]] QString language() const { return m_language; }
    [[nodiscard]] QString clinicianLanguage() const { return m_clinicianLanguage; }
    // Switches strings and locale; a language without translations falls back to the
    // source (English) strings.
    void setLanguage(const QString &language);
    void restoreClinicianLanguage() { setLanguage(m_clinicianLanguage); }

signals:
    void languageChanged();

private:
    void install(const QLocale &locale);

    QQmlEngine *m_engine = nullptr;
    QString m_language;
    QString m_clinicianLanguage;
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace cc::ui
