#include "services/templates.h"

#include <QDir>
#include <QFile>

// Resources of a static library are registered by hand, outside any namespace.
static void registerTemplateResources() {
    Q_INIT_RESOURCE(consent_templates);
}

namespace cc::services {

domain::TemplateCatalog loadBuiltInTemplates() {
    registerTemplateResources();
    domain::TemplateCatalog catalog;
    const QDir dir(QStringLiteral(":/consentcam/templates"));
    const auto names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            throw domain::TemplateError("can't read the built-in template " + name.toStdString());
        catalog.add(domain::ConsentTemplate::parse(file.readAll()));
    }
    if (catalog.all().empty())
        throw domain::TemplateError("no built-in consent templates");
    return catalog;
}

} // namespace cc::services
