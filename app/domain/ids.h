#pragma once

// Identifiers of the things a vault holds: a kind prefix and 16 random bytes in
// lowercase hex, e.g. "pho_3f9a…" (36 characters for four-letter prefixes). The prefix
// lets the CLI and the audit log say what an id names without a lookup.

#include <QString>

#include <optional>

namespace cc::domain::ids {

enum class Kind {
    Patient,      // "pat_"
    Photo,        // "pho_"
    Story,        // "sto_" (a case story; its text lives in versions)
    StoryVersion, // "stv_"
    Consent,      // "con_"
    Revocation,   // "rev_"
    Draft,        // "dra_"
    Post,         // "pos_"
};

[[nodiscard]] QString generate(Kind kind);
[[nodiscard]] bool isValid(const QString &id, Kind kind);
// The kind a well-formed id names, nullopt for anything else.
[[nodiscard]] std::optional<Kind> kindOf(const QString &id);

} // namespace cc::domain::ids
