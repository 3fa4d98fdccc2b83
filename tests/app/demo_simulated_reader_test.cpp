// The demo kiosk reads badges through the simulated reader: `badge-sim tap` against the running kiosk
// window (under a private Xvfb) records the child's arrival in the kiosk's database.
#include "badgeuse/demo/demo_school.hpp"
#include "run_process.hpp"
#include "temp_dir.hpp"
#include "xvfb.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace badgeuse;
using namespace badgeuse::testing;
using namespace std::chrono_literals;

namespace {

template <typename Condition>
bool wait_for(Condition condition, std::chrono::seconds limit) {
    auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (condition())
            return true;
        std::this_thread::sleep_for(100ms);
    }
    return condition();
}

int count_rows(const std::filesystem::path& db, const char* sql, const std::string& parameter) {
    sqlite3* handle = nullptr;
    int count = -1;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* query = nullptr;
        if (sqlite3_prepare_v2(handle, sql, -1, &query, nullptr) == SQLITE_OK) {
            sqlite3_bind_text(query, 1, parameter.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(query) == SQLITE_ROW)
                count = sqlite3_column_int(query, 0);
        }
        sqlite3_finalize(query);
    }
    sqlite3_close(handle);
    return count;
}

int events_for(const std::filesystem::path& db, const std::string& uid) {
    sqlite3* handle = nullptr;
    int count = -1;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* query = nullptr;
        if (sqlite3_prepare_v2(handle, "SELECT count(*) FROM attendance_event WHERE badge_uid = ?1", -1,
                               &query, nullptr) == SQLITE_OK) {
            sqlite3_bind_text(query, 1, uid.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(query) == SQLITE_ROW)
                count = sqlite3_column_int(query, 0);
        }
        sqlite3_finalize(query);
    }
    sqlite3_close(handle);
    return count;
}

} // namespace

TEST_CASE("badge-sim tap reaches the running demo kiosk through the simulated reader and is recorded") {
    auto xvfb_error = start_private_xvfb();
    REQUIRE(xvfb_error.empty());
    TempDir dir;
    auto db = dir / "kiosk.sqlite";
    auto socket = dir / "badge-sim.sock";

    pid_t kiosk = fork();
    REQUIRE(kiosk >= 0);
    if (kiosk == 0) {
        std::string db_text = db.string();
        const char* argv[] = {BADGEUSE_KIOSK_EXE, "--demo", "--windowed", "--software", "--db",
                              db_text.c_str(),    nullptr};
        execv(BADGEUSE_KIOSK_EXE, const_cast<char* const*>(argv));
        _exit(127);
    }
    bool listening = wait_for([&] { return std::filesystem::exists(socket); }, 60s);

    // The first active child badge of the demo school, as the kiosk generates it.
    auto school = demo::generate_demo_school();
    std::string uid;
    for (const auto& badge : school.badges)
        if (badge.holder_kind == HolderKind::Child && badge.state == BadgeState::Active) {
            uid = badge.uid;
            break;
        }
    ProcessResult tapped;
    bool recorded = false;
    if (listening) {
        tapped = run_process(BADGEUSE_BADGE_SIM_EXE, {"tap", uid, "--socket", socket.string()});
        recorded = wait_for([&] { return events_for(db, uid) == 1; }, 20s);
    }
    kill(kiosk, SIGTERM);
    if (!wait_for([&] { return waitpid(kiosk, nullptr, WNOHANG) == kiosk; }, 10s)) {
        kill(kiosk, SIGKILL);
        waitpid(kiosk, nullptr, 0);
    }

    REQUIRE(listening);
    CHECK(tapped.exit_code == 0);
    CHECK(recorded);
}

TEST_CASE(
    "make demo's kiosk and portal: a badge-sim tap reaches the portal, and the kiosk's outbox empties") {
    auto xvfb_error = start_private_xvfb();
    REQUIRE(xvfb_error.empty());
    TempDir dir;
    auto db = dir / "kiosk.sqlite";
    auto socket = dir / "badge-sim.sock";
    auto portal_db = dir / "portal" / "portal.sqlite";

    pid_t kiosk = fork();
    REQUIRE(kiosk >= 0);
    if (kiosk == 0) {
        std::string db_text = db.string();
        const char* argv[] = {BADGEUSE_KIOSK_EXE, "--demo", "--with-portal", "--windowed",
                              "--software",       "--db",   db_text.c_str(), nullptr};
        execv(BADGEUSE_KIOSK_EXE, const_cast<char* const*>(argv));
        _exit(127);
    }
    bool listening = wait_for([&] { return std::filesystem::exists(socket); }, 90s);
    auto school = demo::generate_demo_school();
    std::string uid;
    for (const auto& badge : school.badges)
        if (badge.holder_kind == HolderKind::Child && badge.state == BadgeState::Active) {
            uid = badge.uid;
            break;
        }
    ProcessResult tapped;
    bool at_portal = false;
    bool outbox_empty = false;
    if (listening) {
        tapped = run_process(BADGEUSE_BADGE_SIM_EXE, {"tap", uid, "--socket", socket.string()});
        // The portal stores the event by its UUID; the payload carries the badge's UID.
        at_portal = wait_for(
            [&] {
                return count_rows(portal_db, "SELECT count(*) FROM events WHERE instr(payload, ?1) > 0",
                                  uid) == 1;
            },
            60s);
        outbox_empty = wait_for(
            [&] { return count_rows(db, "SELECT count(*) FROM outbox WHERE ?1 = ?1", "") == 0; }, 30s);
    }
    kill(kiosk, SIGTERM);
    if (!wait_for([&] { return waitpid(kiosk, nullptr, WNOHANG) == kiosk; }, 15s)) {
        kill(kiosk, SIGKILL);
        waitpid(kiosk, nullptr, 0);
    }
    REQUIRE(listening);
    CHECK(tapped.exit_code == 0);
    CHECK(at_portal);
    CHECK(outbox_empty);
}
