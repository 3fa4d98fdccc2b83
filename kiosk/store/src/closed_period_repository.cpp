// Closed periods: replaced as a whole, listed by first day.
#include "badgeuse/store/closed_period_repository.hpp"

#include "database.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

Result<ClosedPeriod> read_period(const Query& row) {
    ClosedPeriod period;
    period.first = BADGEUSE_TRY(row.date(0));
    period.last = BADGEUSE_TRY(row.date(1));
    period.kind = BADGEUSE_TRY(parse_closure_kind_key(row.text(2)));
    period.label = row.text(3);
    return period;
}

} // namespace

Result<void> ClosedPeriodRepository::replace_all(std::span<const ClosedPeriod> periods) {
    auto transaction = BADGEUSE_TRY(m_db->begin_transaction());
    {
        auto query = BADGEUSE_TRY(m_db->query("DELETE FROM closed_period"));
        BADGEUSE_TRY(query.execute());
    }
    for (const ClosedPeriod& period : periods) {
        auto query = BADGEUSE_TRY(m_db->query(
            "INSERT INTO closed_period (first_day, last_day, kind, label) VALUES (?1, ?2, ?3, ?4)"));
        query.bind(1, period.first)
            .bind(2, period.last)
            .bind(3, closure_kind_key(period.kind))
            .bind(4, period.label);
        BADGEUSE_TRY(query.execute());
    }
    return transaction.commit();
}

Result<std::vector<ClosedPeriod>> ClosedPeriodRepository::list() const {
    auto query = BADGEUSE_TRY(m_db->query(
        "SELECT first_day, last_day, kind, label FROM closed_period ORDER BY first_day, last_day, id"));
    return read_all(query, "closed_period", read_period);
}

} // namespace badgeuse::store
