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

namespace {

// kCsv with the winter holiday moved a week earlier, as a corrected file from the académie.
const std::string kCorrectedCsv = "first,last,kind,label\n"
                                  "2026-12-19,2027-01-03,holiday,Vacances de Noël\n"
                                  "2027-02-13,2027-02-28,holiday,\"Vacances d'hiver, zone B\"\n"
                                  "2027-05-07,2027-05-07,closure,Pont de l'Ascension\n";

std::vector<ClosedPeriod> periods_of(const std::vector<protocol::Change>& changes) {
    std::vector<ClosedPeriod> periods;
    for (const protocol::Change& change : changes) {
        const auto& record = std::get<protocol::ClosedPeriodRecord>(change.data);
        if (change.kind == protocol::ChangeKind::Upsert)
            periods.push_back(record.period);
        else
            std::erase_if(periods, [&](const ClosedPeriod& p) { return p == record.period; });
    }
    return periods;
}

} // namespace

TEST_CASE("a corrected calendar names the dates it no longer has, and --replace removes them at once") {
    Portal portal;
    REQUIRE(portal.import({portal.write("zone-b.csv", kCsv)}).exit_code == 0);
    const std::string corrected = portal.write("zone-b-corrected.csv", kCorrectedCsv);

    // Without --replace the old winter dates stay closed, and the admin is told so for each site.
    const ProcessResult kept = portal.import({corrected, "--site", "Curie"});
    CHECK(kept.exit_code == 0);
    CHECK(kept.out == "imported 1 closed periods for 1 site (2 already there)\n");
    CHECK(kept.err == "portal: warning: Curie keeps holiday 2027-02-20 to 2027-03-07 \"Vacances d'hiver, "
                      "zone B\", within the file's dates but not in it; --replace removes it\n");
    CHECK(periods_of(portal.changes(portal.curie)).size() == 4);

    const std::int64_t before = portal.changes(portal.ferry).back().seq;
    const ProcessResult replaced = portal.import({corrected, "--site", "Jules Ferry", "--replace"});
    CHECK(replaced.exit_code == 0);
    CHECK(replaced.out ==
          "imported 1 closed periods for 1 site (2 already there, 1 no longer in the file removed)\n");
    CHECK(replaced.err.empty());
    const auto ferry = portal.changes(portal.ferry);
    const auto periods = periods_of(ferry);
    REQUIRE(periods.size() == 3);
    CHECK(format_date(periods[2].first) == "2027-02-13");
    // The deletion and the new dates are one server transaction: a page of one change holds both.
    auto store = open_sqlite_portal_store(portal.dir / "portal.sqlite", OpenMode::MustExist).value();
    const auto page = store->changes_after(portal.ferry, before, 1).value();
    REQUIRE(page.changes.size() == 2);
    CHECK(page.changes[0].kind == protocol::ChangeKind::Delete);
    CHECK(format_date(std::get<protocol::ClosedPeriodRecord>(page.changes[0].data).period.first) ==
          "2027-02-20");
    CHECK(page.changes[1].kind == protocol::ChangeKind::Upsert);
    // Once more: nothing left to add or remove.
    CHECK(portal.import({corrected, "--site", "Jules Ferry", "--replace"}).out ==
          "imported 0 closed periods for 1 site (3 already there, 0 no longer in the file removed)\n");
}

TEST_CASE(
    "a calendar imported with --replace leaves alone the periods of other kinds and outside its dates") {
    Portal portal;
    REQUIRE(portal.import({portal.write("zone-b.csv", kCsv)}).exit_code == 0);
    REQUIRE(portal
                .import({portal.write("strikes.csv", "first,last,kind,label\n"
                                                     "2027-01-15,2027-01-15,closure,Grève\n"
                                                     "2027-06-10,2027-06-10,closure,Travaux\n")})
                .exit_code == 0);
    // Holidays only, from Christmas to winter: the closures inside those dates are not its business,
    // nor anything after the winter holiday.
    const std::string holidays =
        portal.write("holidays.csv", "first,last,kind,label\n"
                                     "2026-12-19,2027-01-03,holiday,Vacances de Noël\n"
                                     "2027-02-20,2027-03-07,holiday,Hiver\n");
    const ProcessResult result = portal.import({holidays, "--replace", "--site", "Curie"});
    CHECK(result.exit_code == 0);
    CHECK(result.out ==
          "imported 1 closed periods for 1 site (1 already there, 1 no longer in the file removed)\n");
    const auto periods = periods_of(portal.changes(portal.curie));
    REQUIRE(periods.size() == 5);
    std::vector<std::string> labels;
    for (const ClosedPeriod& period : periods)
        labels.push_back(period.label);
    std::sort(labels.begin(), labels.end());
    CHECK(labels ==
          std::vector<std::string>{"Grève", "Hiver", "Pont de l'Ascension", "Travaux", "Vacances de Noël"});
}
