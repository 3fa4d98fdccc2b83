// FamilyRepository: families, found by id or by the subscriber code printed on the town's letter.
// Subscriber codes are unique; a parent signs in at the kiosk with theirs.
#pragma once

#include "badgeuse/core/people.hpp"
#include "badgeuse/core/result.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace badgeuse::store {

class Database;

class FamilyRepository {
public:
    explicit FamilyRepository(Database& db)
        : m_db(&db) {}

    Result<void> upsert(const Family& family);
    Result<std::optional<Family>> get(FamilyId id) const;
    Result<std::optional<Family>> find_by_subscriber_code(std::string_view code) const;
    Result<std::vector<Family>> list() const; // by id

private:
    Database* m_db;
};

} // namespace badgeuse::store
