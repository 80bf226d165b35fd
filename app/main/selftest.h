#pragma once

class QQmlEngine;

namespace cc::app {

// Loads every .qml file of the ConsentCam module from the resources and creates each
// component (singletons through an import). Prints every error and warning; returns 0
// when all load cleanly, 1 otherwise.
[[nodiscard]] int runSelfTest(QQmlEngine &engine);

} // namespace cc::app
