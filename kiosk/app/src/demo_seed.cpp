// Loading the demo school into a store.
#include "badgeuse/app/demo_seed.hpp"

namespace badgeuse::app {
namespace {

template <typename Items, typename Write>
Result<void> write_all(const Items& items, Write write) {
    for (const auto& item : items)
        if (auto written = write(item); !written)
            return written.error();
    return {};
}

} // namespace

Result<void> load_demo_school(store::Store& store, const demo::DemoSchool& school) {
    auto transaction = store.begin_transaction();
    if (!transaction)
        return transaction.error();
    BADGEUSE_CHECK(store.sites().upsert(school.site));
    BADGEUSE_CHECK(
        write_all(school.activities, [&](const Activity& a) { return store.activities().upsert(a); }));
    BADGEUSE_CHECK(write_all(school.families, [&](const Family& f) { return store.families().upsert(f); }));
    BADGEUSE_CHECK(
        write_all(school.guardians, [&](const Guardian& g) { return store.guardians().upsert(g); }));
    BADGEUSE_CHECK(write_all(school.children, [&](const Child& c) { return store.children().upsert(c); }));
    BADGEUSE_CHECK(write_all(school.staff, [&](const StaffMember& s) { return store.staff().upsert(s); }));
    BADGEUSE_CHECK(write_all(school.badges, [&](const Badge& b) { return store.badges().upsert(b); }));
    BADGEUSE_CHECK(
        write_all(school.reservations, [&](const Reservation& r) { return store.reservations().add(r); }));
    for (const auto& absence : school.absences)
        if (auto added = store.absences().add(absence); !added)
            return added.error();
    BADGEUSE_CHECK(store.closed_periods().replace_all(school.closed_periods));
    return transaction->commit();
}

Result<void> load_attendance_history(store::Store& store, std::span<const AttendanceEvent> events) {
    auto transaction = store.begin_transaction();
    if (!transaction)
        return transaction.error();
    for (const auto& event : events)
        // Past events have been pushed already: they come back from the portal, with no outbox row.
        if (auto recorded = store.record_attendance(event, store::EventOrigin::Portal); !recorded)
            return recorded.error();
    return transaction->commit();
}

} // namespace badgeuse::app
