// The kiosk and the portal as an admin runs them: `portal serve` over TLS and `kiosk --enroll` then
// `kiosk --headless --config kiosk.toml`, real processes on loopback. A tap reaches the portal; a
// parent's booking and cancellation on the portal's web API reach the kiosk's database at its next pull.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/store/store.hpp"
#include "fault_proxy.hpp"
#include "kiosk_process.hpp"
#include "run_process.hpp"
#include "sync_fixture.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

using namespace badgeuse;
using namespace badgeuse::sync_tests;
using badgeuse::testing::PortalFixture;
using badgeuse::testing::run_process;
using badgeuse::testing::TempDir;
using namespace std::chrono_literals;

namespace {

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    if (const auto newline = text.rfind('\n'); newline != std::string::npos)
        text.erase(0, newline + 1);
    return text;
}

// A one-time code, as the town's admin prints it.
std::string mint_code(const PortalFixture& portal) {
    const auto printed = run_process(BADGEUSE_PORTAL_EXE, {"enroll", "--site", portal.site().name, "--name",
                                                           "préau", "--config", portal.config().string()});
    INFO(printed.err);
    REQUIRE(printed.exit_code == 0);
    return trimmed(printed.out);
}

std::string web_token(const PortalFixture& portal) {
    const auto printed = run_process(BADGEUSE_PORTAL_EXE,
                                     {"web-token", "--name", "mairie", "--config", portal.config().string()});
    INFO(printed.err);
    REQUIRE(printed.exit_code == 0);
    return trimmed(printed.out);
}

std::string server_of(std::uint16_t port) {
    return "https://127.0.0.1:" + std::to_string(port);
}

// kiosk.toml with [sync]; the database and the token beside it.
std::filesystem::path write_kiosk_toml(const std::filesystem::path& dir, std::uint16_t port,
                                       const std::filesystem::path& ca, int pull_seconds = 30) {
    std::filesystem::create_directories(dir);
    const auto path = dir / "kiosk.toml";
    std::ofstream file(path);
    file << "[kiosk]\ndatabase = \"kiosk.sqlite\"\n\n[sync]\nserver = \"" << server_of(port) << "\"\nca = \""
         << ca.string() << "\"\ntoken_file = \"token\"\npull_seconds = " << pull_seconds << "\n";
    return path;
}

testing::ProcessResult enroll(const std::filesystem::path& toml, const std::string& code,
                              const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"--enroll", code, "--config", toml.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_process(BADGEUSE_KIOSK_EXE, args);
}

std::string file_text(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// A port nothing listens on: bound, then closed.
std::uint16_t closed_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t size = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    close(fd);
    return ntohs(address.sin_port);
}

// The kiosk's database, read from outside while the kiosk runs (WAL lets a second reader in).
store::Store open_kiosk_db(const std::filesystem::path& path) {
    auto opened = store::Store::open(path, store::IntegrityCheck::Skip);
    INFO((opened.ok() ? std::string("ok") : opened.error().message));
    REQUIRE(opened.ok());
    return std::move(*opened);
}

// The first Monday at least a week after today by the real clock: bookable on the web until the
// Thursday before at 10:00.
Date bookable_monday() {
    Date day = add_days(paris::local_date(WallClock{}.now()), 7);
    while (weekday_of(day) != std::chrono::Monday)
        day = add_days(day, 1);
    return day;
}

} // namespace

TEST_CASE("kiosk --enroll writes a 0600 token and the site, and will not overwrite it without --force") {
    TempDir dir;
    auto options = portal_options("");
    PortalFixture portal(dir.path() / "portal", options);
    const auto toml = write_kiosk_toml(dir.path() / "kiosk", portal.port(), *portal.ca());
    const std::string code = mint_code(portal);

    const auto first = enroll(toml, code);
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.out, Catch::Contains("École Jules Ferry"));
    const auto token_file = dir.path() / "kiosk" / "token";
    struct stat info {};
    REQUIRE(stat(token_file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const std::string token = file_text(token_file);
    CHECK(token.size() > 20);
    {
        store::Store kiosk = open_kiosk_db(dir.path() / "kiosk" / "kiosk.sqlite");
        auto site = kiosk.sites().get(portal.site().site);
        REQUIRE(site.ok());
        REQUIRE(site->has_value());
        CHECK((*site)->name == "École Jules Ferry");
    }

    const auto again = enroll(toml, mint_code(portal));
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.err, Catch::Contains("already holds a token") && Catch::Contains("--force"));
    CHECK(file_text(token_file) == token);

    const auto reused = enroll(toml, code, {"--force"});
    CHECK(reused.exit_code == 1);
    CHECK_THAT(reused.err, Catch::Contains("already used"));
    CHECK(file_text(token_file) == token);

    const auto forced = enroll(toml, mint_code(portal), {"--force"});
    INFO(forced.err);
    CHECK(forced.exit_code == 0);
    CHECK(file_text(token_file) != token);
}

