// The portal on PostgreSQL as an admin meets it: `portal init` with a postgresql URL, database.url's
// forms, and two portal processes' stores on one database ingesting at once.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/import_families.hpp"
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/portal/secrets.hpp"
#include "pg_server.hpp"
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <thread>

using namespace badgeuse;
using namespace badgeuse::portal;
using namespace badgeuse::protocol;
using badgeuse::testing::pg_query;
using badgeuse::testing::run_process;
using badgeuse::testing::TempDir;

namespace {

std::string write_config(const TempDir& dir, const std::string& url) {
    const auto path = dir / "portal.toml";
    std::ofstream(path) << "[database]\nurl = \"" << url << "\"\n";
    return path.string();
}

Instant at(std::string_view iso) {
    return *paris::parse_iso8601(iso);
}

Uuid uuid_of(std::uint32_t n) {
    std::array<std::uint8_t, 16> bytes{};
    for (int i = 0; i < 4; ++i)
        bytes[static_cast<std::size_t>(12 + i)] = static_cast<std::uint8_t>(n >> (8 * (3 - i)));
    return Uuid::from_random_bytes(bytes);
}

} // namespace

TEST_CASE("portal init with a postgresql URL creates the schema, then finds it up to date") {
    TempDir dir;
    const std::string url = testing::create_pg_database();
    const std::string config = write_config(dir, url);
    auto first = run_process(BADGEUSE_PORTAL_EXE, {"init", "--config", config});
    INFO(first.err);
    CHECK(first.exit_code == 0);
    CHECK_THAT(first.out,
               Catch::StartsWith("created: postgresql://postgres@/") &&
                   Catch::Contains("(schema " + std::to_string(postgres_portal_schema_version()) + ")"));
    CHECK(pg_query(url, "SELECT value FROM meta WHERE key = 'version'") ==
          std::to_string(postgres_portal_schema_version()));
    CHECK(pg_query(url,
                   "SELECT count(*) FROM pg_tables WHERE tablename IN ('change_log', 'events', 'kiosks')") ==
          "3");
    auto second = run_process(BADGEUSE_PORTAL_EXE, {"init", "--config", config});
    CHECK(second.exit_code == 0);
    CHECK_THAT(second.out, Catch::StartsWith("up to date: "));
}

TEST_CASE("portal init on a PostgreSQL database that does not exist says so and exits 1") {
    TempDir dir;
    auto result = run_process(BADGEUSE_PORTAL_EXE,
                              {"init", "--config", write_config(dir, testing::missing_pg_database())});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::StartsWith("portal: cannot connect to PostgreSQL") &&
                               Catch::Contains("no_such_database") && Catch::Contains("createdb"));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

TEST_CASE("database.url takes both libpq schemes and keeps the URI for libpq") {
    TempDir dir;
    for (const std::string url : {"postgresql://badgeuse:pw@db.example:5433/portal?sslmode=require",
                                  "postgres:///portal?host=/run/postgresql"}) {
        const PortalConfig config = load_portal_config(write_config(dir, url));
        CHECK(config.database.backend == DatabaseBackend::Postgres);
        CHECK(config.database.postgres_uri == url);
    }
    CHECK(parse_database_url("postgresql://badgeuse:pw@db.example/portal", dir.path())->display() ==
          "postgresql://badgeuse:***@db.example/portal");
    CHECK(parse_database_url("postgresql://db.example?dbname=portal&sslmode=require", dir.path()).ok());
    for (const char* nameless :
         {"postgresql://db.example", "postgres://db.example/", "postgresql://h?port=1/x"}) {
        auto refused = parse_database_url(nameless, dir.path());
        REQUIRE_FALSE(refused.ok());
        CHECK_THAT(refused.error().message, Catch::Contains("naming its database"));
    }
}

