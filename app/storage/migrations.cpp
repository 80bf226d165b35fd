#include "storage/migrations.h"

#include "storage/database.h"
#include "storage/storageerror.h"

#include <array>
#include <string>

namespace cc::storage {

namespace {

struct Migration {
    int version;
    const char *sql;
};

// Append only: a released migration is never edited, a change is a new migration.
constexpr std::array Migrations{
    Migration{1, R"sql(
CREATE TABLE vault_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE media (
    id          TEXT PRIMARY KEY CHECK (length(id) = 32),
    wrapped_key BLOB NOT NULL,
    size        INTEGER NOT NULL CHECK (size >= 0),
    created_at  TEXT NOT NULL
) STRICT;
)sql"},
    // The consent core (DESIGN §2, §4): patients, photos, stories, sealed consents,
    // revocations, drafts, posts and the audit chain. Times are milliseconds since the
    // epoch (UTC); hashes are raw 32-byte SHA-256; records and audit entries are the
    // canonical JSON bytes exactly as hashed and signed. What is sealed or logged is
    // never updated or deleted: triggers refuse it.
    Migration{2, R"sql(
CREATE TABLE device_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    seed       BLOB NOT NULL CHECK (length(seed) = 32),
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    created_at INTEGER NOT NULL
) STRICT;

CREATE TRIGGER device_key_never_changes BEFORE UPDATE ON device_key
BEGIN SELECT RAISE(ABORT, 'the device key never changes'); END;
CREATE TRIGGER device_key_is_kept BEFORE DELETE ON device_key
BEGIN SELECT RAISE(ABORT, 'the device key never changes'); END;

CREATE TABLE patients (
    id           TEXT PRIMARY KEY CHECK (length(id) = 36 AND substr(id, 1, 4) = 'pat_'),
    display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    mrn          TEXT NOT NULL DEFAULT '',
    birth_date   TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX patients_name ON patients (display_name COLLATE NOCASE);

CREATE TABLE photos (
    id                  TEXT PRIMARY KEY CHECK (length(id) = 36 AND substr(id, 1, 4) = 'pho_'),
    patient_id          TEXT NOT NULL REFERENCES patients (id),
    role                TEXT NOT NULL CHECK (role IN ('clinical', 'authority_document',
                                                      'revocation_evidence', 'takedown_evidence')),
    media_id            TEXT NOT NULL UNIQUE REFERENCES media (id),
    thumb_media_id      TEXT NOT NULL UNIQUE REFERENCES media (id),
    sha256              BLOB NOT NULL CHECK (length(sha256) = 32),
    size                INTEGER NOT NULL CHECK (size > 0),
    width               INTEGER NOT NULL CHECK (width > 0),
    height              INTEGER NOT NULL CHECK (height > 0),
    format              TEXT NOT NULL,
    captured_at         INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    original_id         TEXT REFERENCES photos (id),
    redactions          TEXT,
    identifying_regions TEXT NOT NULL DEFAULT '[]',
    CHECK ((original_id IS NULL) = (redactions IS NULL))
) STRICT;
CREATE INDEX photos_patient ON photos (patient_id, captured_at);
CREATE INDEX photos_sha256 ON photos (sha256);
CREATE INDEX photos_original ON photos (original_id) WHERE original_id IS NOT NULL;
-- A photo's bytes, owner and redactions never change (consents seal its hash); only the
-- regions marked identifying may be marked again.
CREATE TRIGGER photos_never_change BEFORE UPDATE OF id, patient_id, role, media_id,
    thumb_media_id, sha256, size, width, height, format, captured_at, created_at, original_id,
    redactions ON photos
BEGIN SELECT RAISE(ABORT, 'a photo never changes'); END;
CREATE TRIGGER photos_are_kept BEFORE DELETE ON photos
BEGIN SELECT RAISE(ABORT, 'a photo is kept'); END;

CREATE TABLE stories (
    id         TEXT PRIMARY KEY CHECK (length(id) = 36 AND substr(id, 1, 4) = 'sto_'),
    patient_id TEXT NOT NULL REFERENCES patients (id),
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX stories_patient ON stories (patient_id);

CREATE TABLE story_versions (
    id         TEXT PRIMARY KEY CHECK (length(id) = 36 AND substr(id, 1, 4) = 'stv_'),
    story_id   TEXT NOT NULL REFERENCES stories (id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    text       TEXT NOT NULL,
    sha256     BLOB NOT NULL CHECK (length(sha256) = 32),
    created_at INTEGER NOT NULL,
    UNIQUE (story_id, version)
) STRICT;
CREATE INDEX story_versions_sha256 ON story_versions (sha256);
CREATE TRIGGER story_versions_never_change BEFORE UPDATE ON story_versions
BEGIN SELECT RAISE(ABORT, 'a story version never changes'); END;
CREATE TRIGGER story_versions_are_kept BEFORE DELETE ON story_versions
BEGIN SELECT RAISE(ABORT, 'a story version is never deleted'); END;

CREATE TABLE consents (
    id            TEXT PRIMARY KEY CHECK (length(id) = 36 AND substr(id, 1, 4) = 'con_'),
    patient_id    TEXT NOT NULL REFERENCES patients (id),
    record        BLOB NOT NULL,
    record_sha256 BLOB NOT NULL CHECK (length(record_sha256) = 32),
    signature     BLOB NOT NULL CHECK (length(signature) = 64),
    sealed_at     INTEGER NOT NULL,
    starts_at     INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX consents_patient ON consents (patient_id, sealed_at);
CREATE INDEX consents_expires ON consents (expires_at);
CREATE TRIGGER consents_never_change BEFORE UPDATE ON consents
BEGIN SELECT RAISE(ABORT, 'a sealed consent never changes'); END;
CREATE TRIGGER consents_are_kept BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'a sealed consent is never deleted'); END;

CREATE TABLE consent_items (
    consent_id TEXT NOT NULL REFERENCES consents (id),
    item_kind  TEXT NOT NULL CHECK (item_kind IN ('photo', 'story')),
    item_id    TEXT NOT NULL,
    sha256     BLOB NOT NULL CHECK (length(sha256) = 32),
    PRIMARY KEY (consent_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX consent_items_sha256 ON consent_items (sha256);
CREATE TRIGGER consent_items_never_change BEFORE UPDATE ON consent_items
BEGIN SELECT RAISE(ABORT, 'a sealed consent never changes'); END;
CREATE TRIGGER consent_items_are_kept BEFORE DELETE ON consent_items
BEGIN SELECT RAISE(ABORT, 'a sealed consent is never deleted'); END;

CREATE TABLE consent_expiry_events (
    consent_id  TEXT PRIMARY KEY REFERENCES consents (id),
    occurred_at INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    note        TEXT NOT NULL
) STRICT;
CREATE TRIGGER consent_expiry_events_are_final BEFORE UPDATE ON consent_expiry_events
BEGIN SELECT RAISE(ABORT, 'an expiry event is final'); END;
CREATE TRIGGER consent_expiry_events_are_kept BEFORE DELETE ON consent_expiry_events
BEGIN SELECT RAISE(ABORT, 'an expiry event is final'); END;

CREATE TABLE revocations (
    id                TEXT PRIMARY KEY CHECK (length(id) = 36 AND substr(id, 1, 4) = 'rev_'),
    consent_id        TEXT NOT NULL UNIQUE REFERENCES consents (id),
    received_at       INTEGER NOT NULL,
    recorded_at       INTEGER NOT NULL,
    method            TEXT NOT NULL CHECK (method IN ('signed_on_device', 'written_letter', 'other')),
    note              TEXT NOT NULL,
    evidence_photo_id TEXT REFERENCES photos (id),
    strokes           TEXT
) STRICT;
CREATE TRIGGER revocations_are_final BEFORE UPDATE ON revocations
BEGIN SELECT RAISE(ABORT, 'a revocation is final'); END;
CREATE TRIGGER revocations_are_kept BEFORE DELETE ON revocations
BEGIN SELECT RAISE(ABORT, 'a revocation is final'); END;

CREATE TABLE drafts (
    id         TEXT PRIMARY KEY CHECK (length(id) = 36 AND substr(id, 1, 4) = 'dra_'),
    text       TEXT NOT NULL,
    platform   TEXT NOT NULL,
    audience   TEXT NOT NULL,
    purpose    TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('open', 'shared', 'discarded')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX drafts_state ON drafts (state, updated_at);

CREATE TABLE draft_items (
    draft_id TEXT NOT NULL REFERENCES drafts (id),
    position INTEGER NOT NULL,
    item_id  TEXT NOT NULL,
    PRIMARY KEY (draft_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX draft_items_item ON draft_items (item_id);

CREATE TABLE posts (
    id                        TEXT PRIMARY KEY CHECK (length(id) = 36 AND substr(id, 1, 4) = 'pos_'),
    draft_id                  TEXT NOT NULL REFERENCES drafts (id),
    platform                  TEXT NOT NULL,
    audience                  TEXT NOT NULL,
    purpose                   TEXT NOT NULL,
    text                      TEXT NOT NULL,
    posted_at                 INTEGER NOT NULL,
    url                       TEXT NOT NULL DEFAULT '',
    status                    TEXT NOT NULL CHECK (status IN ('published', 'takedown_required',
                                                              'removed')),
    takedown_required_at      INTEGER,
    removed_at                INTEGER,
    removal_evidence_photo_id TEXT REFERENCES photos (id),
    removal_note              TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX posts_status ON posts (status, posted_at);
-- What was posted, where and when never changes; a post only moves from published to
-- takedown required to removed, and is never deleted.
CREATE TRIGGER posts_never_change BEFORE UPDATE OF id, draft_id, platform, audience, purpose,
    text, posted_at ON posts
BEGIN SELECT RAISE(ABORT, 'what was posted never changes'); END;
CREATE TRIGGER posts_move_forward BEFORE UPDATE OF status ON posts
WHEN NOT (NEW.status = OLD.status
          OR (OLD.status = 'published' AND NEW.status = 'takedown_required')
          OR (OLD.status = 'takedown_required' AND NEW.status = 'removed'))
BEGIN SELECT RAISE(ABORT, 'a post''s takedown state only moves forward'); END;
CREATE TRIGGER posts_are_kept BEFORE DELETE ON posts
BEGIN SELECT RAISE(ABORT, 'what was posted never changes'); END;

CREATE TABLE post_items (
    post_id   TEXT NOT NULL REFERENCES posts (id),
    position  INTEGER NOT NULL,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('photo', 'story')),
    item_id   TEXT NOT NULL,
    sha256    BLOB NOT NULL CHECK (length(sha256) = 32),
    PRIMARY KEY (post_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX post_items_item ON post_items (item_id);
CREATE TRIGGER post_items_never_change BEFORE UPDATE ON post_items
BEGIN SELECT RAISE(ABORT, 'what was posted never changes'); END;
CREATE TRIGGER post_items_are_kept BEFORE DELETE ON post_items
BEGIN SELECT RAISE(ABORT, 'what was posted never changes'); END;

CREATE TABLE post_consents (
    post_id    TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    consent_id TEXT NOT NULL REFERENCES consents (id),
    PRIMARY KEY (post_id, item_id, consent_id),
    FOREIGN KEY (post_id, item_id) REFERENCES post_items (post_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX post_consents_consent ON post_consents (consent_id);
CREATE TRIGGER post_consents_never_change BEFORE UPDATE ON post_consents
BEGIN SELECT RAISE(ABORT, 'what was posted never changes'); END;
CREATE TRIGGER post_consents_are_kept BEFORE DELETE ON post_consents
BEGIN SELECT RAISE(ABORT, 'what was posted never changes'); END;

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY CHECK (seq >= 1),
    entry      BLOB NOT NULL,
    hash       BLOB NOT NULL CHECK (length(hash) = 32),
    kind       TEXT NOT NULL,
    at         INTEGER NOT NULL,
    patient_id TEXT,
    consent_id TEXT,
    post_id    TEXT
) STRICT;
CREATE INDEX audit_log_patient ON audit_log (patient_id) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_log_consent ON audit_log (consent_id) WHERE consent_id IS NOT NULL;
CREATE INDEX audit_log_post ON audit_log (post_id) WHERE post_id IS NOT NULL;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_kept BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE audit_checkpoints (
    seq       INTEGER PRIMARY KEY REFERENCES audit_log (seq),
    head      BLOB NOT NULL CHECK (length(head) = 32),
    signature BLOB NOT NULL CHECK (length(signature) = 64),
    at        INTEGER NOT NULL
) STRICT;
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_checkpoints_kept BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql"},
    // The signer's copy of each sealed consent (DESIGN §2.3.8, §3): the PDF rendered from
    // the sealed record, encrypted in the media store like a photo. One per consent; like
    // the record it copies, it never changes and is never deleted.
    Migration{3, R"sql(
CREATE TABLE consent_copies (
    consent_id TEXT PRIMARY KEY REFERENCES consents (id),
    media_id   TEXT NOT NULL UNIQUE REFERENCES media (id),
    sha256     BLOB NOT NULL CHECK (length(sha256) = 32),
    size       INTEGER NOT NULL CHECK (size > 0),
    created_at INTEGER NOT NULL
) STRICT;
CREATE TRIGGER consent_copies_never_change BEFORE UPDATE ON consent_copies
BEGIN SELECT RAISE(ABORT, 'a consent''s copy never changes'); END;
CREATE TRIGGER consent_copies_are_kept BEFORE DELETE ON consent_copies
BEGIN SELECT RAISE(ABORT, 'a consent''s copy is kept'); END;
)sql"},
    // Small blobs kept in their own row instead of a file (thumbnails): sealed holds the
    // encrypted bytes exactly as the file would, so they commit with the row and need no
    // file syncs of their own. NULL for a blob that lives in media/.
    Migration{4, R"sql(
ALTER TABLE media ADD COLUMN sealed BLOB;
)sql"},
};

} // namespace

int latestSchemaVersion() {
    return Migrations.back().version;
}

void migrate(Database &db) {
    const int current = db.userVersion();
    if (current > latestSchemaVersion()) {
        throw StorageError(StorageError::Kind::Misconfigured,
                           "database schema version " + std::to_string(current) +
                               " is newer than this app knows (" +
                               std::to_string(latestSchemaVersion()) + ")");
    }
    for (const auto &migration : Migrations) {
        if (migration.version <= current)
            continue;
        auto transaction = db.transaction();
        // Re-read inside the write lock: another connection may have migrated meanwhile.
        if (db.userVersion() >= migration.version)
            continue;
        db.exec(migration.sql);
        const std::string setVersion = "PRAGMA user_version = " + std::to_string(migration.version);
        db.exec(setVersion.c_str());
        transaction.commit();
    }
}

} // namespace cc::storage
