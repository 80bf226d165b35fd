#pragma once

#include "domain/entities.h"

#include <functional>
#include <optional>
#include <vector>

namespace cc::storage {

class Database;

// Case stories and their versions. A version is written once and never changes (the
// schema refuses updates and deletes). Throws StorageError.
class StoryRepository final {
public:
    explicit StoryRepository(Database &db)
        : m_db(db) {}

    void insertStory(const domain::Story &story);
    void insertVersion(const domain::StoryVersion &version);
    [[nodiscard]] std::optional<domain::Story> findStory(const QString &id);
    [[nodiscard]] std::optional<domain::StoryVersion> findVersion(const QString &id);
    [[nodiscard]] std::optional<domain::StoryVersion> latestVersion(const QString &storyId);
    // The version an item id names: a story version ("stv_…") itself, or a story's
    // ("sto_…") latest version; nullopt for anything else.
    [[nodiscard]] std::optional<domain::StoryVersion> resolve(const QString &itemId);
    // Oldest first.
    [[nodiscard]] std::vector<domain::StoryVersion> versions(const QString &storyId);
    [[nodiscard]] std::vector<domain::Story> listForPatient(const QString &patientId);
    [[nodiscard]] qint64 versionCount();
    // Visits every story version, oldest story first.
    void forEachVersion(const std::function<void(const domain::StoryVersion &)> &visit);

private:
    Database &m_db;
};

} // namespace cc::storage