// Two portal processes on one database, each with its own connection, pushing the same events at the
// same time (as two portals behind a load balancer would when a kiosk retries on the other one), while
// a third commits records.
TEST_CASE("two stores on one PostgreSQL database ingesting at once decide each event once, and the change "
          "log has no gap and no repeat") {
    const std::string url = testing::create_pg_database();
    auto first = open_postgres_portal_store(url, OpenMode::CreateIfMissing);
    INFO((first.ok() ? "" : first.error().message));
    REQUIRE(first.ok());
    auto second = open_postgres_portal_store(url, OpenMode::MustExist);
    REQUIRE(second.ok());
    PortalStore& a = **first;
    PortalStore& b = **second;
    const SiteId site = *a.add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"});
    Child lea;
    lea.family = FamilyId{1};
    lea.first_name = "Léa";
    REQUIRE(a.commit(site, {{ChangeKind::Upsert, Family{FamilyId{}, site, "BLENFANCE-1-1", "Martin"}},
                            {ChangeKind::Upsert, lea},
                            {ChangeKind::Upsert, canteen(ActivityId{})}})
                .ok());
    const KioskIdentity kiosk{1, site, "préau"};

    // 40 batches of 10 events: attendance (a fact) and absences (each a change for the site).
    constexpr int kBatches = 40;
    constexpr int kPerBatch = 10;
    std::vector<std::vector<Event>> batches(kBatches);
    for (int i = 0; i < kBatches * kPerBatch; ++i) {
        const Uuid id = uuid_of(static_cast<std::uint32_t>(i + 1));
        const Date day = Date{std::chrono::year{2027}, std::chrono::month{5}, std::chrono::day{10}};
        if (i % 2 == 0) {
            AttendanceEvent arrival;
            arrival.id = id;
            arrival.child = ChildId{1};
            arrival.activity = ActivityId{1};
            arrival.day = day;
            arrival.at = at("2027-05-10T11:40:00+02:00");
            batches[static_cast<std::size_t>(i / kPerBatch)].push_back(arrival);
        } else {
            batches[static_cast<std::size_t>(i / kPerBatch)].push_back(
                AbsenceDeclared{id, ChildId{1}, day, day, "maladie", at("2027-05-06T08:00:00+02:00")});
        }
    }
    // Each store pushes every batch, one from the first and one from the last, so that they meet.
    std::vector<PushResponse> from_a;
    std::vector<PushResponse> from_b;
    std::string failure_a;
    std::string failure_b;
    auto push_all = [&](PortalStore& store, bool reversed, std::vector<PushResponse>& out,
                        std::string& failure) {
        for (int n = 0; n < kBatches; ++n) {
            const auto& batch = batches[static_cast<std::size_t>(reversed ? kBatches - 1 - n : n)];
            auto response =
                store.ingest(kiosk, batch, at("2027-05-06T12:00:00+02:00"), HolidayRegion::Metropole);
            if (!response) {
                failure = response.error().message;
                return;
            }
            out.push_back(std::move(*response));
        }
    };
    // Meanwhile a third process (an admin's import) commits guardians, one transaction each.
    auto third = open_postgres_portal_store(url, OpenMode::MustExist);
    REQUIRE(third.ok());
    constexpr int kImports = 40;
    std::string failure_c;
    auto import_all = [&] {
        for (int n = 0; n < kImports && failure_c.empty(); ++n) {
            auto written = (*third)->commit(
                site,
                {{ChangeKind::Upsert, Guardian{GuardianId{}, FamilyId{1}, "Anne", std::to_string(n), ""}}});
            if (!written)
                failure_c = written.error().message;
        }
    };
    std::thread ta([&] { push_all(a, false, from_a, failure_a); });
    std::thread tb([&] { push_all(b, true, from_b, failure_b); });
    std::thread tc(import_all);
    ta.join();
    tb.join();
    tc.join();
    REQUIRE(failure_a.empty());
    REQUIRE(failure_b.empty());
    REQUIRE(failure_c.empty());

    // Every event got exactly one decision: Accepted from one store and Duplicate from the other.
    std::map<std::string, int> accepted;
    std::map<std::string, int> duplicate;
    for (const auto* responses : {&from_a, &from_b})
        for (const PushResponse& response : *responses)
            for (const EventResult& result : response.results) {
                if (result.outcome == Outcome::Accepted)
                    ++accepted[result.event.to_string()];
                else if (result.outcome == Outcome::Duplicate && result.original == Outcome::Accepted)
                    ++duplicate[result.event.to_string()];
            }
    CHECK(accepted.size() == kBatches * kPerBatch);
    CHECK(duplicate.size() == kBatches * kPerBatch);
    for (const auto& [id, count] : accepted)
        CHECK(count == 1);
    CHECK(*a.event_count() == kBatches * kPerBatch);
    CHECK(pg_query(url, "SELECT count(*) FROM events") == std::to_string(kBatches * kPerBatch));

    // The change log: 3 changes of the fixture, one per absence and one per guardian, numbered 1..N with no
    // gap or repeat, and a kiosk paging through it with small pages sees each exactly once.
    const int expected_changes = 3 + kBatches * kPerBatch / 2 + kImports;
    CHECK(pg_query(url, "SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM change_log") ==
          std::to_string(expected_changes) + "|" + std::to_string(expected_changes) + "|1|" +
              std::to_string(expected_changes));
    std::set<std::int64_t> seen;
    std::int64_t cursor = 0;
    for (int pages = 0; pages < 1000; ++pages) {
        auto page = b.changes_after(site, cursor, 7);
        REQUIRE(page.ok());
        for (const Change& change : page->changes) {
            CHECK(change.seq == cursor + 1);
            CHECK(seen.insert(change.seq).second);
            cursor = change.seq;
        }
        if (page->more == MorePages::No)
            break;
    }
    CHECK(seen.size() == static_cast<std::size_t>(expected_changes));
}

