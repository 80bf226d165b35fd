#include "services/postservice.h"

#include "domain/ids.h"
#include "domain/vocabulary.h"
#include "services/consentservice.h"
#include "services/gateservice.h"
#include "services/servicesupport.h"
#include "storage/auditlog.h"
#include "storage/consentrepository.h"
#include "storage/patientrepository.h"
#include "storage/postrepository.h"

#include <QJsonArray>
#include <QUrl>

#include <algorithm>

namespace cc::services {

using support::guarded;

namespace {

constexpr int MaxItems = 50;

void checkLength(const QString &text) {
    if (text.size() > PostService::MaxTextLength)
        support::invalid(QStringLiteral("a post's text is at most %1 characters")
                             .arg(PostService::MaxTextLength));
}

// An empty target, or one of known codes.
void checkTarget(const domain::GateTarget &target) {
    const auto known = [](const QString &code, bool (*isKnown)(const QString &)) {
        return code.isEmpty() || isKnown(code);
    };
    if (!known(target.platform, domain::vocabulary::isPlatform) ||
        !known(target.audience, domain::vocabulary::isAudience) ||
        !known(target.purpose, domain::vocabulary::isPurpose))
        support::invalid(QStringLiteral("unknown platform, audience or purpose"));
}

bool complete(const domain::GateTarget &target) {
    return !target.platform.isEmpty() && !target.audience.isEmpty() && !target.purpose.isEmpty();
}

QJsonObject targetJson(const domain::GateTarget &target) {
    return {{QStringLiteral("platform"), target.platform},
            {QStringLiteral("audience"), target.audience},
            {QStringLiteral("purpose"), target.purpose}};
}

} // namespace

domain::Draft PostService::createDraft(const QString &text, const domain::GateTarget &target) {
    checkLength(text);
    checkTarget(target);
    const QDateTime now = m_vault.clock()().toUTC();
    domain::Draft draft{domain::ids::generate(domain::ids::Kind::Draft),
                        text,
                        target,
                        domain::DraftState::Open,
                        now,
                        now,
                        {}};
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        storage::PostRepository(m_vault.database()).insertDraft(draft);
        QJsonObject data = targetJson(target);
        data.insert(QStringLiteral("draft"), draft.id);
        m_vault.audit().append(QStringLiteral("draft.created"), now, data);
        transaction.commit();
    });
    return draft;
}

domain::Draft PostService::openDraft(const QString &draftId) {
    auto found = draft(draftId);
    if (!found)
        support::notFound("draft", draftId);
    if (found->state != domain::DraftState::Open)
        throw ServiceError(ServiceError::Kind::Conflict,
                           "the draft was already " + domain::toString(found->state).toStdString());
    return *found;
}

void PostService::updateDraft(const QString &draftId, const QString &text,
                              const domain::GateTarget &target) {
    checkLength(text);
    checkTarget(target);
    auto transaction = support::beginChange(m_vault);
    domain::Draft draft = openDraft(draftId);
    draft.text = text;
    draft.target = target;
    draft.updatedAt = m_vault.clock()().toUTC();
    guarded([&] {
        storage::PostRepository(m_vault.database()).updateDraft(draft);
        QJsonObject data = targetJson(target);
        data.insert(QStringLiteral("draft"), draft.id);
        m_vault.audit().append(QStringLiteral("draft.updated"), draft.updatedAt, data);
        transaction.commit();
    });
}

void PostService::attach(const QString &draftId, const QString &itemId) {
    auto transaction = support::beginChange(m_vault);
    domain::Draft draft = openDraft(draftId);
    if (draft.itemIds.contains(itemId))
        throw ServiceError(ServiceError::Kind::Conflict, "the item is already attached");
    if (draft.itemIds.size() >= MaxItems)
        support::invalid(QStringLiteral("a post has at most %1 items").arg(MaxItems));
    GateService gate(m_vault, m_templates);
    const auto facts = gate.item(itemId);
    if (!facts)
        support::notFound("photo or story", itemId);
    const auto decision =
        gate.decide(itemId, complete(draft.target) ? draft.target : domain::GateTarget{});
    if (!decision.allowed)
        throw ShareRefused({{itemId, decision}});
    const QDateTime now = m_vault.clock()().toUTC();
    draft.updatedAt = now;
    guarded([&] {
        storage::PostRepository posts(m_vault.database());
        posts.attach(draftId, itemId);
        posts.updateDraft(draft);
        m_vault.audit().append(QStringLiteral("draft.item_attached"), now,
                               {{QStringLiteral("draft"), draftId},
                                {QStringLiteral("item"), itemId},
                                {QStringLiteral("patient"), facts->patientId}},
                               {facts->patientId, {}, {}});
        transaction.commit();
    });
}

