// GuardianRepository: the parents and legal guardians of each family.
// Listed by family for the parent's screens and for checking who may take a child home.
#pragma once

#include "badgeuse/core/people.hpp"
#include "badgeuse/core/result.hpp"

#include <optional>
#include <vector>

namespace badgeuse::store {

class Database;

class GuardianRepository {
public:
    explicit GuardianRepository(Database& db)
        : m_db(&db) {}

    Result<void> upsert(const Guardian& guardian);
    Result<std::optional<Guardian>> get(GuardianId id) const;
    Result<std::vector<Guardian>> for_family(FamilyId family) const; // by id

private:
    Database* m_db;
};

} // namespace badgeuse::store
