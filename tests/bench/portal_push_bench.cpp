// The portal push benchmark. The baseline is the cheapest durable write each backend offers: one row
// in its own transaction on a connection of its own with the store's settings, timed between the
// batches so that both sides meet the same disk and the same neighbours on a shared machine.
#include "portal_push_bench.hpp"

#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/demo/demo_random.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "pg_server.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <iostream>
#include <memory>
#include <stdexcept>

namespace badgeuse::bench {
namespace {

using namespace badgeuse::portal;

template <typename T>
T must(Result<T> result, const char* what) {
    if (!result)
        throw std::runtime_error(std::string(what) + ": " + result.error().message);
    return std::move(result).value();
}

// A bare insert: one prepared single-row INSERT, one transaction each.
class BareInsert {
public:
    virtual ~BareInsert() = default;
    virtual void insert(const std::string& uuid) = 0;
};

// The SQLite portal store's connection settings (sync/portal/src/store/sqlite.cpp), on its own file.
class SqliteBareInsert final : public BareInsert {
public:
    explicit SqliteBareInsert(const std::filesystem::path& path) {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path.string());
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("CREATE TABLE IF NOT EXISTS bench_bare_insert (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL)");
        if (sqlite3_prepare_v2(m_db, "INSERT INTO bench_bare_insert (uuid) VALUES (?1)", -1, &m_insert,
                               nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    ~SqliteBareInsert() override {
        sqlite3_finalize(m_insert);
        sqlite3_close(m_db);
    }
    SqliteBareInsert(const SqliteBareInsert&) = delete;
    SqliteBareInsert& operator=(const SqliteBareInsert&) = delete;

    void insert(const std::string& uuid) override {
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

struct PgCloser {
    void operator()(PGconn* connection) const noexcept { PQfinish(connection); }
};
struct PgClearer {
    void operator()(PGresult* result) const noexcept { PQclear(result); }
};

// A prepared INSERT in autocommit mode on a database of its own, on the same server as the store's.
class PostgresBareInsert final : public BareInsert {
public:
    explicit PostgresBareInsert(const std::string& uri)
        : m_connection(PQconnectdb(uri.c_str())) {
        if (PQstatus(m_connection.get()) != CONNECTION_OK)
            throw std::runtime_error("cannot connect to " + uri + ": " + PQerrorMessage(m_connection.get()));
        check(PQexec(m_connection.get(),
                     "CREATE TABLE bench_bare_insert (id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL)"));
        check(PQprepare(m_connection.get(), "bare", "INSERT INTO bench_bare_insert (uuid) VALUES ($1)", 1,
                        nullptr));
    }

    void insert(const std::string& uuid) override {
        const char* values[] = {uuid.c_str()};
        check(PQexecPrepared(m_connection.get(), "bare", 1, values, nullptr, nullptr, 0));
    }

private:
    void check(PGresult* raw) {
        std::unique_ptr<PGresult, PgClearer> result(raw);
        const ExecStatusType status = raw != nullptr ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            throw std::runtime_error(std::string("bare insert: ") + PQerrorMessage(m_connection.get()));
    }
    std::unique_ptr<PGconn, PgCloser> m_connection;
};

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

// A site of 200 children and the canteen; the kiosk pushes one school day's arrivals, with one booking
// intent in ten (an intent reads the child, the activity and the latest intent, and logs a change).
std::vector<std::vector<protocol::Event>>
make_batches(PortalStore& store, const PortalPushBenchOptions& options, KioskIdentity& kiosk) {
    constexpr int kChildren = 200;
    const SiteId site = must(store.add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"}), "add site");
    std::vector<Write> writes;
    writes.push_back({protocol::ChangeKind::Upsert, Family{FamilyId{}, site, "BLENFANCE-1-1", "Martin"}});
    for (int i = 0; i < kChildren; ++i) {
        Child child;
        child.family = FamilyId{1};
        child.first_name = "Enfant " + std::to_string(i + 1);
        writes.push_back({protocol::ChangeKind::Upsert, child});
    }
    writes.push_back({protocol::ChangeKind::Upsert, canteen(ActivityId{})});
    (void)must(store.commit(site, writes), "load the site");
    kiosk = KioskIdentity{1, site, "préau"};

    demo::DemoRandom random(2027);
    const Date day = *parse_date("2027-05-10");
    std::vector<std::vector<protocol::Event>> batches;
    for (int i = 0; i < options.events; ++i) {
        if (i % options.batch == 0)
            batches.emplace_back();
        const Uuid id = Uuid::from_random_bytes(random.bytes16());
        const ChildId child{1 + i % kChildren};
        if (i % 10 == 9) {
            batches.back().push_back(protocol::BookingIntent{
                id, child, ActivityId{1}, *parse_date("2027-05-14"),
                i % 20 == 19 ? protocol::BookingAction::Cancel : protocol::BookingAction::Book,
                at("2027-05-10T08:00:00+02:00")});
        } else {
            AttendanceEvent arrival;
            arrival.id = id;
            arrival.child = child;
            arrival.activity = ActivityId{1};
            arrival.day = day;
            arrival.at = at("2027-05-10T11:40:00+02:00");
            arrival.badge_uid = "04A1B2C3";
            batches.back().push_back(arrival);
        }
    }
    return batches;
}

Report run_one(const std::string& backend, PortalStore& store, BareInsert& bare,
               const PortalPushBenchOptions& options) {
    KioskIdentity kiosk;
    const auto batches = make_batches(store, options, kiosk);
    demo::DemoRandom random(99);
    Samples push;
    Samples baseline;
    std::chrono::nanoseconds push_total{0};
    std::chrono::nanoseconds bare_total{0};
    std::size_t accepted = 0;
    const Instant received = at("2027-05-10T12:00:00+02:00");
    for (const auto& batch : batches) {
        const auto took = time_it([&] {
            const auto response =
                must(store.ingest(kiosk, batch, received, HolidayRegion::Metropole), "ingest");
            for (const auto& result : response.results)
                accepted += result.outcome == protocol::Outcome::Accepted ? 1 : 0;
        });
        push.add(took);
        push_total += took;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const std::string uuid = Uuid::from_random_bytes(random.bytes16()).to_string();
            const auto one = time_it([&] { bare.insert(uuid); });
            baseline.add(one);
            bare_total += one;
        }
    }
    const double push_seconds = std::chrono::duration<double>(push_total).count();
    const double bare_seconds = std::chrono::duration<double>(bare_total).count();
    const double events_per_second = static_cast<double>(options.events) / push_seconds;
    const double bare_per_second = static_cast<double>(options.events) / bare_seconds;
    Report report("portal-push-" + backend);
    report.add("machine", machine_description());
    report.add("backend", backend);
    report.add("events", static_cast<double>(options.events));
    report.add("batch", static_cast<double>(options.batch));
    report.add("events_accepted", static_cast<double>(accepted));
    report.add_summary("ingest_batch", push.summary());
    report.add("ingest_events_per_second", events_per_second, "/s");
    report.add_summary("bare_insert", baseline.summary());
    report.add("bare_inserts_per_second", bare_per_second, "/s");
    report.add("ingest_vs_bare_insert_ratio", events_per_second / bare_per_second);
    report.add("target_ratio", 0.3);
    return report;
}

} // namespace

std::vector<Report> run_portal_push_bench(const PortalPushBenchOptions& options) {
    std::vector<Report> reports;
    std::filesystem::create_directories(options.work_dir);
    {
        const auto path = options.work_dir / "portal-push-bench.sqlite";
        const auto bare_path = options.work_dir / "portal-push-bare-insert.sqlite";
        for (const auto& file : {path, bare_path})
            for (const char* suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(file.string() + suffix);
        std::cout << "portal push bench: " << options.events << " events in batches of " << options.batch
                  << " on SQLite (" << path.string() << ") ..." << std::endl;
        auto store = must(open_sqlite_portal_store(path, OpenMode::CreateIfMissing), "open the SQLite store");
        SqliteBareInsert bare(bare_path);
        reports.push_back(run_one("sqlite", *store, bare, options));
    }
    {
        std::cout << "portal push bench: the same on a private PostgreSQL server ..." << std::endl;
        const std::string store_url = testing::create_pg_database();
        const std::string bare_url = testing::create_pg_database();
        auto store = must(open_postgres_portal_store(store_url, OpenMode::CreateIfMissing),
                          "open the PostgreSQL store");
        PostgresBareInsert bare(bare_url);
        reports.push_back(run_one("postgres", *store, bare, options));
    }
    return reports;
}

} // namespace badgeuse::bench