void PostService::detach(const QString &draftId, const QString &itemId) {
    auto transaction = support::beginChange(m_vault);
    domain::Draft draft = openDraft(draftId);
    const QDateTime now = m_vault.clock()().toUTC();
    draft.updatedAt = now;
    guarded([&] {
        storage::PostRepository posts(m_vault.database());
        if (!posts.detach(draftId, itemId))
            support::notFound("attached item", itemId);
        posts.updateDraft(draft);
        m_vault.audit().append(
            QStringLiteral("draft.item_detached"), now,
            {{QStringLiteral("draft"), draftId}, {QStringLiteral("item"), itemId}});
        transaction.commit();
    });
}

void PostService::discard(const QString &draftId) {
    auto transaction = support::beginChange(m_vault);
    domain::Draft draft = openDraft(draftId);
    draft.state = domain::DraftState::Discarded;
    draft.updatedAt = m_vault.clock()().toUTC();
    guarded([&] {
        storage::PostRepository(m_vault.database()).updateDraft(draft);
        m_vault.audit().append(QStringLiteral("draft.discarded"), draft.updatedAt,
                               {{QStringLiteral("draft"), draftId}});
        transaction.commit();
    });
}

std::optional<domain::Draft> PostService::draft(const QString &id) {
    return guarded([&] { return storage::PostRepository(m_vault.database()).findDraft(id); });
}

std::vector<domain::Draft> PostService::drafts(domain::DraftState state) {
    return guarded([&] { return storage::PostRepository(m_vault.database()).drafts(state); });
}

std::vector<ItemDecision> PostService::evaluate(const QString &draftId) {
    const auto found = draft(draftId);
    if (!found)
        support::notFound("draft", draftId);
    GateService gate(m_vault, m_templates);
    const QDateTime now = m_vault.clock()();
    std::vector<ItemDecision> decisions;
    for (const QString &itemId : found->itemIds)
        decisions.push_back(
            {itemId,
             gate.decide(itemId, complete(found->target) ? found->target : domain::GateTarget{},
                         now)});
    return decisions;
}

std::vector<domain::prepost::Check>
PostService::checksFor(const QString &text, const std::vector<ItemDecision> &decisions,
                       QStringList patientIds) {
    domain::prepost::Facts facts;
    facts.text = text;
    GateService gate(m_vault, m_templates);
    ConsentService consents(m_vault, m_templates);
    QStringList seenConsents;
    for (const ItemDecision &decision : decisions) {
        facts.items.push_back({decision.itemId, decision.decision});
        if (const auto item = gate.item(decision.itemId);
            item && !patientIds.contains(item->patientId))
            patientIds.append(item->patientId);
        for (const QString &consentId : decision.decision.consentIds) {
            if (seenConsents.contains(consentId))
                continue;
            seenConsents.append(consentId);
            const auto sealed = guarded(
                [&] { return storage::ConsentRepository(m_vault.database()).find(consentId); });
            if (!sealed)
                continue;
            if (const auto checked = consents.check(*sealed);
                checked.record && checked.record->paid)
                facts.compensated = true;
        }
    }
    for (const QString &patientId : patientIds) {
        const auto patient =
            guarded([&] { return storage::PatientRepository(m_vault.database()).find(patientId); });
        if (!patient)
            support::notFound("patient", patientId);
        facts.patients.push_back({patient->displayName, patient->mrn, patient->birthDate});
    }
    return domain::prepost::checkPost(facts);
}

std::vector<domain::prepost::Check> PostService::checks(const QString &draftId) {
    const auto found = draft(draftId);
    if (!found)
        support::notFound("draft", draftId);
    return checksFor(found->text, evaluate(draftId), {});
}

