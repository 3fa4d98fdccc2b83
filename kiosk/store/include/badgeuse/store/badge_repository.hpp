// BadgeRepository: which card or fob belongs to whom, and whether it was revoked.
// find() is the check-in hot path: one primary-key lookup by the normalised UID.
#pragma once

#include "badgeuse/core/badge.hpp"
#include "badgeuse/core/result.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace badgeuse::store {

class Database;

class BadgeRepository {
public:
    explicit BadgeRepository(Database& db)
        : m_db(&db) {}

    // The UID is stored as given: callers pass it through normalise_uid first.
    Result<void> upsert(const Badge& badge);
    Result<std::optional<Badge>> find(std::string_view uid) const;
    Result<std::vector<Badge>> for_holder(HolderKind kind, std::int64_t holder_id) const; // by UID
    Result<std::vector<Badge>> list() const;                                              // by UID

private:
    Database* m_db;
};

} // namespace badgeuse::store
