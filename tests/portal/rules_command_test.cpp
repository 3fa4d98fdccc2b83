// `portal rules`: the real executable, as an admin or a script runs it.
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

using badgeuse::testing::ProcessResult;
using badgeuse::testing::run_process;
using badgeuse::testing::TempDir;

namespace {

ProcessResult portal(const std::vector<std::string>& args) {
    return run_process(BADGEUSE_PORTAL_EXE, args);
}

std::string write_file(const TempDir& dir, const std::string& name, const std::string& text) {
    auto path = dir / name;
    std::ofstream(path) << text;
    return path.string();
}

// A usage error: exit status 2, nothing on stdout, exactly one line on stderr, and no crash.
void check_usage_error(const ProcessResult& r, const std::string& mentions) {
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.signal == 0);
    CHECK(r.out.empty());
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_THAT(r.err, Catch::StartsWith("portal: ") && Catch::Contains(mentions));
}

} // namespace

TEST_CASE("portal rules holidays prints the official list of 2027, sorted, one per line") {
    auto r = portal({"rules", "holidays", "--year", "2027"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "2027-01-01\tJour de l'an\n"
                   "2027-03-29\tLundi de Pâques\n"
                   "2027-05-01\tFête du Travail\n"
                   "2027-05-06\tAscension\n"
                   "2027-05-08\tVictoire 1945\n"
                   "2027-05-17\tLundi de Pentecôte\n"
                   "2027-07-14\tFête nationale\n"
                   "2027-08-15\tAssomption\n"
                   "2027-11-01\tToussaint\n"
                   "2027-11-11\tArmistice 1918\n"
                   "2027-12-25\tNoël\n");
}

TEST_CASE("portal rules holidays knows Alsace-Moselle's two extra days") {
    auto r = portal({"rules", "holidays", "--year", "2026", "--region", "alsace-moselle"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out,
               Catch::Contains("2026-04-03\tVendredi saint") && Catch::Contains("2026-12-26\tSaint-Étienne"));
}

TEST_CASE("portal rules deadline prints the last accepted moment with its offset") {
    CHECK(portal({"rules", "deadline", "--day", "2027-05-07"}).out == "2027-05-04T10:00:00+02:00\n");
    CHECK(portal({"rules", "deadline", "--day", "2027-01-04"}).out == "2026-12-30T10:00:00+01:00\n");
}

TEST_CASE("portal rules deadline follows the rule and the closures of portal.toml") {
    TempDir dir;
    write_file(dir, "closures.csv",
               "first,last,kind,label\n2026-12-19,2027-01-03,holiday,Vacances de Noël\n");
    auto config = write_file(dir, "portal.toml",
                             "[booking]\ndays_before = 3\nhour = \"09:00\"\n"
                             "[calendar]\nfiles = [\"closures.csv\"]\n");
    auto r = portal({"rules", "deadline", "--day", "2026-12-10", "--config", config});
    CHECK(r.err.empty());
    CHECK(r.out == "2026-12-07T09:00:00+01:00\n");
    auto week = portal({"rules", "week", "--from", "2026-12-21", "--config", config});
    CHECK_THAT(week.out, Catch::Contains("2026-12-21\tlundi\tfermé (Vacances de Noël)"));
    CHECK_THAT(week.out, Catch::Contains("2026-12-25\tvendredi\tfermé (Noël)"));
}

TEST_CASE("portal rules check says open until, or closed since, the deadline") {
    CHECK(portal({"rules", "check", "--day", "2027-05-07", "--at", "2027-05-04T09:59:59+02:00"}).out ==
          "open until 2027-05-04T10:00:00+02:00\n");
    CHECK(portal({"rules", "check", "--day", "2027-05-07", "--at", "2027-05-04T08:00:00Z"}).out ==
          "closed since 2027-05-04T10:00:00+02:00\n");
}

TEST_CASE("portal rules refuses bad input with one line naming the problem and status 2") {
    check_usage_error(portal({"rules", "deadline", "--day", "2027-02-30"}), "no such day");
    check_usage_error(portal({"rules", "deadline", "--day", "07/05/2027"}), "YYYY-MM-DD");
    check_usage_error(portal({"rules", "deadline", "--day", "2201-01-05"}), "outside the years");
    check_usage_error(portal({"rules", "holidays", "--year", "1899"}), "1900 to 2200");
    check_usage_error(portal({"rules", "holidays", "--year", "20x7"}), "expected a year");
    check_usage_error(portal({"rules", "holidays"}), "--year");
    check_usage_error(portal({"rules", "holidays", "--year", "2027", "--frobnicate"}), "frobnicate");
    check_usage_error(portal({"rules", "check", "--day", "2027-05-07", "--at", "2027-05-04T09:59:59"}),
                      "offset");
    check_usage_error(portal({"rules", "check", "--day", "2027-05-07"}), "--at");
    check_usage_error(portal({"rules"}), "holidays, deadline, check, week");
    check_usage_error(portal({}), "subcommand");
    check_usage_error(portal({"rules", "teleport"}), "teleport");
}

TEST_CASE("a bad portal.toml names the file, the key and what was expected") {
    TempDir dir;
    auto bad_hour = write_file(dir, "hour.toml", "[booking]\nhour = \"25:00\"\n");
    check_usage_error(portal({"rules", "deadline", "--day", "2027-05-07", "--config", bad_hour}),
                      "hour.toml: booking.hour: expected a time");
    auto typo = write_file(dir, "typo.toml", "[booking]\ndays_befor = 2\n");
    check_usage_error(portal({"rules", "deadline", "--day", "2027-05-07", "--config", typo}),
                      "booking.days_befor: unknown key");
    auto negative = write_file(dir, "neg.toml", "[booking]\ndays_before = -1\n");
    check_usage_error(portal({"rules", "deadline", "--day", "2027-05-07", "--config", negative}),
                      "booking.days_before");
    auto broken = write_file(dir, "broken.toml", "[booking\n");
    check_usage_error(portal({"rules", "deadline", "--day", "2027-05-07", "--config", broken}),
                      "broken.toml:1");
    check_usage_error(
        portal({"rules", "deadline", "--day", "2027-05-07", "--config", (dir / "none.toml").string()}),
        "no such configuration file");
}

TEST_CASE("portal --help prints the usage and succeeds") {
    auto r = portal({"--help"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("rules"));
    auto sub = portal({"rules", "deadline", "--help"});
    CHECK(sub.exit_code == 0);
    CHECK_THAT(sub.out, Catch::Contains("--day"));
}
