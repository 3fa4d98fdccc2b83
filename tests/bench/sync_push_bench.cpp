// sync-push: 10,000 events pushed in the kiosk's batches through the real server over TLS, against the
// bare insert rate of the portal's store in the same run, timed interleaved with the pushes, on a file
// (or database) of its own with the portal's settings. Two baselines: the project's usual one (one row,
// one transaction, as the check-in and portal-push benchmarks measure it) and a stricter one (the same
// rows in the same batches, one transaction per batch). Target ratio ≥ 0.3.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "bench_stats.hpp"
#include "sync_bench.hpp"
#include "sync_bench_portal.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <memory>
#include <random>
#include <stdexcept>

namespace badgeuse::bench {
namespace {

using EventRows = std::vector<std::pair<std::string, std::string>>; // id, payload

// The baseline: the rows of the portal's events table written by hand, a batch per transaction.
class BareEventInsert {
public:
    virtual ~BareEventInsert() = default;
    virtual void insert_batch(const EventRows& rows) = 0;
};

constexpr const char* kEventsTable =
    "CREATE TABLE events(id TEXT PRIMARY KEY, site INTEGER NOT NULL, kiosk INTEGER NOT NULL, "
    "type TEXT NOT NULL, payload TEXT NOT NULL, outcome TEXT NOT NULL, reason TEXT NOT NULL, "
    "message TEXT NOT NULL, received_at BIGINT NOT NULL)";

// SQLite with the portal's connection settings (sync/portal/src/store/sqlite.cpp), on its own file.
class SqliteBareEventInsert final : public BareEventInsert {
public:
    explicit SqliteBareEventInsert(const std::filesystem::path& path) {
        std::filesystem::remove(path);
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path.string());
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        exec(kEventsTable);
        if (sqlite3_prepare_v2(
                m_db, "INSERT INTO events VALUES (?1, 1, 1, 'attendance', ?2, 'accepted', '', '', 0)", -1,
                &m_insert, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    ~SqliteBareEventInsert() override {
        sqlite3_finalize(m_insert);
        sqlite3_close(m_db);
    }
    SqliteBareEventInsert(const SqliteBareEventInsert&) = delete;
    SqliteBareEventInsert& operator=(const SqliteBareEventInsert&) = delete;

    void insert_batch(const EventRows& rows) override {
        exec("BEGIN IMMEDIATE");
        for (const auto& [id, payload] : rows) {
            sqlite3_bind_text(m_insert, 1, id.c_str(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
            sqlite3_bind_text(m_insert, 2, payload.c_str(), static_cast<int>(payload.size()),
                              SQLITE_TRANSIENT);
            if (sqlite3_step(m_insert) != SQLITE_DONE)
                throw std::runtime_error(sqlite3_errmsg(m_db));
            sqlite3_reset(m_insert);
        }
        exec("COMMIT");
    }

private:
    void exec(const char* sql) {
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_insert = nullptr;
};

// PostgreSQL through libpq, on its own database of the same private server as the portal's.
class PostgresBareEventInsert final : public BareEventInsert {
public:
    explicit PostgresBareEventInsert(const std::string& url)
        : m_connection(PQconnectdb(url.c_str())) {
        if (PQstatus(m_connection) != CONNECTION_OK)
            throw std::runtime_error("cannot connect to " + url + ": " + PQerrorMessage(m_connection));
        exec(kEventsTable);
        check(PQprepare(m_connection, "bare",
                        "INSERT INTO events VALUES ($1, 1, 1, 'attendance', $2, 'accepted', '', '', 0)", 2,
                        nullptr));
    }
    ~PostgresBareEventInsert() override { PQfinish(m_connection); }
    PostgresBareEventInsert(const PostgresBareEventInsert&) = delete;
    PostgresBareEventInsert& operator=(const PostgresBareEventInsert&) = delete;

    void insert_batch(const EventRows& rows) override {
        exec("BEGIN");
        for (const auto& [id, payload] : rows) {
            const char* values[] = {id.c_str(), payload.c_str()};
            check(PQexecPrepared(m_connection, "bare", 2, values, nullptr, nullptr, 0));
        }
        exec("COMMIT");
    }

private:
    void exec(const char* sql) { check(PQexec(m_connection, sql)); }
    void check(PGresult* result) {
        const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
        PQclear(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            throw std::runtime_error(std::string("bare insert: ") + PQerrorMessage(m_connection));
    }
    PGconn* m_connection;
};

std::unique_ptr<BareEventInsert> bare_insert_for(const SyncBenchOptions& options) {
    if (options.database == "postgresql")
        return std::make_unique<PostgresBareEventInsert>(bench_database_url(options));
    return std::make_unique<SqliteBareEventInsert>(options.work_dir / "sync-push" / "bare-insert.sqlite");
}

std::vector<protocol::Event> arrivals(const testing::SeededSite& site, int count) {
    std::mt19937_64 random(2026);
    std::vector<protocol::Event> events;
    events.reserve(static_cast<std::size_t>(count));
    const Date first = *parse_date("2026-09-07");
    for (int i = 0; i < count; ++i) {
        std::array<std::uint8_t, 16> bytes{};
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(random());
        AttendanceEvent event;
        event.id = Uuid::from_random_bytes(bytes);
        event.child = site.children[static_cast<std::size_t>(i) % site.children.size()];
        event.activity = site.canteen;
        event.day = add_days(first, i / static_cast<int>(site.children.size()));
        event.at = *paris::parse_iso8601(format_date(event.day) + "T11:40:00+02:00");
        event.badge_uid = "04A1B2C3";
        events.emplace_back(event);
    }
    return events;
}

} // namespace

Report run_sync_push_bench(const SyncBenchOptions& options) {
    testing::PortalFixtureOptions fixture;
    fixture.children = 200;
    testing::PortalFixture portal = start_bench_portal(options, "sync-push", std::move(fixture));
    testing::PortalClient client = portal.client();
    client.set_token(portal.enroll("préau"));
    const std::unique_ptr<BareEventInsert> bare = bare_insert_for(options);

    const std::vector<protocol::Event> events = arrivals(portal.site(), options.push_events);
    const auto batch_size = static_cast<std::size_t>(options.push_batch);
    Samples pushes;
    Samples inserts;
    Samples single_rows;
    std::chrono::nanoseconds push_time{0};
    std::chrono::nanoseconds insert_time{0};
    std::size_t accepted = 0;
    for (std::size_t start = 0; start < events.size(); start += batch_size) {
        protocol::PushRequest request;
        EventRows rows;
        for (std::size_t i = start; i < std::min(events.size(), start + batch_size); ++i) {
            request.events.push_back(events[i]);
            rows.emplace_back(protocol::event_id(events[i]).to_string(), protocol::encode_event(events[i]));
        }
        const std::string body = protocol::encode(request);
        testing::HttpReply reply;
        const auto pushed =
            time_it([&] { reply = client.post("/v1/events", body, std::chrono::seconds(60)); });
        if (reply.status != 200)
            throw std::runtime_error("push: " + std::to_string(reply.status) + " " + reply.body +
                                     reply.error);
        auto response = protocol::decode_push_response(reply.body);
        if (!response)
            throw std::runtime_error("push answer: " + response.error().message);
        for (const auto& result : response->results)
            accepted += result.outcome == protocol::Outcome::Accepted ? 1 : 0;
        const auto inserted = time_it([&] { bare->insert_batch(rows); });
        // Five rows of the batch again (new ids), each in its own transaction.
        for (std::size_t k = 0; k < std::min<std::size_t>(5, rows.size()); ++k)
            single_rows.add(time_it([&] {
                bare->insert_batch({{rows[k].first + "-single", rows[k].second}});
            }));
        pushes.add(pushed);
        inserts.add(inserted);
        push_time += pushed;
        insert_time += inserted;
    }
    const double push_rate =
        static_cast<double>(events.size()) / std::chrono::duration<double>(push_time).count();
    const double insert_rate =
        static_cast<double>(events.size()) / std::chrono::duration<double>(insert_time).count();

    Report report(options.database == "sqlite" ? "sync-push" : "sync-push-" + options.database);
    report.add("machine", machine_description());
    report.add("store", options.database);
    report.add("events", static_cast<double>(events.size()));
    report.add("events_accepted", static_cast<double>(accepted));
    report.add("batch", static_cast<double>(batch_size));
    report.add_summary("push_batch", pushes.summary());
    report.add_summary("bare_insert_batch", inserts.summary());
    report.add("portal_events_per_second", push_rate, "/s");
    report.add("bare_insert_events_per_second", insert_rate, "/s");
    report.add("push_vs_bare_batch_insert_ratio", push_rate / insert_rate);
    report.add_summary("bare_single_row_insert", single_rows.summary());
    report.add("bare_single_row_inserts_per_second", single_rows.summary().per_second, "/s");
    report.add("push_vs_bare_single_row_insert_ratio", push_rate / single_rows.summary().per_second);
    report.add("target_ratio", 0.3);
    return report;
}

} // namespace badgeuse::bench