TEST_CASE(
    "kiosk --enroll says which it was: an unreachable portal, an untrusted certificate, an expired code") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options(""));
    const std::string code = mint_code(portal);

    const auto unreachable = enroll(write_kiosk_toml(dir.path() / "a", closed_port(), *portal.ca()), code);
    CHECK(unreachable.exit_code == 1);
    CHECK_THAT(unreachable.err, Catch::Contains("cannot reach the portal"));

    const auto untrusted = enroll(
        write_kiosk_toml(dir.path() / "b", portal.port(), dir.path() / "portal" / "pki" / "other-ca.pem"),
        code);
    CHECK(untrusted.exit_code == 1);
    CHECK_THAT(untrusted.err, Catch::Contains("not trusted"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "b" / "token"));

    // The same code two days later by the portal's clock: older than 24 hours.
    portal.process().kill_hard();
    auto later = portal_options("");
    const auto in_two_days = WallClock{}.now() + std::chrono::hours(48);
    TempDir other;
    later.clock_start = paris::format_iso8601(in_two_days);
    PortalFixture late_portal(other.path() / "portal", later);
    const std::string old_code = mint_code(late_portal); // minted by the real clock, 24 h validity
    const auto expired =
        enroll(write_kiosk_toml(dir.path() / "c", late_portal.port(), *late_portal.ca()), old_code);
    CHECK(expired.exit_code == 1);
    CHECK_THAT(expired.err, Catch::Contains("older than 24 hours"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "c" / "token"));
}

TEST_CASE("a tap at a headless kiosk reaches the portal, and a web cancellation reaches the kiosk") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options(""));
    const auto kiosk_dir = dir.path() / "kiosk";
    const auto toml = write_kiosk_toml(kiosk_dir, portal.port(), *portal.ca(), 5);
    const auto enrolled = enroll(toml, mint_code(portal));
    INFO(enrolled.err);
    REQUIRE(enrolled.exit_code == 0);

    KioskProcess kiosk(
        {BADGEUSE_KIOSK_EXE, "--headless", "--config", toml.string(), "--clock-start", kCanteenTime},
        kiosk_dir / "kiosk.log");
    const auto db = kiosk_dir / "kiosk.sqlite";
    // The first pull brings the site's children and badges.
    if (!wait_until([&] { return open_kiosk_db(db).badges().find(badge_of_child(0))->has_value(); }, 15s))
        FAIL("the kiosk pulled nothing; cursor " << *open_kiosk_db(db).pull_cursor() << ", badges "
                                                 << open_kiosk_db(db).badges().list()->size()
                                                 << "; its log:\n"
                                                 << kiosk.log());

    kiosk.tap(badge_of_child(0));
    const std::string verdict = kiosk.next_line();
    INFO(verdict << "\n" << kiosk.log());
    const auto at = verdict.find("\"event\":\"");
    REQUIRE(at != std::string::npos);
    const std::string event = verdict.substr(at + 9, 36);
    auto stored_once = [&] {
        const auto stored = portal_event_ids(portal.database());
        const auto found = stored.find(event);
        return found != stored.end() && found->second == 1;
    };
    REQUIRE(wait_until(stored_once, 5s));

    // A parent books, then cancels, on the town's web site; each reaches the kiosk at a pull.
    testing::PortalClient web = portal.client();
    web.set_token(web_token(portal));
    const Date monday = bookable_monday();
    const ChildId child = portal.site().children[1];
    auto booking = [&](const char* action) {
        return R"({"child":)" + std::to_string(child.value) + R"(,"activity":)" +
               std::to_string(portal.site().canteen.value) + R"(,"day":")" + format_date(monday) +
               R"(","action":")" + action + R"("})";
    };
    auto reserved = [&] {
        return *open_kiosk_db(db).reservations().is_reserved(child, portal.site().canteen, monday);
    };
    const auto booked = web.post("/v1/web/bookings", booking("book"));
    INFO(booked.body << booked.error);
    REQUIRE(booked.status == 200);
    CHECK_THAT(booked.body, Catch::Contains("accepted"));
    REQUIRE(wait_until(reserved, 12s));
    const auto cancelled = web.post("/v1/web/bookings", booking("cancel"));
    REQUIRE(cancelled.status == 200);
    CHECK_THAT(cancelled.body, Catch::Contains("accepted"));
    REQUIRE(wait_until([&] { return !reserved(); }, 12s));

    CHECK(kiosk.finish() == 0);
    CHECK(stored_once());
}

