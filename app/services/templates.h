#pragma once

#include "domain/consenttemplate.h"

namespace cc::services {

// Every consent template this app version carries (assets/consent-templates, built into
// the binary). Throws domain::TemplateError if a built-in template does not parse, which
// the tests rule out.
[[nodiscard]] domain::TemplateCatalog loadBuiltInTemplates();

} // namespace cc::services
