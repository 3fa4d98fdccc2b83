// Seeding goes through PortalStore::commit like any import, so the kiosks pull it as ordinary changes.
#include "badgeuse/portal/demo_seed.hpp"

#include "badgeuse/portal/admin_commands.hpp"
#include "badgeuse/portal/cli.hpp"

#include <algorithm>
#include <ostream>

namespace badgeuse::portal {
namespace {

template <typename Record>
void upsert_all(std::vector<Write>& writes, const std::vector<Record>& records) {
    for (const auto& record : records)
        writes.push_back({protocol::ChangeKind::Upsert, record});
}

} // namespace

Result<void> seed_demo_school(PortalStore& store, const demo::DemoSchool& school) {
    auto existing = store.find_site(school.site.name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return make_error("the portal already has a site named \"" + school.site.name +
                          "\": seed the demo into a new database");
    auto site = store.add_site(school.site);
    if (!site)
        return site.error();
    std::vector<Write> writes;
    upsert_all(writes, school.activities);
    upsert_all(writes, school.families);
    upsert_all(writes, school.guardians);
    upsert_all(writes, school.children);
    upsert_all(writes, school.staff);
    upsert_all(writes, school.badges);
    for (const auto& reservation : school.reservations)
        writes.push_back({protocol::ChangeKind::Upsert,
                          protocol::ReservationRecord{reservation, protocol::ReservationState::Booked}});
    upsert_all(writes, school.absences);
    std::int64_t closed_id = 0;
    for (const auto& period : school.closed_periods)
        writes.push_back({protocol::ChangeKind::Upsert, protocol::ClosedPeriodRecord{++closed_id, period}});
    // A page of changes never splits a server transaction, so one commit of the whole year would reach
    // every kiosk as one page of megabytes: commit in slices, in order (families before their children).
    constexpr std::size_t kSlice = 2000;
    for (std::size_t first = 0; first < writes.size(); first += kSlice) {
        std::vector<Write> slice(writes.begin() + static_cast<std::ptrdiff_t>(first),
                                 writes.begin() +
                                     static_cast<std::ptrdiff_t>(std::min(writes.size(), first + kSlice)));
        if (auto committed = store.commit(*site, slice); !committed)
            return committed.error();
    }
    return {};
}

int portal_init_demo(const PortalConfig& config, std::ostream& out, std::ostream& err) {
    auto store = open_portal_store(config.database, OpenMode::CreateIfMissing);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    auto school = demo::generate_demo_school();
    if (auto seeded = seed_demo_school(**store, school); !seeded) {
        err << "portal: " << seeded.error().message << '\n';
        return kExitFailure;
    }
    out << "created: " << config.database.display() << " with the demo school \"" << school.site.name
        << "\" (" << school.children.size() << " children, " << school.reservations.size()
        << " reservations)\n";
    return kExitOk;
}

} // namespace badgeuse::portal
