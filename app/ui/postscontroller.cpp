#include "ui/postscontroller.h"

#include "crypto/bytes.h"
#include "domain/ids.h"
#include "services/consentcore.h"
#include "services/exportservice.h"
#include "services/serviceerror.h"
#include "ui/corehost.h"
#include "ui/sharewording.h"
#include "ui/vocabularylabels.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLocale>

namespace cc::ui {

using Outcome = platform::ShareSheet::Outcome;

namespace {

const QStringList draftRoles{QStringLiteral("draftId"),      QStringLiteral("preview"),
                             QStringLiteral("targetText"),   QStringLiteral("itemCount"),
                             QStringLiteral("blockedCount"), QStringLiteral("updatedAt")};
const QStringList postRoles{
    QStringLiteral("postId"),   QStringLiteral("preview"),    QStringLiteral("targetText"),
    QStringLiteral("platform"), QStringLiteral("postedAt"),   QStringLiteral("url"),
    QStringLiteral("status"),   QStringLiteral("statusText"), QStringLiteral("itemCount")};
const QStringList itemRoles{QStringLiteral("itemId"),     QStringLiteral("kind"),
                            QStringLiteral("label"),      QStringLiteral("patientName"),
                            QStringLiteral("source"),     QStringLiteral("allowed"),
                            QStringLiteral("reasonText"), QStringLiteral("attached")};
const QStringList checkRoles{QStringLiteral("kind"),         QStringLiteral("severity"),
                             QStringLiteral("severityText"), QStringLiteral("message"),
                             QStringLiteral("suggestion"),   QStringLiteral("start"),
                             QStringLiteral("length"),       QStringLiteral("itemId")};

constexpr int PickerPatients = 100;

QString preview(const QString &text) {
    QString line = text.simplified();
    if (line.size() > 90)
        line = line.left(89) + QChar(0x2026);
    return line;
}

QString shortDateTime(const QDateTime &time) {
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

QString targetLabel(const domain::GateTarget &target) {
    QStringList parts;
    if (!target.platform.isEmpty())
        parts.append(VocabularyLabels::platformLabel(target.platform));
    if (!target.audience.isEmpty())
        parts.append(VocabularyLabels::audienceLabel(target.audience));
    if (!target.purpose.isEmpty())
        parts.append(VocabularyLabels::purposeLabel(target.purpose));
    return parts.join(QStringLiteral(" · "));
}

bool complete(const domain::GateTarget &target) {
    return !target.platform.isEmpty() && !target.audience.isEmpty() && !target.purpose.isEmpty();
}

} // namespace

PostsController::PostsController(CoreHost &host, platform::ShareSheet &shareSheet, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_shareSheet(shareSheet)
    , m_drafts(draftRoles)
    , m_posts(postRoles)
    , m_items(itemRoles)
    , m_picker(itemRoles)
    , m_checks(checkRoles) {
    connect(&m_shareSheet, &platform::ShareSheet::finished, this,
            &PostsController::onShareFinished);
    connect(&m_host, &CoreHost::opened, this, &PostsController::refresh);
    connect(&m_host, &CoreHost::closing, this, &PostsController::clearAll);
    if (m_host.isOpen())
        refresh();
}

PostsController::~PostsController() {
    wipePending();
}

bool PostsController::targetComplete() const {
    return complete(m_target);
}

QString PostsController::targetText() const {
    return targetLabel(m_target);
}

bool PostsController::needsFolder() const {
    return m_shareSheet.needsFolder();
}

void PostsController::setFolder(const QUrl &folder) {
    if (folder == m_folderUrl)
        return;
    m_folderUrl = folder;
    emit folderChanged();
}

QString PostsController::folderPath() const {
    return m_folderUrl.isLocalFile() ? QDir::toNativeSeparators(m_folderUrl.toLocalFile())
                                     : QString();
}

void PostsController::setPickerSearch(const QString &search) {
    if (search == m_pickerSearch)
        return;
    m_pickerSearch = search;
    emit pickerSearchChanged();
    reloadPicker();
}

QString PostsController::messageFor(const std::exception &error) {
    if (const auto *refused = dynamic_cast<const services::ShareRefused *>(&error)) {
        if (!refused->blocked().empty())
            return ShareWording::decision(refused->blocked().front().decision);
    }
    if (dynamic_cast<const services::ChecksRefused *>(&error))
        return tr("Fix the checks marked \"Blocks sharing\" first.");
    if (const auto *service = dynamic_cast<const services::ServiceError *>(&error)) {
        using Kind = services::ServiceError::Kind;
        switch (service->kind()) {
        case Kind::NotFound:
            return tr("That draft or item is no longer in the vault.");
        case Kind::Invalid:
            return tr("The draft is not complete: choose the platform, audience and purpose "
                      "and attach at least one item.");
        case Kind::Conflict:
            return tr("This draft has already been shared or discarded.");
        case Kind::Image:
            return tr("A photo could not be read.");
        case Kind::Storage:
            return tr("The device's storage could not be read or written.");
        case Kind::ReadOnly:
            return tr("The vault is open for inspection only.");
        case Kind::Refused:
            break;
        }
        return tr("Sharing is not allowed.");
    }
    return tr("Something went wrong. Nothing was shared.");
}

void PostsController::refresh() {
    reloadLists();
    if (!m_draftId.isEmpty())
        reloadDraft();
}

void PostsController::reloadLists() {
    auto *core = m_host.core();
    if (!core)
        return;
    try {
        QList<QVariantMap> drafts;
        for (const auto &draft : core->posts().drafts()) {
            int blocked = 0;
            for (const auto &decision : core->posts().evaluate(draft.id))
                blocked += decision.decision.allowed ? 0 : 1;
            drafts.append({{QStringLiteral("draftId"), draft.id},
                           {QStringLiteral("preview"), preview(draft.text)},
                           {QStringLiteral("targetText"), targetLabel(draft.target)},
                           {QStringLiteral("itemCount"), int(draft.itemIds.size())},
                           {QStringLiteral("blockedCount"), blocked},
                           {QStringLiteral("updatedAt"), shortDateTime(draft.updatedAt)}});
        }
        m_drafts.setRows(std::move(drafts));
        QList<QVariantMap> posts;
        for (const auto &post : core->posts().posts()) {
            QString statusText;
            switch (post.status) {
            case domain::PostStatus::Published:
                statusText = tr("Published");
                break;
            case domain::PostStatus::TakedownRequired:
                statusText = tr("Takedown required");
                break;
            case domain::PostStatus::Removed:
                statusText = tr("Removed on %1").arg(ShareWording::day(post.removedAt));
                break;
            }
            posts.append({{QStringLiteral("postId"), post.id},
                          {QStringLiteral("preview"), preview(post.text)},
                          {QStringLiteral("targetText"), targetLabel(post.target)},
                          {QStringLiteral("platform"),
                           VocabularyLabels::platformLabel(post.target.platform)},
                          {QStringLiteral("postedAt"), shortDateTime(post.postedAt)},
                          {QStringLiteral("url"), post.url},
                          {QStringLiteral("status"), domain::toString(post.status)},
                          {QStringLiteral("statusText"), statusText},
                          {QStringLiteral("itemCount"), int(post.items.size())}});
        }
        m_posts.setRows(std::move(posts));
        const int count = int(core->revocations().takedownCount());
        if (count != m_takedownCount) {
            m_takedownCount = count;
            emit countsChanged();
        }
    } catch (const std::exception &e) {
        setError(messageFor(e));
    }
}

QVariantMap PostsController::itemRow(const QString &itemId, const domain::GateDecision &decision) {
    QVariantMap row{{QStringLiteral("itemId"), itemId},
                    {QStringLiteral("allowed"), decision.allowed},
                    {QStringLiteral("reasonText"), ShareWording::decision(decision)},
                    {QStringLiteral("attached"), m_itemIds.contains(itemId)}};
    auto *core = m_host.core();
    QString patientId;
    if (domain::ids::kindOf(itemId) == domain::ids::Kind::Photo) {
        row.insert(QStringLiteral("kind"), QStringLiteral("photo"));
        if (const auto photo = core->library().photo(itemId)) {
            patientId = photo->patientId;
            const QString when = shortDateTime(photo->capturedAt);
            row.insert(QStringLiteral("label"), photo->isDerivative()
                                                    ? tr("Redacted copy, %1").arg(when)
                                                    : tr("Photo, %1").arg(when));
            row.insert(QStringLiteral("source"),
                       QStringLiteral("image://vault/thumb/%1").arg(photo->id));
        }
    } else {
        row.insert(QStringLiteral("kind"), QStringLiteral("story"));
        std::optional<domain::Story> story = core->library().story(itemId);
        std::optional<domain::StoryVersion> version;
        if (!story) {
            version = core->library().storyVersion(itemId);
            if (version)
                story = core->library().story(version->storyId);
        }
        if (story) {
            patientId = story->patientId;
            row.insert(QStringLiteral("label"),
                       version ? tr("%1 (version %2)").arg(story->title).arg(version->version)
                               : story->title);
        }
    }
    if (!patientId.isEmpty()) {
        if (const auto patient = core->library().patient(patientId))
            row.insert(QStringLiteral("patientName"), patient->displayName);
    }
    return row;
}

void PostsController::reloadDraft() {
    auto *core = m_host.core();
    if (!core || m_draftId.isEmpty())
        return;
    try {
        const auto draft = core->posts().draft(m_draftId);
        if (!draft || draft->state != domain::DraftState::Open) {
            closeDraft();
            return;
        }
        m_text = draft->text;
        m_target = draft->target;
        m_itemIds = draft->itemIds;
        QList<QVariantMap> rows;
        int blocked = 0;
        for (const auto &decision : core->posts().evaluate(m_draftId)) {
            blocked += decision.decision.allowed ? 0 : 1;
            rows.append(itemRow(decision.itemId, decision.decision));
        }
        m_items.setRows(std::move(rows));
        m_blockedCount = blocked;

        const auto checks = core->posts().checks(m_draftId);
        QList<QVariantMap> checkRows;
        for (const auto &check : checks) {
            checkRows.append(
                {{QStringLiteral("kind"), check.kind},
                 {QStringLiteral("severity"), domain::prepost::toString(check.severity)},
                 {QStringLiteral("severityText"), ShareWording::severity(check.severity)},
                 {QStringLiteral("message"), ShareWording::check(check)},
                 {QStringLiteral("suggestion"), check.suggestion},
                 {QStringLiteral("start"), int(check.start)},
                 {QStringLiteral("length"), int(check.length)},
                 {QStringLiteral("itemId"), check.itemId}});
        }
        m_checks.setRows(std::move(checkRows));
        m_canShare = complete(m_target) && !m_itemIds.isEmpty() && blocked == 0 &&
                     !domain::prepost::blocks(checks);
    } catch (const std::exception &e) {
        setError(messageFor(e));
    }
    emit draftChanged();
    reloadPicker();
}

void PostsController::reloadPicker() {
    auto *core = m_host.core();
    if (!core || m_draftId.isEmpty()) {
        m_picker.clear();
        return;
    }
    try {
        const domain::GateTarget target = complete(m_target) ? m_target : domain::GateTarget{};
        const QDateTime now = m_host.now();
        QList<QVariantMap> rows;
        for (const auto &patient : core->library().patients(m_pickerSearch, PickerPatients)) {
            QStringList ids;
            for (const auto &photo : core->library().photos(patient.id))
                ids.append(photo.id);
            for (const auto &story : core->library().stories(patient.id))
                ids.append(story.id);
            for (const QString &id : ids)
                rows.append(itemRow(id, core->gate().decide(id, target, now)));
        }
        m_picker.setRows(std::move(rows));
    } catch (const std::exception &e) {
        setError(messageFor(e));
    }
}

QString PostsController::newDraft() {
    clearMessages();
    auto *core = m_host.core();
    if (!core)
        return {};
    try {
        const auto draft = core->posts().createDraft();
        m_draftId = draft.id;
        reloadDraft();
        reloadLists();
        return draft.id;
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return {};
    }
}

bool PostsController::openDraft(const QString &draftId) {
    clearMessages();
    auto *core = m_host.core();
    if (!core)
        return false;
    const auto draft = core->posts().draft(draftId);
    if (!draft || draft->state != domain::DraftState::Open) {
        setError(tr("That draft is no longer open."));
        return false;
    }
    m_draftId = draftId;
    reloadDraft();
    return true;
}

void PostsController::closeDraft() {
    m_draftId.clear();
    m_text.clear();
    m_target = {};
    m_itemIds.clear();
    m_blockedCount = 0;
    m_canShare = false;
    m_items.clear();
    m_picker.clear();
    m_checks.clear();
    emit draftChanged();
}

bool PostsController::changeDraft(const std::function<void(services::PostService &)> &change) {
    clearMessages();
    auto *core = m_host.core();
    if (!core || m_draftId.isEmpty())
        return false;
    try {
        change(core->posts());
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return false;
    }
    reloadDraft(); // a draft no longer open closes
    reloadLists();
    return true;
}

bool PostsController::saveDraft(const QString &text, const QString &platform,
                                const QString &audience, const QString &purpose) {
    return changeDraft([&](services::PostService &posts) {
        posts.updateDraft(m_draftId, text, {platform, audience, purpose});
    });
}

bool PostsController::attach(const QString &itemId) {
    return changeDraft([&](services::PostService &posts) { posts.attach(m_draftId, itemId); });
}

bool PostsController::detach(const QString &itemId) {
    return changeDraft([&](services::PostService &posts) { posts.detach(m_draftId, itemId); });
}

bool PostsController::discardDraft() {
    return changeDraft([&](services::PostService &posts) { posts.discard(m_draftId); });
}

bool PostsController::appendLine(const QString &which) {
    const QString language = QLocale().name();
    QString line;
    if (which == QLatin1String("education"))
        line = domain::prepost::educationLine(language);
    else if (which == QLatin1String("sponsorship"))
        line = domain::prepost::sponsorshipLine(language);
    else
        return false;
    QString text = m_text.trimmed();
    if (!text.isEmpty())
        text += QLatin1Char('\n');
    text += line;
    return saveDraft(text, m_target.platform, m_target.audience, m_target.purpose);
}

void PostsController::share(const QUrl &folder) {
    if (busy())
        return;
    clearMessages();
    auto *core = m_host.core();
    if (!core || m_draftId.isEmpty())
        return;
    const bool toFolder = m_shareSheet.needsFolder();
    m_folder = toFolder && folder.isLocalFile() ? folder.toLocalFile() : QString();
    if (toFolder && m_folder.isEmpty()) {
        setError(tr("Choose a folder to save the post's files in."));
        return;
    }
    if (toFolder)
        setFolder(folder);
    wipePending();
    try {
        // Every item through the exporter first (the gate, then fresh bytes), then the
        // post, whose transaction checks the gate a last time.
        for (const QString &itemId : m_itemIds) {
            auto file = core->exports().exportItem(itemId, m_target);
            Pending pending{file.fileName, file.mimeType,
                            QByteArray(reinterpret_cast<const char *>(file.bytes.data()),
                                       qsizetype(file.bytes.size()))};
            m_pending.push_back(std::move(pending));
        }
        const auto post = core->posts().share(m_draftId);
        m_sharedPostId = post.id;
    } catch (const std::exception &e) {
        wipePending();
        setError(messageFor(e));
        reloadDraft();
        return;
    }
    m_locations.clear();
    closeDraft();
    reloadLists();
    emit shared(m_sharedPostId);
    shareNext();
}

void PostsController::shareNext() {
    const auto next = std::find_if(m_pending.begin(), m_pending.end(),
                                   [](const Pending &p) { return !p.bytes.isNull(); });
    if (next == m_pending.end()) {
        wipePending();
        if (!m_locations.isEmpty())
            setNotice(tr("Post recorded. Files saved to %1")
                          .arg(QDir::toNativeSeparators(QFileInfo(m_locations.front()).path())));
        else
            setNotice(tr("Post recorded and shared."));
        return;
    }
    m_request = m_shareSheet.share(next->fileName, next->bytes, next->mimeType, m_folder);
    emit busyChanged();
}

void PostsController::onShareFinished(int request, Outcome outcome, const QString &location,
                                      const QString & /*detail*/) {
    if (request == 0 || request != m_request)
        return;
    m_request = 0;
    emit busyChanged();
    // The file just handed over: wipe it now.
    const auto current = std::find_if(m_pending.begin(), m_pending.end(),
                                      [](const Pending &p) { return !p.bytes.isNull(); });
    if (current != m_pending.end()) {
        crypto::wipe(const_cast<char *>(current->bytes.constData()),
                     std::size_t(current->bytes.size()));
        current->bytes = QByteArray();
    }
    if (outcome == Outcome::Shared) {
        if (!location.isEmpty())
            m_locations.append(location);
        shareNext();
        return;
    }
    wipePending();
    switch (outcome) {
    case Outcome::Cancelled:
        setError(tr("Sharing was cancelled. The post is recorded: if it was not published, "
                    "nothing needs to be taken down."));
        return;
    case Outcome::FolderUnavailable:
        setError(tr("The files could not be saved in that folder."));
        return;
    case Outcome::NoSpace:
        setError(tr("There is not enough space to save the files."));
        return;
    case Outcome::Busy:
        setError(tr("Another file is still being shared. Try again in a moment."));
        return;
    case Outcome::Shared:
    case Outcome::Failed:
        break;
    }
    setError(tr("The files could not be saved or shared."));
}

bool PostsController::setPostUrl(const QString &postId, const QString &url) {
    clearMessages();
    auto *core = m_host.core();
    if (!core)
        return false;
    try {
        core->posts().setUrl(postId, url.trimmed());
    } catch (const services::ServiceError &e) {
        if (e.kind() == services::ServiceError::Kind::Invalid)
            setError(tr("Enter the post's web address, starting with https://"));
        else
            setError(messageFor(e));
        return false;
    }
    reloadLists();
    return true;
}

void PostsController::clearAll() {
    if (busy()) {
        // The file the sheet has stays with it until it finishes; nothing after it goes.
        bool inFlight = true;
        for (Pending &pending : m_pending) {
            if (pending.bytes.isNull())
                continue;
            if (inFlight) {
                inFlight = false;
                continue;
            }
            crypto::wipe(const_cast<char *>(pending.bytes.constData()),
                         std::size_t(pending.bytes.size()));
            pending.bytes = QByteArray();
        }
    } else {
        wipePending();
    }
    closeDraft();
    m_drafts.clear();
    m_posts.clear();
    m_pickerSearch.clear();
    setFolder({});
    if (m_takedownCount != 0) {
        m_takedownCount = 0;
        emit countsChanged();
    }
    clearMessages();
}

void PostsController::wipePending() {
    // Through constData(): data() would detach and wipe a fresh copy instead of the
    // buffer the share sheet shares.
    for (Pending &pending : m_pending)
        crypto::wipe(const_cast<char *>(pending.bytes.constData()),
                     std::size_t(pending.bytes.size()));
    m_pending.clear();
}

void PostsController::clearMessages() {
    setError({});
    setNotice({});
}

void PostsController::setError(const QString &message) {
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void PostsController::setNotice(const QString &message) {
    if (m_noticeMessage == message)
        return;
    m_noticeMessage = message;
    emit noticeMessageChanged();
}

} // namespace cc::ui
