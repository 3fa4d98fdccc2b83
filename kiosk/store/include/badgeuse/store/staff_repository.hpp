// StaffRepository: the town's staff at each site (care workers, kitchen, head of site).
// Staff badge in to open the staff screens and to record manual check-ins.
#pragma once

#include "badgeuse/core/people.hpp"
#include "badgeuse/core/result.hpp"

#include <optional>
#include <vector>

namespace badgeuse::store {

class Database;

class StaffRepository {
public:
    explicit StaffRepository(Database& db)
        : m_db(&db) {}

    Result<void> upsert(const StaffMember& member);
    Result<std::optional<StaffMember>> get(StaffId id) const;
    Result<std::vector<StaffMember>> list() const; // by id

private:
    Database* m_db;
};

} // namespace badgeuse::store
