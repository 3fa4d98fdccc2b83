// `portal import staff`: a CSV of one site's staff and their badges, all or nothing, errors by line
// and column, like the families.
#include "badgeuse/portal/import_staff.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace badgeuse;
using namespace badgeuse::portal;
using badgeuse::testing::run_process;
using badgeuse::testing::TempDir;

namespace {

const std::string kHeader = std::string(kStaffHeader) + "\n";

// A portal with the site Jules Ferry, one family whose child holds the badge 04A1B2C3.
struct Db {
    TempDir dir;
    std::unique_ptr<PortalStore> store =
        open_sqlite_portal_store(dir / "portal.sqlite", OpenMode::CreateIfMissing).value();
    SiteId site = store->add_site(Site{SiteId{}, "Jules Ferry", "Laigneville"}).value();

    Db() {
        Child lea;
        lea.family = FamilyId{1};
        lea.first_name = "Léa";
        REQUIRE(store
                    ->commit(site, {{protocol::ChangeKind::Upsert,
                                     Family{FamilyId{}, site, "BLENFANCE-1-1", "Martin"}},
                                    {protocol::ChangeKind::Upsert, lea},
                                    {protocol::ChangeKind::Upsert,
                                     Badge{"04A1B2C3", HolderKind::Child, 1, BadgeState::Active}}})
                    .ok());
    }

    std::size_t changes() { return store->changes_after(site, 0, 5000)->changes.size(); }
};

} // namespace

TEST_CASE("a staff file adds the site's staff members and their badges") {
    Db db;
    const std::string csv = kHeader + "Jules Ferry,Nadia,Benali,animatrice,04:ff:ee:01\n"
                                      "Jules Ferry,Marc,\"Dupont, dit Marco\",cuisine,\r\n";
    auto summary = import_staff(*db.store, csv, "staff.csv");
    REQUIRE(summary.ok());
    CHECK(summary->staff == 2);
    CHECK(summary->badges == 1);
    const auto changes = db.store->changes_after(db.site, 3, 100)->changes;
    REQUIRE(changes.size() == 3);
    const auto& nadia = std::get<StaffMember>(changes[0].data);
    CHECK(nadia.first_name == "Nadia");
    CHECK(nadia.role == "animatrice");
    CHECK(nadia.site == db.site);
    CHECK(std::get<StaffMember>(changes[1].data).last_name == "Dupont, dit Marco");
    const auto& badge = std::get<Badge>(changes[2].data);
    CHECK(badge.uid == "04FFEE01");
    CHECK(badge.holder_kind == HolderKind::Staff);
    CHECK(badge.holder_id == nadia.id.value);
}

TEST_CASE("a bad staff row names its line and column, and nothing is imported") {
    Db db;
    const std::size_t before = db.changes();
    const auto error_of = [&](const std::string& rows) {
        auto summary = import_staff(*db.store, kHeader + rows, "staff.csv");
        REQUIRE_FALSE(summary.ok());
        return summary.error().message;
    };
    const std::string good = "Jules Ferry,Nadia,Benali,animatrice,04FFEE01\n";
    CHECK(error_of(good + "Jules Ferry,Marc,Dupont,,\n") ==
          "staff.csv:3: role (column 4): missing (such as animatrice, cuisine, direction)");
    CHECK_THAT(error_of(good + "Jules Ferry,Marc,Dupont,cuisine,04ZZ\n"),
               Catch::StartsWith("staff.csv:3: badge_uid (column 5):"));
    CHECK(error_of(good + "Jules Ferry,Marc,Dupont,cuisine,04:ff:ee:01\n") ==
          "staff.csv:3: badge_uid (column 5): this badge is already given on line 2");
    CHECK(error_of(good + "Jules Ferry,Marc,Dupont,cuisine,04A1B2C3\n") ==
          "staff.csv:3: badge_uid (column 5): this badge is already on the portal (child 1)");
    CHECK_THAT(error_of(good + "Curie,Marc,Dupont,cuisine,\n"),
               Catch::StartsWith("staff.csv:3: site (column 1): one file holds one site"));
    CHECK(error_of("Pasteur,Marc,Dupont,cuisine,\n") ==
          "staff.csv:2: site (column 1): no site named \"Pasteur\" on the portal: import its families first");
    CHECK(error_of(good + "Jules Ferry,Marc,Dupont\n") == "staff.csv:3: expected 5 columns, found 3");
    CHECK_THAT(error_of(good + good), Catch::Contains("already on the portal or earlier in the file"));
    CHECK(db.changes() == before);
}

TEST_CASE("a staff member already on the portal is refused: the import adds new staff only") {
    Db db;
    REQUIRE(import_staff(*db.store, kHeader + "Jules Ferry,Nadia,Benali,animatrice,\n", "staff.csv").ok());
    auto again = import_staff(*db.store, kHeader + "Jules Ferry,Nadia,Benali,direction,\n", "staff.csv");
    REQUIRE_FALSE(again.ok());
    CHECK_THAT(again.error().message,
               Catch::StartsWith("staff.csv:2: last_name (column 3): Nadia Benali is already"));
}

TEST_CASE("portal import staff reports the count, or the error on one line with status 2") {
    Db db;
    std::ofstream(db.dir / "portal.toml") << "[database]\nurl = \"sqlite://portal.sqlite\"\n";
    std::ofstream(db.dir / "staff.csv") << kHeader << "Jules Ferry,Nadia,Benali,animatrice,04FFEE01\n";
    std::ofstream(db.dir / "bad.csv")
        << "site,first_name,last_name,role\nJules Ferry,Nadia,Benali,animatrice\n";
    const std::string config = (db.dir / "portal.toml").string();
    const auto ok = run_process(BADGEUSE_PORTAL_EXE,
                                {"import", "staff", (db.dir / "staff.csv").string(), "--config", config});
    CHECK(ok.exit_code == 0);
    CHECK(ok.out == "imported 1 staff members, 1 badges\nstaff 1: Nadia Benali (animatrice)\n");
    const auto bad = run_process(BADGEUSE_PORTAL_EXE,
                                 {"import", "staff", (db.dir / "bad.csv").string(), "--config", config});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err ==
          "portal: bad.csv:1: expected the header site,first_name,last_name,role,badge_uid; nothing "
          "was imported\n");
}
