// ClosedPeriodRepository: the school calendar's holidays and the town's closures, as the portal sends them.
// The portal sends the whole calendar at once, so it is replaced as a whole.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/core/school_calendar.hpp"

#include <span>
#include <vector>

namespace badgeuse::store {

class Database;

class ClosedPeriodRepository {
public:
    explicit ClosedPeriodRepository(Database& db)
        : m_db(&db) {}

    // Removes every stored period and writes these, in one transaction.
    Result<void> replace_all(std::span<const ClosedPeriod> periods);
    Result<std::vector<ClosedPeriod>> list() const; // by first day

private:
    Database* m_db;
};

} // namespace badgeuse::store
