#include "ui/uilanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QQmlEngine>

namespace cc::ui {

UiLanguage::UiLanguage(const QLocale &locale, QObject *parent)
    : QObject(parent) {
    install(locale);
    m_clinicianLanguage = m_language;
}

UiLanguage::~UiLanguage() {
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
}

void UiLanguage::setLanguage(const QString &language) {
    if (language.isEmpty() || language == m_language)
        return;
    install(QLocale(language));
    if (m_engine)
        m_engine->retranslate();
}

void UiLanguage::install(const QLocale &locale) {
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_appTranslator = std::make_unique<QTranslator>();
    m_qtTranslator = std::make_unique<QTranslator>();
    QLocale::setDefault(locale);
    if (m_appTranslator->load(locale, QStringLiteral("consentcam"), QStringLiteral("_"),
                              QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(m_appTranslator.get());
    if (m_qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qtTranslator.get());
    const QString language = locale.name().section(u'_', 0, 0);
    if (language != m_language) {
        m_language = language;
        emit languageChanged();
    }
}

} // namespace cc::ui
