#include "selftest.h"

#include <QDirIterator>
#include <QFile>
#include <QMetaProperty>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlError>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace cc::app {

namespace {

constexpr auto moduleRoot = ":/qt/qml/ConsentCam";

// File names (relative to the module) that qmldir declares as singletons.
QSet<QString> singletonFiles(QTextStream &out) {
    QSet<QString> files;
    QFile qmldir(QStringLiteral("%1/qmldir").arg(QLatin1String(moduleRoot)));
    if (!qmldir.open(QIODevice::ReadOnly | QIODevice::Text)) {
        out << "self-test: cannot read the module's qmldir\n";
        return files;
    }
    const QStringList lines = QString::fromUtf8(qmldir.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QStringList words = line.simplified().split(QLatin1Char(' '));
        if (words.size() == 4 && words.at(0) == QLatin1String("singleton"))
            files.insert(words.at(3));
    }
    return files;
}

// Required properties are filled with their type's default value: the point is to
// create the component, not to exercise it.
QVariantMap defaultsForDeclaredProperties(const QObject *object) {
    QVariantMap values;
    const QMetaObject *meta = object->metaObject();
    for (int i = meta->propertyOffset(); i < meta->propertyCount(); ++i) {
        const QMetaProperty property = meta->property(i);
        const QMetaType type = property.metaType();
        if (!property.isWritable() || (type.flags() & QMetaType::PointerToQObject))
            continue;
        values.insert(QString::fromLatin1(property.name()), QVariant(type));
    }
    return values;
}

bool report(QTextStream &out, const QString &file, const QList<QQmlError> &errors) {
    for (const QQmlError &error : errors)
        out << "self-test: " << file << ": " << error.toString() << '\n';
    return errors.isEmpty();
}

} // namespace

int runSelfTest(QQmlEngine &engine) {
    QTextStream out(stderr);
    QList<QQmlError> warnings;
    QObject::connect(&engine, &QQmlEngine::warnings, &engine,
                     [&warnings](const QList<QQmlError> &w) { warnings.append(w); });

    const QSet<QString> singletons = singletonFiles(out);
    const QString root = QLatin1String(moduleRoot);
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next().mid(root.size() + 1));
    files.sort();

    int failures = 0;
    if (files.isEmpty()) {
        out << "self-test: no QML files found under " << root << '\n';
        ++failures;
    }
    for (const QString &file : std::as_const(files)) {
        warnings.clear();
        bool ok = true;
        if (singletons.contains(file)) {
            const QString name = file.section(QLatin1Char('/'), -1).chopped(4);
            QQmlComponent probe(&engine);
            probe.setData(QStringLiteral("import QtQml\nimport ConsentCam\n"
                                         "QtObject { readonly property QtObject probe: %1 }\n")
                              .arg(name)
                              .toUtf8(),
                          QUrl(QStringLiteral("qrc:/selftest/%1Probe.qml").arg(name)));
            std::unique_ptr<QObject> object(probe.create());
            ok = report(out, file, probe.errors()) && object &&
                 object->property("probe").value<QObject *>() != nullptr;
        } else {
            QQmlComponent component(&engine, QUrl(QStringLiteral("qrc%1/%2").arg(root, file)));
            ok = report(out, file, component.errors());
            if (ok) {
                std::unique_ptr<QObject> object(component.beginCreate(engine.rootContext()));
                if (object) {
                    component.setInitialProperties(object.get(),
                                                   defaultsForDeclaredProperties(object.get()));
                    component.completeCreate();
                }
                ok = report(out, file, component.errors()) && object;
            }
        }
        ok = report(out, file, warnings) && ok;
        out << (ok ? "PASS " : "FAIL ") << file << '\n';
        out.flush();
        if (!ok)
            ++failures;
    }
    out << "self-test: " << files.size() << " files, " << failures << " failed\n";
    return failures == 0 ? 0 : 1;
}

} // namespace cc::app
