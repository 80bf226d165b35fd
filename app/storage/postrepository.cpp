#include "storage/postrepository.h"

#include "storage/rowutil.h"
#include "storage/storageerror.h"

namespace cc::storage {

namespace {

constexpr const char *SelectDraft = "SELECT id, text, platform, audience, purpose, state, "
                                    "created_at, updated_at FROM drafts ";
constexpr const char *SelectPost =
    "SELECT id, draft_id, platform, audience, purpose, text, posted_at, url, status, "
    "takedown_required_at, removed_at, removal_evidence_photo_id, removal_note FROM posts ";

[[noreturn]] void corrupt(const char *what) {
    throw StorageError(StorageError::Kind::Corrupt, what);
}

domain::Draft draftFromRow(const Statement &row) {
    domain::Draft draft;
    draft.id = row.columnText(0);
    draft.text = row.columnText(1);
    draft.target = {row.columnText(2), row.columnText(3), row.columnText(4)};
    const auto state = domain::draftStateFromString(row.columnText(5));
    if (!state)
        corrupt("draft row has an unknown state");
    draft.state = *state;
    draft.createdAt = rows::time(row, 6);
    draft.updatedAt = rows::time(row, 7);
    return draft;
}

domain::Post postFromRow(const Statement &row) {
    domain::Post post;
    post.id = row.columnText(0);
    post.draftId = row.columnText(1);
    post.target = {row.columnText(2), row.columnText(3), row.columnText(4)};
    post.text = row.columnText(5);
    post.postedAt = rows::time(row, 6);
    post.url = row.columnText(7);
    const auto status = domain::postStatusFromString(row.columnText(8));
    if (!status)
        corrupt("post row has an unknown status");
    post.status = *status;
    post.takedownRequiredAt = rows::time(row, 9);
    post.removedAt = rows::time(row, 10);
    post.removalEvidencePhotoId = row.columnText(11);
    post.removalNote = row.columnText(12);
    return post;
}

void requireChanged(Database &db, const char *what) {
    if (db.changes() == 0)
        throw StorageError(StorageError::Kind::NotFound, what);
}

} // namespace

void PostRepository::insertDraft(const domain::Draft &draft) {
    auto statement = m_db.prepare(
        "INSERT INTO drafts (id, text, platform, audience, purpose, state, created_at, "
        "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    statement.bind(1, draft.id).bind(2, draft.text).bind(3, draft.target.platform);
    statement.bind(4, draft.target.audience).bind(5, draft.target.purpose);
    statement.bind(6, domain::toString(draft.state));
    rows::bindTime(statement, 7, draft.createdAt);
    rows::bindTime(statement, 8, draft.updatedAt);
    statement.run();
    for (const QString &item : draft.itemIds)
        attach(draft.id, item);
}

void PostRepository::updateDraft(const domain::Draft &draft) {
    auto statement = m_db.prepare("UPDATE drafts SET text = ?2, platform = ?3, audience = ?4, "
                                  "purpose = ?5, state = ?6, updated_at = ?7 WHERE id = ?1");
    statement.bind(1, draft.id).bind(2, draft.text).bind(3, draft.target.platform);
    statement.bind(4, draft.target.audience).bind(5, draft.target.purpose);
    statement.bind(6, domain::toString(draft.state));
    rows::bindTime(statement, 7, draft.updatedAt);
    statement.run();
    requireChanged(m_db, "draft: no such draft");
}

void PostRepository::attach(const QString &draftId, const QString &itemId) {
    auto statement = m_db.prepare(
        "INSERT INTO draft_items (draft_id, position, item_id) VALUES (?1, "
        "(SELECT coalesce(max(position), 0) + 1 FROM draft_items WHERE draft_id = ?1), ?2)");
    statement.bind(1, draftId).bind(2, itemId);
    statement.run();
}

bool PostRepository::detach(const QString &draftId, const QString &itemId) {
    auto statement = m_db.prepare("DELETE FROM draft_items WHERE draft_id = ?1 AND item_id = ?2");
    statement.bind(1, draftId).bind(2, itemId);
    statement.run();
    return m_db.changes() > 0;
}

std::optional<domain::Draft> PostRepository::findDraft(const QString &id) {
    auto query = m_db.prepare((std::string(SelectDraft) + "WHERE id = ?1").c_str());
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    domain::Draft draft = draftFromRow(query);
    auto items =
        m_db.prepare("SELECT item_id FROM draft_items WHERE draft_id = ?1 ORDER BY position");
    items.bind(1, id);
    while (items.step())
        draft.itemIds.append(items.columnText(0));
    return draft;
}

std::vector<domain::Draft> PostRepository::drafts(domain::DraftState state) {
    QStringList ids;
    {
        auto query =
            m_db.prepare("SELECT id FROM drafts WHERE state = ?1 ORDER BY updated_at DESC, id");
        query.bind(1, domain::toString(state));
        while (query.step())
            ids.append(query.columnText(0));
    }
    std::vector<domain::Draft> result;
    for (const QString &id : ids) {
        if (auto draft = findDraft(id))
            result.push_back(std::move(*draft));
    }
    return result;
}

QStringList PostRepository::openDraftsWith(const QStringList &itemIds) {
    QStringList drafts;
    auto query = m_db.prepare("SELECT d.id FROM drafts d JOIN draft_items i ON i.draft_id = d.id "
                              "WHERE d.state = 'open' AND i.item_id = ?1 ORDER BY d.id");
    for (const QString &item : itemIds) {
        query.reset();
        query.bind(1, item);
        while (query.step()) {
            const QString id = query.columnText(0);
            if (!drafts.contains(id))
                drafts.append(id);
        }
    }
    return drafts;
}

void PostRepository::insertPost(const domain::Post &post) {
    auto statement = m_db.prepare(
        "INSERT INTO posts (id, draft_id, platform, audience, purpose, text, posted_at, url, "
        "status, takedown_required_at, removed_at, removal_evidence_photo_id, removal_note) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    statement.bind(1, post.id).bind(2, post.draftId).bind(3, post.target.platform);
    statement.bind(4, post.target.audience).bind(5, post.target.purpose).bind(6, post.text);
    rows::bindTime(statement, 7, post.postedAt);
    statement.bind(8, post.url).bind(9, domain::toString(post.status));
    rows::bindTime(statement, 10, post.takedownRequiredAt);
    rows::bindTime(statement, 11, post.removedAt);
    rows::bindText(statement, 12, post.removalEvidencePhotoId);
    statement.bind(13, post.removalNote);
    statement.run();

    auto item = m_db.prepare("INSERT INTO post_items (post_id, position, item_kind, item_id, "
                             "sha256) VALUES (?1, ?2, ?3, ?4, ?5)");
    auto consent = m_db.prepare(
        "INSERT INTO post_consents (post_id, item_id, consent_id) VALUES (?1, ?2, ?3)");
    int position = 0;
    for (const auto &posted : post.items) {
        item.reset();
        item.bind(1, post.id).bind(2, ++position).bind(3, domain::toString(posted.kind));
        item.bind(4, posted.itemId).bind(5, crypto::ByteView(rows::digest(posted.sha256)));
        item.run();
        for (const QString &consentId : posted.consentIds) {
            consent.reset();
            consent.bind(1, post.id).bind(2, posted.itemId).bind(3, consentId);
            consent.run();
        }
    }
}

std::optional<domain::Post> PostRepository::findPost(const QString &id) {
    auto query = m_db.prepare((std::string(SelectPost) + "WHERE id = ?1").c_str());
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    domain::Post post = postFromRow(query);
    auto items = m_db.prepare(
        "SELECT item_kind, item_id, sha256 FROM post_items WHERE post_id = ?1 ORDER BY position");
    auto consents = m_db.prepare("SELECT consent_id FROM post_consents WHERE post_id = ?1 AND "
                                 "item_id = ?2 ORDER BY consent_id");
    items.bind(1, id);
    while (items.step()) {
        domain::PostItem item;
        item.kind =
            domain::itemKindFromString(items.columnText(0)).value_or(domain::ItemKind::Photo);
        item.itemId = items.columnText(1);
        item.sha256 = rows::hex(items.columnBlob(2));
        consents.reset();
        consents.bind(1, id).bind(2, item.itemId);
        while (consents.step())
            item.consentIds.append(consents.columnText(0));
        post.items.push_back(std::move(item));
    }
    return post;
}

std::vector<domain::Post> PostRepository::posts(std::optional<domain::PostStatus> status) {
    QStringList ids;
    {
        auto query = m_db.prepare(
            "SELECT id FROM posts WHERE ?1 IS NULL OR status = ?1 ORDER BY posted_at DESC, id");
        rows::bindText(query, 1, status ? domain::toString(*status) : QString());
        while (query.step())
            ids.append(query.columnText(0));
    }
    std::vector<domain::Post> result;
    for (const QString &id : ids) {
        if (auto post = findPost(id))
            result.push_back(std::move(*post));
    }
    return result;
}

qint64 PostRepository::countPosts(std::optional<domain::PostStatus> status) {
    auto query = m_db.prepare("SELECT count(*) FROM posts WHERE ?1 IS NULL OR status = ?1");
    rows::bindText(query, 1, status ? domain::toString(*status) : QString());
    return query.step() ? query.columnInt64(0) : 0;
}

QHash<QString, domain::PostStatus> PostRepository::statuses() {
    QHash<QString, domain::PostStatus> result;
    auto query = m_db.prepare("SELECT id, status FROM posts");
    while (query.step()) {
        const auto status = domain::postStatusFromString(query.columnText(1));
        if (!status)
            corrupt("post row has an unknown status");
        result.insert(query.columnText(0), *status);
    }
    return result;
}

void PostRepository::setUrl(const QString &postId, const QString &url) {
    auto statement = m_db.prepare("UPDATE posts SET url = ?2 WHERE id = ?1");
    statement.bind(1, postId).bind(2, url);
    statement.run();
    requireChanged(m_db, "post: no such post");
}

void PostRepository::markTakedownRequired(const QString &postId, const QDateTime &at) {
    auto statement =
        m_db.prepare("UPDATE posts SET status = 'takedown_required', "
                     "takedown_required_at = ?2 WHERE id = ?1 AND status = 'published'");
    statement.bind(1, postId);
    rows::bindTime(statement, 2, at);
    statement.run();
    requireChanged(m_db, "post: no such published post");
}

void PostRepository::markRemoved(const QString &postId, const QDateTime &at,
                                 const QString &evidencePhotoId, const QString &note) {
    auto statement = m_db.prepare(
        "UPDATE posts SET status = 'removed', removed_at = ?2, removal_evidence_photo_id = ?3, "
        "removal_note = ?4 WHERE id = ?1 AND status = 'takedown_required'");
    statement.bind(1, postId);
    rows::bindTime(statement, 2, at);
    rows::bindText(statement, 3, evidencePhotoId);
    statement.bind(4, note);
    statement.run();
    requireChanged(m_db, "post: no such post awaiting takedown");
}

QStringList PostRepository::publishedPostsDependingOnlyOnRevoked(const QString &consentId) {
    auto query =
        m_db.prepare("SELECT DISTINCT p.id FROM posts p JOIN post_consents c ON c.post_id = p.id "
                     "WHERE p.status = 'published' AND c.consent_id = ?1 AND NOT EXISTS ("
                     "  SELECT 1 FROM post_consents other WHERE other.post_id = c.post_id "
                     "  AND other.item_id = c.item_id "
                     "  AND other.consent_id NOT IN (SELECT consent_id FROM revocations)) "
                     "ORDER BY p.id");
    query.bind(1, consentId);
    QStringList posts;
    while (query.step())
        posts.append(query.columnText(0));
    return posts;
}

} // namespace cc::storage
