// The check-in path benchmark.
#include "checkin_bench.hpp"

#include "badgeuse/app/check_in_service.hpp"
#include "badgeuse/app/demo_seed.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/demo/demo_random.hpp"
#include "badgeuse/demo/demo_school.hpp"

#include <sqlite3.h>

#include <iostream>
#include <stdexcept>
#include <unordered_set>

namespace badgeuse::bench {
namespace {

using namespace std::chrono_literals;

template <typename T>
T must(Result<T> result, const char* what) {
    if (!result)
        throw std::runtime_error(std::string(what) + ": " + result.error().message);
    return std::move(result).value();
}
void must(Result<void> result, const char* what) {
    if (!result)
        throw std::runtime_error(std::string(what) + ": " + result.error().message);
}

// The baseline: one row, one transaction, on its own connection with the store's settings.
class BareInsert {
public:
    explicit BareInsert(const std::filesystem::path& path) {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path.string());
        // The store's own connection settings (kiosk/store/src/store.cpp), on a file of its own so that
        // neither side pays for the other's checkpoints.
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA cache_size=-65536");
        exec("PRAGMA temp_store=MEMORY");
        exec("PRAGMA wal_autocheckpoint=8192");
        exec("CREATE TABLE IF NOT EXISTS bench_bare_insert (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL)");
        if (sqlite3_prepare_v2(m_db, "INSERT INTO bench_bare_insert (uuid) VALUES (?1)", -1, &m_insert,
                               nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    ~BareInsert() {
        sqlite3_finalize(m_insert);
        sqlite3_close(m_db);
    }
    BareInsert(const BareInsert&) = delete;
    BareInsert& operator=(const BareInsert&) = delete;

    void insert(const std::string& uuid) {
        sqlite3_bind_text(m_insert, 1, uuid.c_str(), static_cast<int>(uuid.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(m_insert) != SQLITE_DONE)
            throw std::runtime_error(sqlite3_errmsg(m_db));
        sqlite3_reset(m_insert);
    }

private:
    void exec(const char* sql) {
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_insert = nullptr;
};

class SeededUuids final : public app::UuidSource {
public:
    explicit SeededUuids(std::uint64_t seed)
        : m_random(seed) {}
    Uuid next() override { return Uuid::from_random_bytes(m_random.bytes16()); }

private:
    demo::DemoRandom m_random;
};

} // namespace

Report run_checkin_bench(const CheckInBenchOptions& options) {
    auto path = options.work_dir / "checkin-bench.sqlite";
    std::filesystem::create_directories(options.work_dir);
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);

    demo::DemoOptions demo_options;
    demo_options.children = options.children;
    auto school = demo::generate_demo_school(demo_options);
    // A Thursday near the end of the year, so that most of the year's events are in the past.
    Date bench_day = *parse_date("2027-06-24");
    auto history = demo::generate_attendance_history(school, school.term.first, add_days(bench_day, -1), 7);
    if (history.size() > options.past_events)
        history.resize(options.past_events);

    std::cout << "check-in bench: loading " << school.children.size() << " children, " << school.badges.size()
              << " badges, " << school.reservations.size() << " reservations, " << history.size()
              << " past events into " << path.string() << " ..." << std::endl;
    auto load_start = std::chrono::steady_clock::now();
    auto store = must(store::Store::open(path), "open");
    must(app::load_demo_school(store, school), "load school");
    must(app::load_attendance_history(store, history), "load history");
    auto load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();

    // The kiosk checkpoints while idle, before the service starts.
    must(store.checkpoint(), "checkpoint");
    ManualClock clock(paris::to_instant(bench_day, TimeOfDay::at(11, 31)));
    SeededUuids uuids(99);
    auto service = must(app::CheckInService::create(store, clock, uuids), "check-in service");
    auto bare_path = options.work_dir / "bare-insert-bench.sqlite";
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(bare_path.string() + suffix);
    BareInsert bare(bare_path);

    // Distinct children, so that every tap records an arrival (a repeated child would write nothing).
    std::vector<std::string> uids;
    std::unordered_set<std::int64_t> seen;
    demo::DemoRandom random(2027);
    while (static_cast<int>(uids.size()) < options.taps && seen.size() < school.children.size()) {
        const auto& badge = school.badges[random.below(static_cast<std::uint32_t>(school.badges.size()))];
        if (badge.holder_kind == HolderKind::Child && badge.state == BadgeState::Active &&
            seen.insert(badge.holder_id).second)
            uids.push_back(badge.uid);
    }

    Samples check_in;
    Samples baseline;
    check_in.reserve(uids.size());
    baseline.reserve(uids.size());
    int recorded = 0;
    for (const auto& uid : uids) {
        // Interleaved, so that both see the same disk and the same neighbours on a shared machine.
        check_in.add(time_it([&] {
            auto outcome = must(service.tap(uid), "tap");
            recorded += outcome.event_id ? 1 : 0;
        }));
        auto id = uuids.next().to_string();
        baseline.add(time_it([&] { bare.insert(id); }));
        clock.advance(700ms);
    }

    auto c = check_in.summary();
    auto b = baseline.summary();
    Report report("checkin");
    report.add("machine", machine_description());
    report.add("children", static_cast<double>(school.children.size()));
    report.add("badges", static_cast<double>(school.badges.size()));
    report.add("reservations", static_cast<double>(school.reservations.size()));
    report.add("past_events", static_cast<double>(history.size()));
    report.add("load_seconds", load_seconds, "s");
    report.add("taps", static_cast<double>(uids.size()));
    report.add("taps_recorded", static_cast<double>(recorded));
    report.add_summary("checkin", c);
    report.add_summary("bare_insert", b);
    report.add("checkin_vs_bare_insert_ratio", b.mean_us > 0 ? b.mean_us / c.mean_us : 0);
    report.add("target_p99_us", 2000, "µs");
    report.add("target_ratio", 0.5);
    return report;
}

} // namespace badgeuse::bench
