// `portal import families`: a CSV of one site's families, all or nothing, errors by line and column;
// on both store backends (a real SQLite file, a real PostgreSQL database).
#include "badgeuse/portal/import_families.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "run_process.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace badgeuse;
using namespace badgeuse::portal;
using badgeuse::testing::PostgreSQL;
using badgeuse::testing::run_process;
using badgeuse::testing::SQLite;
using badgeuse::testing::TempDir;

namespace {

const std::string kHeader = std::string(kFamiliesHeader) + "\n";

template <typename Backend>
struct Db {
    TempDir dir;
    DatabaseUrl url = Backend::fresh(dir);
    std::unique_ptr<PortalStore> store = open_portal_store(url, OpenMode::CreateIfMissing).value();

    std::size_t changes(const std::string& site_name) {
        auto site = store->find_site(site_name);
        REQUIRE(site.ok());
        if (!site->has_value())
            return 0;
        return store->changes_after((**site).id, 0, 5000)->changes.size();
    }
};

} // namespace

TEMPLATE_TEST_CASE("a families file creates the site, families, guardians, children and badges", "[store]",
                   SQLite, PostgreSQL) {
    Db<TestType> db;
    const std::string csv =
        kHeader +
        "Jules Ferry,BLENFANCE-1-1,Famille "
        "Martin,Anne,Martin,0600000000,Léa,Martin,CP-A,no_pork,yes,,04:a1:b2:c3\n"
        "Jules Ferry,BLENFANCE-1-1,Famille Martin,Anne,Martin,0600000000,Tom,Martin,MS,,,oui,\n"
        "Jules Ferry,BLENFANCE-1-2,\"Famille Diallo, Sow\",,,,Awa,Diallo,CE1,vegetarian,no,no,04A1B2C4\r\n";
    auto summary = import_families(*db.store, csv, "families.csv");
    REQUIRE(summary.ok());
    CHECK(summary->families == 2);
    CHECK(summary->guardians == 1);
    CHECK(summary->children == 3);
    CHECK(summary->badges == 2);
    auto site = db.store->find_site("Jules Ferry");
    REQUIRE(site->has_value());
    auto page = db.store->changes_after((**site).id, 0, 100);
    REQUIRE(page->changes.size() == 8);
    CHECK(std::get<Family>(page->changes[1].data).name == "Famille Diallo, Sow");
    const auto& lea = std::get<Child>(page->changes[3].data);
    CHECK(lea.diet == Diet::NoPork);
    CHECK(lea.allergy);
    CHECK(lea.family == std::get<Family>(page->changes[0].data).id);
    CHECK(std::get<Badge>(page->changes[4].data).uid == "04A1B2C3");
    CHECK(std::get<Badge>(page->changes[4].data).holder_id == lea.id.value);
    CHECK(std::get<Child>(page->changes[5].data).pai);
}

TEMPLATE_TEST_CASE("a bad value names the line and the column and imports nothing", "[store]", SQLite,
                   PostgreSQL) {
    Db<TestType> db;
    const std::string csv = kHeader + "Jules Ferry,BLENFANCE-1-1,Martin,,,,Léa,Martin,CP,standard,,,\n" +
                            "Jules Ferry,BLENFANCE-1-2,Diallo,,,,Awa,Diallo,CE1,halal,,,\n";
    auto summary = import_families(*db.store, csv, "families.csv");
    REQUIRE_FALSE(summary.ok());
    CHECK_THAT(summary.error().message, Catch::StartsWith("families.csv:3: diet (column 10): "));
    CHECK(db.changes("Jules Ferry") == 0);
    CHECK_FALSE(db.store->find_site("Jules Ferry")->has_value());
}

