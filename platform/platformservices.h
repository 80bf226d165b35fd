#pragma once

#include "keystore.h"
#include "securewindow.h"
#include "sharesheet.h"

#include <memory>

namespace cc::platform {

// The OS services of the platform the app was built for. CMake picks the
// implementation (platform/linux, later platform/android and platform/ios);
// application code never tests the OS itself.
struct PlatformServices {
    std::unique_ptr<KeyStore> keyStore;
    std::unique_ptr<SecureWindow> secureWindow;
    std::unique_ptr<ShareSheet> shareSheet;
};

// service: the name the key store files secrets under (one per vault directory).
[[nodiscard]] PlatformServices createPlatformServices(const QString &service);

} // namespace cc::platform
