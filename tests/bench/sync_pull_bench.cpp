// sync-pull: a new kiosk's first full pull of a large site (2,000 children and a school year of canteen
// reservations) through the real server over TLS. The headline is the kiosk's own client filling a new
// kiosk database, from its first request until it holds the site; a second pass fetches, decodes and
// applies page by page to say where that time goes. Target: the whole pull in 3 s or less.
#include "badgeuse/app/system_clock.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "badgeuse/store/store.hpp"
#include "badgeuse/store/store_replica.hpp"
#include "badgeuse/sync/sync_client.hpp"
#include "bench_stats.hpp"
#include "sync_bench.hpp"
#include "sync_bench_portal.hpp"
#include "temp_dir.hpp"

#include <condition_variable>
#include <iostream>
#include <iterator>
#include <mutex>
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

store::Store open_kiosk_store(const std::filesystem::path& path) {
    auto store = store::Store::open(path);
    if (!store)
        throw std::runtime_error("kiosk database: " + store.error().message);
    return std::move(*store);
}

// The kiosk's client, as the kiosk runs it, until its first exchange has pulled everything.
std::chrono::nanoseconds client_first_pull(const testing::PortalFixture& portal, const std::string& token,
                                           const std::filesystem::path& database,
                                           const SyncBenchOptions& options) {
    store::Store kiosk = open_kiosk_store(database);
    store::StoreReplica replica(kiosk);
    sync::ClientSettings settings;
    auto server = sync::parse_server_url("https://127.0.0.1:" + std::to_string(portal.port()));
    if (!server)
        throw std::runtime_error(server.error().message);
    settings.server = *server;
    settings.ca_file = *portal.ca();
    settings.token = token;
    settings.pull_every = std::chrono::hours(1);
    settings.pull_limit = options.pull_page_limit;
    settings.apply_batch = options.pull_apply_batch;
    settings.request_timeout = std::chrono::seconds(60);
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<sync::SyncState> done;
    sync::ClientCallbacks callbacks;
    callbacks.on_state = [&](const sync::SyncState& state) {
        std::lock_guard lock(mutex);
        if (state.last_sync || !state.last_error.empty())
            done = state;
        changed.notify_all();
    };
    app::SystemClock clock; // the kiosk's clock: last_sync stamps only
    sync::SyncClient client(settings, replica, clock, callbacks);
    const auto start = std::chrono::steady_clock::now();
    if (auto started = client.start(); !started)
        throw std::runtime_error("sync client: " + started.error().message);
    std::unique_lock lock(mutex);
    if (!changed.wait_for(lock, std::chrono::minutes(5), [&] { return done.has_value(); }))
        throw std::runtime_error("the client's first pull did not end within 5 minutes");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    if (!done->last_error.empty())
        throw std::runtime_error("the client's first pull failed: " + done->last_error);
    lock.unlock();
    client.stop();
    return elapsed;
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
    const std::string token = portal.enroll("préau");
    client.set_token(token);
    testing::TempDir kiosk_dir;
    const std::chrono::nanoseconds by_client =
        client_first_pull(portal, token, kiosk_dir / "client.sqlite", options);

    // The same pull again, step by step, applied in the client's batches to another new database.
    store::Store kiosk_store = open_kiosk_store(kiosk_dir / "steps.sqlite");
    store::StoreReplica replica(kiosk_store);
    const std::size_t apply_batch = options.pull_apply_batch;
    protocol::PullResponse gathered;

    std::int64_t cursor = 0;
    std::size_t pages = 0;
    std::size_t changes = 0;
    std::size_t bytes = 0;
    std::chrono::nanoseconds fetching{0};
    std::chrono::nanoseconds decoding{0};
    std::chrono::nanoseconds applying{0};
    Samples page_times;
    Samples batch_times; // how long each batch holds the kiosk's write lock: what a tap may wait
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
        changes += page->changes.size();
        gathered.changes.insert(gathered.changes.end(), std::make_move_iterator(page->changes.begin()),
                                std::make_move_iterator(page->changes.end()));
        gathered.cursor = page->cursor;
        gathered.more = page->more;
        if (gathered.more == protocol::MorePages::No || gathered.changes.size() >= apply_batch) {
            Result<void> applied;
            const auto batch_time = time_it([&] { applied = replica.apply_page(gathered); });
            applying += batch_time;
            batch_times.add(batch_time);
            if (!applied)
                throw std::runtime_error("applying up to page " + std::to_string(pages) + ": " +
                                         applied.error().message);
            gathered.changes.clear();
        }
        fetching += fetched;
        page_times.add(fetched);
        bytes += reply.bytes_received;
        cursor = page->cursor;
        more = page->more == protocol::MorePages::Yes;
        ++pages;
    }
    const double steps = std::chrono::duration<double>(fetching + decoding + applying).count();

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
    report.add("apply_seconds", std::chrono::duration<double>(applying).count(), "s");
    report.add("apply_batch", static_cast<double>(apply_batch));
    report.add("steps_total_seconds", steps, "s");
    report.add("first_full_pull_seconds", std::chrono::duration<double>(by_client).count(), "s");
    report.add_summary("page", page_times.summary());
    report.add_summary("batch_commit", batch_times.summary());
    report.add("target_seconds", 3, "s");
    return report;
}

} // namespace badgeuse::bench
