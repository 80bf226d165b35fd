// The Qt Quick Test runner for the ConsentCam QML module: every tst_*.qml in this
// directory, with the module imported from the resources and the Material style.

#include <QCoreApplication>
#include <QLocale>
#include <QObject>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QTranslator>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(ConsentCamPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        // Preferences (the text size) go to a test location, not the user's own.
        QStandardPaths::setTestModeEnabled(true);
        // English plural forms ("1 minute", "5 minutes") come from a translation.
        QLocale::setDefault(QLocale(QLocale::English));
        if (m_translator.load(QStringLiteral(":/i18n/consentcam_en.qm")))
            QCoreApplication::installTranslator(&m_translator);
    }

    void qmlEngineAvailable(QQmlEngine *engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

private:
    QTranslator m_translator;
};

QUICK_TEST_MAIN_WITH_SETUP(consentcam_qml, Setup)

#include "main.moc"
