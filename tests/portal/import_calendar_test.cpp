// `portal import calendar` as an admin runs it (the real executable on a real SQLite file): every site
// gets the file's closed periods in its change log, a second import changes nothing, a bad line
// imports nothing and is named.
#include "badgeuse/portal/import_calendar.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace badgeuse;
using namespace badgeuse::portal;
using badgeuse::testing::ProcessResult;
using badgeuse::testing::run_process;
using badgeuse::testing::TempDir;

namespace {

const std::string kCsv = "first,last,kind,label\n"
                         "2026-12-19,2027-01-03,holiday,Vacances de Noël\n"
                         "2027-02-20,2027-03-07,holiday,\"Vacances d'hiver, zone B\"\n"
                         "2027-05-07,2027-05-07,closure,Pont de l'Ascension\n";

const std::string kIcs =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n"
    "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20261219\r\nDTEND;VALUE=DATE:20270104\r\n"
    "SUMMARY:Vacances de Noël - Zone B\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

// A portal with two sites, Jules Ferry (1) and Curie (2), and its portal.toml.
struct Portal {
    TempDir dir;
    std::string config = (dir / "portal.toml").string();
    SiteId ferry;
    SiteId curie;

    Portal() {
        std::ofstream(config) << "[database]\nurl = \"sqlite://portal.sqlite\"\n";
        auto store = open_sqlite_portal_store(dir / "portal.sqlite", OpenMode::CreateIfMissing).value();
        ferry = store->add_site(Site{SiteId{}, "Jules Ferry", "Laigneville"}).value();
        curie = store->add_site(Site{SiteId{}, "Curie", "Laigneville"}).value();
    }

    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
        return (dir / name).string();
    }

    ProcessResult import(const std::vector<std::string>& args) const {
        std::vector<std::string> all{"import", "calendar"};
        all.insert(all.end(), args.begin(), args.end());
        all.insert(all.end(), {"--config", config});
        return run_process(BADGEUSE_PORTAL_EXE, all);
    }

    std::vector<protocol::Change> changes(SiteId site) const {
        auto store = open_sqlite_portal_store(dir / "portal.sqlite", OpenMode::MustExist).value();
        return store->changes_after(site, 0, 5000).value().changes;
    }
};

} // namespace

TEST_CASE("a calendar CSV gives every site its closed periods in the change log") {
    Portal portal;
    const ProcessResult result = portal.import({portal.write("zone-b.csv", kCsv)});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "imported 6 closed periods for 2 sites (0 already there)\n");
    for (SiteId site : {portal.ferry, portal.curie}) {
        const auto changes = portal.changes(site);
        REQUIRE(changes.size() == 3);
        const auto& winter = std::get<protocol::ClosedPeriodRecord>(changes[1].data).period;
        CHECK(format_date(winter.first) == "2027-02-20");
        CHECK(format_date(winter.last) == "2027-03-07");
        CHECK(winter.kind == ClosureKind::SchoolHoliday);
        CHECK(winter.label == "Vacances d'hiver, zone B");
        CHECK(std::get<protocol::ClosedPeriodRecord>(changes[2].data).period.kind == ClosureKind::Closure);
    }
}

TEST_CASE("importing the same calendar twice changes nothing the second time") {
    Portal portal;
    const std::string file = portal.write("zone-b.csv", kCsv);
    REQUIRE(portal.import({file}).exit_code == 0);
    const auto before = portal.changes(portal.ferry);
    const ProcessResult again = portal.import({file});
    CHECK(again.exit_code == 0);
    CHECK(again.out == "imported 0 closed periods for 2 sites (6 already there)\n");
    CHECK(portal.changes(portal.ferry).size() == before.size());
}

TEST_CASE("the ministry's ics file is imported for the one site named") {
    Portal portal;
    const ProcessResult result = portal.import({portal.write("zone-b.ics", kIcs), "--site", "Curie"});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "imported 1 closed periods for 1 site (0 already there)\n");
    CHECK(portal.changes(portal.ferry).empty());
    const auto changes = portal.changes(portal.curie);
    REQUIRE(changes.size() == 1);
    const auto& christmas = std::get<protocol::ClosedPeriodRecord>(changes[0].data).period;
    CHECK(christmas.label == "Vacances de Noël");
    CHECK(format_date(christmas.last) == "2027-01-03"); // DTEND is exclusive
}

TEST_CASE("a calendar with a bad line imports nothing and names the line") {
    Portal portal;
    const std::string bad = kCsv + "2027-04-31,2027-05-02,holiday,Printemps\n";
    const ProcessResult result = portal.import({portal.write("zone-b.csv", bad)});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("zone-b.csv") && Catch::Contains("line 5") &&
                               Catch::Contains("nothing was imported"));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(portal.changes(portal.ferry).empty());
    CHECK(portal.changes(portal.curie).empty());
}

TEST_CASE("a calendar for an unknown site or of an unknown format is refused") {
    Portal portal;
    const ProcessResult site = portal.import({portal.write("zone-b.csv", kCsv), "--site", "Pasteur"});
    CHECK(site.exit_code == 2);
    CHECK_THAT(site.err, Catch::Contains("no site named \"Pasteur\""));
    const ProcessResult format = portal.import({portal.write("zone-b.txt", kCsv)});
    CHECK(format.exit_code == 2);
    CHECK_THAT(format.err, Catch::Contains("expected .ics or .csv"));
    const ProcessResult missing = portal.import({(portal.dir / "none.csv").string()});
    CHECK(missing.exit_code == 2);
    CHECK(portal.changes(portal.ferry).empty());
}
