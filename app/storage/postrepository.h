#pragma once

#include "domain/entities.h"

#include <QHash>

#include <optional>
#include <vector>

namespace cc::storage {

class Database;

// Drafts (with their attached items) and the post ledger: what was shared, where, when,
// under which consents, and its takedown state. Throws StorageError.
class PostRepository final {
public:
    explicit PostRepository(Database &db)
        : m_db(db) {}

    void insertDraft(const domain::Draft &draft);
    // Text, target, state and updatedAt; the items are changed with attach/detach.
    void updateDraft(const domain::Draft &draft);
    void attach(const QString &draftId, const QString &itemId);
    // Returns false when the item was not attached.
    bool detach(const QString &draftId, const QString &itemId);
    [[nodiscard]] std::optional<domain::Draft> findDraft(const QString &id);
    // Most recently updated first.
    [[nodiscard]] std::vector<domain::Draft> drafts(domain::DraftState state);
    // Open drafts that have any of itemIds attached.
    [[nodiscard]] QStringList openDraftsWith(const QStringList &itemIds);

    // The post with its items and, per item, the consents that allowed it.
    void insertPost(const domain::Post &post);
    [[nodiscard]] std::optional<domain::Post> findPost(const QString &id);
    // Newest first.
    [[nodiscard]] std::vector<domain::Post> posts(std::optional<domain::PostStatus> status = {});
    [[nodiscard]] qint64 countPosts(std::optional<domain::PostStatus> status = {});
    // Every post's status, by post id, for checks against the audit log.
    [[nodiscard]] QHash<QString, domain::PostStatus> statuses();
    void setUrl(const QString &postId, const QString &url);
    void markTakedownRequired(const QString &postId, const QDateTime &at);
    void markRemoved(const QString &postId, const QDateTime &at, const QString &evidencePhotoId,
                     const QString &note);
    // Published posts with an item that consentId allowed and that no unrevoked consent
    // allowed: what a revocation of consentId takes away.
    [[nodiscard]] QStringList publishedPostsDependingOnlyOnRevoked(const QString &consentId);

private:
    Database &m_db;
};

} // namespace cc::storage