TEST_CASE("a headless kiosk keeps its taps while the portal is down and delivers each once when it is back") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options(""));
    testing::FaultProxy proxy(portal.port(), 7);
    proxy.set_faults(false);
    const auto kiosk_dir = dir.path() / "kiosk";
    const auto toml = write_kiosk_toml(kiosk_dir, proxy.port(), *portal.ca(), 5);
    REQUIRE(enroll(toml, mint_code(portal)).exit_code == 0);
    KioskProcess kiosk(
        {BADGEUSE_KIOSK_EXE, "--headless", "--config", toml.string(), "--clock-start", kCanteenTime},
        kiosk_dir / "kiosk.log");
    const auto db = kiosk_dir / "kiosk.sqlite";
    if (!wait_until([&] { return open_kiosk_db(db).badges().find(badge_of_child(2))->has_value(); }, 15s))
        FAIL("the kiosk pulled nothing; its log:\n" << kiosk.log());

    portal.process().kill_hard();
    std::vector<std::string> events;
    for (int child = 0; child < 3; ++child) {
        kiosk.tap(badge_of_child(child));
        const std::string verdict = kiosk.next_line();
        const auto at = verdict.find("\"event\":\"");
        INFO(verdict);
        REQUIRE(at != std::string::npos); // recorded at once, portal or not
        events.push_back(verdict.substr(at + 9, 36));
    }
    CHECK(*open_kiosk_db(db).outbox_count() == 3);

    portal.restart();
    proxy.set_target_port(portal.port());
    auto all_once = [&] {
        const auto stored = portal_event_ids(portal.database());
        for (const auto& id : events)
            if (auto found = stored.find(id); found == stored.end() || found->second != 1)
                return false;
        return true;
    };
    if (!wait_until(all_once, 20s))
        FAIL("not every tap reached the portal; the kiosk's log:\n" << kiosk.log());
    REQUIRE(wait_until([&] { return *open_kiosk_db(db).outbox_count() == 0; }, 5s));
    CHECK(kiosk.finish() == 0);
    CHECK_THAT(kiosk.log(), Catch::Contains("next try in"));
}

TEST_CASE("a headless kiosk trusting another CA refuses the portal and sends it nothing") {
    TempDir dir;
    PortalFixture portal(dir.path() / "portal", portal_options(""));
    const auto kiosk_dir = dir.path() / "kiosk";
    // Enrolled while it trusted the right CA; then its CA file is replaced by an unrelated one.
    const auto toml = write_kiosk_toml(kiosk_dir, portal.port(), *portal.ca(), 5);
    REQUIRE(enroll(toml, mint_code(portal)).exit_code == 0);
    write_kiosk_toml(kiosk_dir, portal.port(), dir.path() / "portal" / "pki" / "other-ca.pem", 5);
    KioskProcess kiosk(
        {BADGEUSE_KIOSK_EXE, "--headless", "--config", toml.string(), "--clock-start", kCanteenTime},
        kiosk_dir / "kiosk.log");
    if (!wait_until([&] { return kiosk.log().find("not trusted") != std::string::npos; }, 10s))
        FAIL("no certificate refusal in the kiosk's log:\n" << kiosk.log());
    kiosk.tap("0A0B0C0D"); // unknown here (nothing was pulled): refused, kept locally
    CHECK_THAT(kiosk.next_line(), Catch::Contains("\"uid\":\"0A0B0C0D\""));
    CHECK(kiosk.finish() == 0);
    CHECK(portal_event_ids(portal.database()).empty());
    CHECK(open_kiosk_db(kiosk_dir / "kiosk.sqlite").children().list()->empty());
}
