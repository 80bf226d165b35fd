#include "storage/storyrepository.h"

#include "domain/ids.h"
#include "storage/rowutil.h"

namespace cc::storage {

namespace {

constexpr const char *SelectVersion =
    "SELECT id, story_id, version, text, sha256, created_at FROM story_versions ";

domain::StoryVersion versionFromRow(const Statement &row) {
    domain::StoryVersion version;
    version.id = row.columnText(0);
    version.storyId = row.columnText(1);
    version.version = int(row.columnInt64(2));
    version.text = row.columnText(3);
    version.sha256 = rows::hex(row.columnBlob(4));
    version.createdAt = rows::time(row, 5);
    return version;
}

domain::Story storyFromRow(const Statement &row) {
    return {row.columnText(0), row.columnText(1), row.columnText(2), rows::time(row, 3)};
}

} // namespace

void StoryRepository::insertStory(const domain::Story &story) {
    auto statement = m_db.prepare(
        "INSERT INTO stories (id, patient_id, title, created_at) VALUES (?1, ?2, ?3, ?4)");
    statement.bind(1, story.id).bind(2, story.patientId).bind(3, story.title);
    rows::bindTime(statement, 4, story.createdAt);
    statement.run();
}

void StoryRepository::insertVersion(const domain::StoryVersion &version) {
    auto statement = m_db.prepare("INSERT INTO story_versions (id, story_id, version, text, "
                                  "sha256, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    statement.bind(1, version.id).bind(2, version.storyId).bind(3, version.version);
    statement.bind(4, version.text).bind(5, crypto::ByteView(rows::digest(version.sha256)));
    rows::bindTime(statement, 6, version.createdAt);
    statement.run();
}

std::optional<domain::Story> StoryRepository::findStory(const QString &id) {
    auto query =
        m_db.prepare("SELECT id, patient_id, title, created_at FROM stories WHERE id = ?1");
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return storyFromRow(query);
}

std::optional<domain::StoryVersion> StoryRepository::findVersion(const QString &id) {
    auto query = m_db.prepare((std::string(SelectVersion) + "WHERE id = ?1").c_str());
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return versionFromRow(query);
}

std::optional<domain::StoryVersion> StoryRepository::latestVersion(const QString &storyId) {
    auto query = m_db.prepare(
        (std::string(SelectVersion) + "WHERE story_id = ?1 ORDER BY version DESC LIMIT 1").c_str());
    query.bind(1, storyId);
    if (!query.step())
        return std::nullopt;
    return versionFromRow(query);
}

std::optional<domain::StoryVersion> StoryRepository::resolve(const QString &itemId) {
    const auto kind = domain::ids::kindOf(itemId);
    if (kind == domain::ids::Kind::Story)
        return latestVersion(itemId);
    if (kind == domain::ids::Kind::StoryVersion)
        return findVersion(itemId);
    return std::nullopt;
}

std::vector<domain::StoryVersion> StoryRepository::versions(const QString &storyId) {
    auto query =
        m_db.prepare((std::string(SelectVersion) + "WHERE story_id = ?1 ORDER BY version").c_str());
    query.bind(1, storyId);
    std::vector<domain::StoryVersion> result;
    while (query.step())
        result.push_back(versionFromRow(query));
    return result;
}

std::vector<domain::Story> StoryRepository::listForPatient(const QString &patientId) {
    auto query = m_db.prepare("SELECT id, patient_id, title, created_at FROM stories "
                              "WHERE patient_id = ?1 ORDER BY created_at DESC, id");
    query.bind(1, patientId);
    std::vector<domain::Story> stories;
    while (query.step())
        stories.push_back(storyFromRow(query));
    return stories;
}

void StoryRepository::forEachVersion(
    const std::function<void(const domain::StoryVersion &)> &visit) {
    auto query = m_db.prepare((std::string(SelectVersion) + "ORDER BY story_id, version").c_str());
    while (query.step())
        visit(versionFromRow(query));
}

qint64 StoryRepository::versionCount() {
    auto query = m_db.prepare("SELECT count(*) FROM story_versions");
    return query.step() ? query.columnInt64(0) : 0;
}

} // namespace cc::storage
