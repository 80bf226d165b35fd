#include "platformservices.h"

#include "nosecurewindow.h"
#include "secretservicekeystore.h"

namespace cc::platform {

PlatformServices createPlatformServices(const QString &service) {
    return {std::make_unique<SecretServiceKeyStore>(service), std::make_unique<NoSecureWindow>()};
}

} // namespace cc::platform