TEMPLATE_TEST_CASE("a wrong header, a short row or a second site is refused with where", "[store]", SQLite,
                   PostgreSQL) {
    Db<TestType> db;
    CHECK_THAT(import_families(*db.store, "site,code\n", "f.csv").error().message,
               Catch::StartsWith("f.csv:1: expected the header"));
    CHECK_THAT(import_families(*db.store, kHeader + "A,BLENFANCE-1-1,M\n", "f.csv").error().message,
               Catch::StartsWith("f.csv:2: expected 13 columns, found 3"));
    const std::string two_sites = kHeader + "A,BLENFANCE-1-1,M,,,,L,M,,,,,\nB,BLENFANCE-1-2,N,,,,L,N,,,,,\n";
    CHECK_THAT(import_families(*db.store, two_sites, "f.csv").error().message,
               Catch::StartsWith("f.csv:3: site (column 1)"));
    CHECK_THAT(import_families(*db.store, kHeader + "A,FOO,M,,,,L,M,,,,,\n", "f.csv").error().message,
               Catch::StartsWith("f.csv:2: subscriber_code (column 2)"));
    CHECK_THAT(
        import_families(*db.store, kHeader + "A,BLENFANCE-1-1,M,,,,L,M,,,maybe,,\n", "f.csv").error().message,
        Catch::StartsWith("f.csv:2: allergy (column 11)"));
    const std::string same_badge =
        kHeader + "A,BLENFANCE-1-1,M,,,,L,M,,,,,04A1B2C3\nA,BLENFANCE-1-1,M,,,,K,M,,,,,04a1b2c3\n";
    CHECK_THAT(import_families(*db.store, same_badge, "f.csv").error().message,
               Catch::StartsWith("f.csv:3: badge_uid (column 13)") && Catch::Contains("line 2"));
    CHECK_THAT(
        import_families(*db.store, kHeader + "A,BLENFANCE-1-1,\"M,,,,L,M,,,,,\n", "f.csv").error().message,
        Catch::Contains("never closed"));
}

TEMPLATE_TEST_CASE("importing the same family twice is refused the second time", "[store]", SQLite,
                   PostgreSQL) {
    Db<TestType> db;
    const std::string csv = kHeader + "A,BLENFANCE-1-1,M,,,,L,M,,,,,\n";
    REQUIRE(import_families(*db.store, csv, "f.csv").ok());
    auto again = import_families(*db.store, csv, "f.csv");
    REQUIRE_FALSE(again.ok());
    CHECK_THAT(again.error().message, Catch::Contains("already on the portal"));
    CHECK(db.changes("A") == 2);
}

TEMPLATE_TEST_CASE("portal import families reports the line on stderr and exits 2", "[store]", SQLite,
                   PostgreSQL) {
    TempDir dir;
    const DatabaseUrl url = TestType::fresh(dir);
    std::ofstream(dir / "portal.toml")
        << "[database]\nurl = \""
        << (url.backend == DatabaseBackend::Sqlite ? "sqlite://" + url.sqlite_path.string()
                                                   : url.postgres_uri)
        << "\"\n";
    const std::string config = (dir / "portal.toml").string();
    REQUIRE(run_process(BADGEUSE_PORTAL_EXE, {"init", "--config", config}).exit_code == 0);
    std::ofstream(dir / "bad.csv") << kHeader << "A,BLENFANCE-1-1,M,,,,,M,,,,,\n";
    auto bad = run_process(BADGEUSE_PORTAL_EXE,
                           {"import", "families", (dir / "bad.csv").string(), "--config", config});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::StartsWith("portal: bad.csv:2: child_first_name (column 7): missing"));
    std::ofstream(dir / "good.csv") << kHeader << "A,BLENFANCE-1-1,M,,,,L,M,,,,,\n";
    auto good = run_process(BADGEUSE_PORTAL_EXE,
                            {"import", "families", (dir / "good.csv").string(), "--config", config});
    INFO(good.err);
    CHECK(good.exit_code == 0);
    CHECK(good.out == "imported 1 families, 0 guardians, 1 children, 0 badges\n");
}
