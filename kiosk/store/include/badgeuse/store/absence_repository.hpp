// AbsenceRepository: the periods a family declared their child would not come.
// An absence covers every activity of each day from its first to its last day inclusive.
#pragma once

#include "badgeuse/core/booking.hpp"
#include "badgeuse/core/result.hpp"

#include <optional>
#include <vector>

namespace badgeuse::store {

class Database;

class AbsenceRepository {
public:
    explicit AbsenceRepository(Database& db)
        : m_db(&db) {}

    // Writes the absence under its id (the portal's), or under a new id when its id is zero.
    // Returns the id it was stored under.
    Result<AbsenceId> add(const Absence& absence);
    Result<void> remove(AbsenceId id);
    Result<std::optional<Absence>> get(AbsenceId id) const;
    Result<std::vector<Absence>> covering(ChildId child, Date day) const; // by first day
    Result<std::vector<Absence>> for_child(ChildId child) const;          // by first day

private:
    Database* m_db;
};

} // namespace badgeuse::store
