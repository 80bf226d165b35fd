#pragma once

#include "crypto/bytes.h"

#include <QtGlobal>

#include <cstdint>
#include <functional>

namespace cc::storage {
class DeferredSyncFileOps;
}

namespace cc::services {

class ConsentCore;
class Vault;

// How big a synthetic vault to make.
struct ScaleSize {
    qint64 photos = 0;
    qint64 consents = 0; // one patient per consent, at least one patient
    qint64 posts = 0;    // shared posts, spread evenly over the consents
};

struct ScaleSummary {
    qint64 patients = 0;
    qint64 photos = 0;
    qint64 consents = 0;
    qint64 posts = 0;
    qint64 batches = 0; // transactions committed
};

// Fills a vault with clearly fictional data at scale, for benchmarks and load tests:
// patients named "Scale Example <n> (demo)", each with an equal share of the photos, one
// sealed consent covering them (the first 500, the most a consent covers), and posts
// shared through the gate, each showing one of the patient's photos. Everything goes
// through the same services as in the app (probe, thumbnail, encryption, records,
// signatures, audit entries), in batches: each batch of patients is one database
// transaction, and when files is given, its deferred syncs are flushed (one syncfs)
// before that transaction commits, so a batch is durable when it is acknowledged and a
// crash loses at most the batch in progress.
class ScaleSeeder final {
public:
    // The bytes of the nth photo; every photo must differ (the app passes small JPEGs).
    using PhotoSource = std::function<crypto::Bytes(qint64 n)>;
    // Photos stored so far, of the total.
    using Progress = std::function<void(qint64 photosDone, qint64 photos)>;

    ScaleSeeder(ConsentCore &core, Vault &vault, PhotoSource photos,
                storage::DeferredSyncFileOps *files = nullptr)
        : m_core(core)
        , m_vault(vault)
        , m_photos(std::move(photos))
        , m_files(files) {}

    // Throws ServiceError (Invalid for a size that can't be laid out — negative counts, or
    // fewer photos than patients — and for a vault that holds patients already).
    ScaleSummary generate(const ScaleSize &size, const Progress &progress = {});

private:
    ConsentCore &m_core;
    Vault &m_vault;
    PhotoSource m_photos;
    storage::DeferredSyncFileOps *m_files;
};

} // namespace cc::services