std::vector<domain::prepost::Check> PostService::checkText(const QString &text,
                                                           const QStringList &patientIds) {
    checkLength(text);
    return checksFor(text, {}, patientIds);
}

domain::Post PostService::share(const QString &draftId) {
    // The write lock is taken first: no revocation can commit between the gate's
    // decisions and the post that relies on them.
    auto transaction = support::beginChange(m_vault);
    const domain::Draft draft = openDraft(draftId);
    if (!complete(draft.target))
        support::invalid(QStringLiteral("choose the platform, audience and purpose first"));
    if (draft.itemIds.isEmpty())
        support::invalid(QStringLiteral("attach at least one photo or story first"));

    GateService gate(m_vault, m_templates);
    const QDateTime now = m_vault.clock()().toUTC();
    domain::Post post;
    post.id = domain::ids::generate(domain::ids::Kind::Post);
    post.draftId = draft.id;
    post.target = draft.target;
    post.text = draft.text;
    post.postedAt = now;
    std::vector<ShareRefused::Blocked> blocked;
    std::vector<ItemDecision> decisions;
    QStringList patients;
    for (const QString &itemId : draft.itemIds) {
        const auto decision = gate.decide(itemId, draft.target, now);
        decisions.push_back({itemId, decision});
        const auto facts = gate.item(itemId);
        if (!decision.allowed || !facts) {
            blocked.push_back({itemId, decision});
            continue;
        }
        // A story and its latest version attached together are one item.
        const bool already =
            std::any_of(post.items.begin(), post.items.end(),
                        [&](const auto &item) { return item.itemId == facts->id; });
        if (!already)
            post.items.push_back({facts->kind, facts->id, facts->sha256, decision.consentIds});
        if (!patients.contains(facts->patientId))
            patients.append(facts->patientId);
    }
    if (!blocked.empty())
        throw ShareRefused(std::move(blocked));
    if (auto checks = checksFor(draft.text, decisions, {}); domain::prepost::blocks(checks))
        throw ChecksRefused(std::move(checks));

    QJsonArray items;
    for (const auto &item : post.items) {
        items.append(
            QJsonObject{{QStringLiteral("item"), item.itemId},
                        {QStringLiteral("sha256"), item.sha256},
                        {QStringLiteral("consents"), QJsonArray::fromStringList(item.consentIds)}});
    }
    QJsonObject data = targetJson(post.target);
    data.insert(QStringLiteral("post"), post.id);
    data.insert(QStringLiteral("draft"), draft.id);
    data.insert(QStringLiteral("items"), items);
    data.insert(QStringLiteral("patients"), QJsonArray::fromStringList(patients));
    domain::Draft shared = draft;
    shared.state = domain::DraftState::Shared;
    shared.updatedAt = now;
    guarded([&] {
        storage::PostRepository posts(m_vault.database());
        posts.insertPost(post);
        posts.updateDraft(shared);
        m_vault.audit().append(QStringLiteral("post.recorded"), now, data,
                               {patients.size() == 1 ? patients.front() : QString(), {}, post.id});
        transaction.commit();
    });
    return post;
}

void PostService::setUrl(const QString &postId, const QString &url) {
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() ||
        (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http")) ||
        parsed.host().isEmpty() || url.size() > 2048)
        support::invalid(QStringLiteral("the address must be a web address (https://…)"));
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        storage::PostRepository posts(m_vault.database());
        if (!posts.findPost(postId))
            support::notFound("post", postId);
        posts.setUrl(postId, url);
        m_vault.audit().append(QStringLiteral("post.url_set"), m_vault.clock()().toUTC(),
                               {{QStringLiteral("post"), postId}, {QStringLiteral("url"), url}},
                               {{}, {}, postId});
        transaction.commit();
    });
}

std::optional<domain::Post> PostService::post(const QString &id) {
    return guarded([&] { return storage::PostRepository(m_vault.database()).findPost(id); });
}

std::vector<domain::Post> PostService::posts(std::optional<domain::PostStatus> status) {
    return guarded([&] { return storage::PostRepository(m_vault.database()).posts(status); });
}

} // namespace cc::services
