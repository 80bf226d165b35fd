#include "platformservices.h"

#include "foldersharesheet.h"
#include "nosecurewindow.h"
#include "secretservicekeystore.h"

namespace cc::platform {

PlatformServices createPlatformServices(const QString &service) {
    return {std::make_unique<SecretServiceKeyStore>(service), std::make_unique<NoSecureWindow>(),
            std::make_unique<FolderShareSheet>()};
}

} // namespace cc::platform