TEST_CASE("an admin's day on PostgreSQL: init, import families, enroll a kiosk that then enrolls once") {
    TempDir dir;
    const std::string url = testing::create_pg_database();
    const std::string config = write_config(dir, url);
    REQUIRE(run_process(BADGEUSE_PORTAL_EXE, {"init", "--config", config}).exit_code == 0);
    std::ofstream(dir / "families.csv") << kFamiliesHeader << "\nJules Ferry,BLENFANCE-1-1,M,,,,Léa,M,,,,,\n";
    auto imported = run_process(BADGEUSE_PORTAL_EXE,
                                {"import", "families", (dir / "families.csv").string(), "--config", config});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(pg_query(url, "SELECT count(*) FROM children") == "1");
    auto enrolled = run_process(BADGEUSE_PORTAL_EXE,
                                {"enroll", "--site", "Jules Ferry", "--name", "préau", "--config", config});
    INFO(enrolled.err);
    REQUIRE(enrolled.exit_code == 0);
    const std::string code = enrolled.out.substr(0, enrolled.out.find('\n'));
    auto store = open_postgres_portal_store(url, OpenMode::MustExist);
    REQUIRE(store.ok());
    const Instant now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    auto first = (*store)->enroll(hash_secret(normalise_code(code)), "pc-1", "t1", now);
    REQUIRE(first.ok());
    CHECK(first->failure == EnrollFailure::None);
    CHECK(first->site_name == "Jules Ferry");
    CHECK((*store)->enroll(hash_secret(normalise_code(code)), "pc-2", "t2", now)->failure ==
          EnrollFailure::UsedCode);
}

TEST_CASE("a PostgreSQL store whose connection the server dropped reconnects between transactions") {
    const std::string url = testing::create_pg_database();
    auto opened = open_postgres_portal_store(url, OpenMode::CreateIfMissing);
    REQUIRE(opened.ok());
    PortalStore& store = **opened;
    const SiteId site = *store.add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"});
    // What a server restart or an idle-session timeout does to the portal's connection.
    const std::string kill_others = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                    "WHERE datname = current_database() AND pid <> pg_backend_pid()";
    REQUIRE(pg_query(url, kill_others) == "1");
    auto found = store.find_site("École Jules Ferry");
    INFO((found.ok() ? "" : found.error().message));
    REQUIRE(found.ok());
    CHECK((*found)->id == site);
    REQUIRE(pg_query(url, kill_others) == "1");
    auto written =
        store.commit(site, {{ChangeKind::Upsert, Family{FamilyId{}, site, "BLENFANCE-1-1", "Martin"}}});
    INFO((written.ok() ? "" : written.error().message));
    REQUIRE(written.ok());
    CHECK(store.changes_after(site, 0, 100)->changes.size() == 1);
}
