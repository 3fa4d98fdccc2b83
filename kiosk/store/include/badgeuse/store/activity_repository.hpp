// ActivityRepository: canteen and care activities with their opening hours, policies and deadline rule.
// Codes are unique: writing an activity whose code another id already has fails.
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/result.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace badgeuse::store {

class Database;

class ActivityRepository {
public:
    explicit ActivityRepository(Database& db)
        : m_db(&db) {}

    Result<void> upsert(const Activity& activity);
    Result<std::optional<Activity>> get(ActivityId id) const;
    Result<std::optional<Activity>> find_by_code(std::string_view code) const; // "cantine"
    Result<std::vector<Activity>> list() const;                                // by id

private:
    Database* m_db;
};

} // namespace badgeuse::store
