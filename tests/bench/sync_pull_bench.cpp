// sync-pull: a new kiosk's first full pull of a large site (2,000 children and a school year of canteen
// reservations), page after page through the real server over TLS, with the time the kiosk spends
// decoding. Target: the whole pull in 3 s or less.
#include "badgeuse/protocol/codec.hpp"
#include "bench_stats.hpp"
#include "sync_bench.hpp"
#include "sync_bench_portal.hpp"

#include <iostream>
#include <stdexcept>

namespace badgeuse::bench {
namespace {

// Four canteen days a week from the first Monday of September, one server transaction per day
// (as a day's bookings are imported or decided together).
void seed_school_year(portal::PortalStore& store, const testing::SeededSite& site, int school_days) {
    Date day = *parse_date("2026-09-07");
    for (int done = 0; done < school_days; day = add_days(day, 1)) {
        const auto weekday = std::chrono::weekday(std::chrono::sys_days(day)).c_encoding();
        if (weekday == 0 || weekday == 3 || weekday == 6)
            continue;
        std::vector<portal::Write> writes;
        writes.reserve(site.children.size());
        for (ChildId child : site.children)
            writes.push_back({protocol::ChangeKind::Upsert,
                              protocol::ReservationRecord{Reservation{child, site.canteen, day},
                                                          protocol::ReservationState::Booked}});
        auto committed = store.commit(site.site, writes);
        if (!committed)
            throw std::runtime_error("seeding reservations: " + committed.error().message);
        ++done;
    }
}

} // namespace

Report run_sync_pull_bench(const SyncBenchOptions& options) {
    testing::PortalFixtureOptions fixture;
    fixture.children = options.pull_children;
    const int school_days = options.pull_school_days;
    fixture.extra_seed = [school_days](portal::PortalStore& store, const testing::SeededSite& site) {
        seed_school_year(store, site, school_days);
    };
    const auto seed_start = std::chrono::steady_clock::now();
    testing::PortalFixture portal = start_bench_portal(options, "sync-pull", std::move(fixture));
    const std::chrono::duration<double> seed_time = std::chrono::steady_clock::now() - seed_start;
    testing::PortalClient client = portal.client();
    client.set_token(portal.enroll("préau"));

    std::int64_t cursor = 0;
    std::size_t pages = 0;
    std::size_t changes = 0;
    std::size_t bytes = 0;
    std::chrono::nanoseconds fetching{0};
    std::chrono::nanoseconds decoding{0};
    Samples page_times;
    for (bool more = true; more;) {
        testing::HttpReply reply;
        const auto fetched = time_it([&] {
            reply = client.get("/v1/changes?after=" + std::to_string(cursor) +
                                   "&limit=" + std::to_string(options.pull_page_limit),
                               std::chrono::seconds(60));
        });
        if (reply.status != 200)
            throw std::runtime_error("pull page " + std::to_string(pages) + ": " +
                                     std::to_string(reply.status) + " " + reply.body + reply.error);
        Result<protocol::PullResponse> page = make_error("not decoded");
        decoding += time_it([&] { page = protocol::decode_pull_response(reply.body); });
        if (!page)
            throw std::runtime_error("pull page " + std::to_string(pages) + ": " + page.error().message);
        fetching += fetched;
        page_times.add(fetched);
        bytes += reply.bytes_received;
        changes += page->changes.size();
        cursor = page->cursor;
        more = page->more == protocol::MorePages::Yes;
        ++pages;
    }
    const double total = std::chrono::duration<double>(fetching + decoding).count();

    Report report(options.database == "sqlite" ? "sync-pull" : "sync-pull-" + options.database);
    report.add("machine", machine_description());
    report.add("store", options.database);
    report.add("children", static_cast<double>(options.pull_children));
    report.add("school_days", static_cast<double>(school_days));
    report.add("seed_seconds", seed_time.count(), "s");
    report.add("changes", static_cast<double>(changes));
    report.add("page_limit", static_cast<double>(options.pull_page_limit));
    report.add("pages", static_cast<double>(pages));
    report.add("bytes", static_cast<double>(bytes), "B");
    report.add("fetch_seconds", std::chrono::duration<double>(fetching).count(), "s");
    report.add("decode_seconds", std::chrono::duration<double>(decoding).count(), "s");
    report.add("first_full_pull_seconds", total, "s");
    report.add_summary("page", page_times.summary());
    report.add("target_seconds", 3, "s");
    return report;
}

} // namespace badgeuse::bench
