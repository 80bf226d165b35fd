#pragma once

#include "crypto/bytes.h"
#include "services/vault.h"

#include <cstdint>
#include <functional>

namespace cc::services {

class ConsentCore;

struct DemoSummary {
    int patients = 0;
    int photos = 0;
    int derivatives = 0;
    int stories = 0;
    int consents = 0;
    int drafts = 0;
    int posts = 0;
    int revocations = 0;
};

// Fills a vault with clearly fictional data for demos, tests and scale runs: patients
// named "… Example (demo)", generated photos, case stories (some edited after signing),
// sealed consents with synthetic signatures and varied scopes (English and Spanish, a
// representative, witnesses, de-identified only with a redacted copy, an event expiry, an
// expired one), drafts, posts, and a revocation that leaves a post awaiting takedown.
// The content is a deterministic function of the seed, the size and the clock; ids and
// keys are random as always.
class DemoGenerator final {
public:
    // The bytes of a generated photo for a seed (the app passes imaging::demoPhoto).
    using PhotoSource = std::function<crypto::Bytes(std::uint64_t seed)>;
    using Progress = std::function<void(int patientsDone, int patients)>;

    DemoGenerator(ConsentCore &core, Vault::Clock clock, PhotoSource photos)
        : m_core(core)
        , m_clock(std::move(clock))
        , m_photos(std::move(photos)) {}

    // Adds `patients` patients and everything around them. Sets a fictional clinician
    // profile when the vault has none. Throws ServiceError.
    DemoSummary generate(int patients, std::uint64_t seed = 2026, const Progress &progress = {});

private:
    ConsentCore &m_core;
    Vault::Clock m_clock;
    PhotoSource m_photos;
};

} // namespace cc::services
