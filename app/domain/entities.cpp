#include "domain/entities.h"

#include <array>
#include <utility>

namespace cc::domain {

namespace {

template<class Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &names, Enum value) {
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return QLatin1StringView(name);
    }
    return {};
}

template<class Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &names,
                            const QString &text) {
    for (const auto &[value, name] : names) {
        if (text == QLatin1StringView(name))
            return value;
    }
    return std::nullopt;
}

constexpr std::array PhotoRoles{
    std::pair{PhotoRole::Clinical, "clinical"},
    std::pair{PhotoRole::AuthorityDocument, "authority_document"},
    std::pair{PhotoRole::RevocationEvidence, "revocation_evidence"},
    std::pair{PhotoRole::TakedownEvidence, "takedown_evidence"},
};
constexpr std::array DraftStates{
    std::pair{DraftState::Open, "open"},
    std::pair{DraftState::Shared, "shared"},
    std::pair{DraftState::Discarded, "discarded"},
};
constexpr std::array PostStatuses{
    std::pair{PostStatus::Published, "published"},
    std::pair{PostStatus::TakedownRequired, "takedown_required"},
    std::pair{PostStatus::Removed, "removed"},
};

} // namespace

QString toString(PhotoRole role) {
    return nameOf(PhotoRoles, role);
}
std::optional<PhotoRole> photoRoleFromString(const QString &text) {
    return valueOf(PhotoRoles, text);
}
QString toString(DraftState state) {
    return nameOf(DraftStates, state);
}
std::optional<DraftState> draftStateFromString(const QString &text) {
    return valueOf(DraftStates, text);
}
QString toString(PostStatus status) {
    return nameOf(PostStatuses, status);
}
std::optional<PostStatus> postStatusFromString(const QString &text) {
    return valueOf(PostStatuses, text);
}

} // namespace cc::domain
