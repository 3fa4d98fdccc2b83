// The kiosk executable as an admin meets it: --headless prints a JSON verdict a tap, a bad kiosk.toml
// stops it naming the file and the key, and with no display it says so instead of crashing.
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

using namespace badgeuse::testing;

TEST_CASE("kiosk --headless --demo writes one JSON verdict a line for the UIDs on stdin") {
    TempDir dir;
    auto db = (dir / "kiosk.sqlite").string();
    auto result =
        run_process(BADGEUSE_KIOSK_EXE, {"--headless", "--demo", "--db", db}, "0BADC0DE\n# comment\nzz\n");
    INFO(result.err);
    CHECK(result.exit_code == 0);
    auto first = result.out.substr(0, result.out.find('\n'));
    CHECK(first.find("\"uid\":\"0BADC0DE\"") != std::string::npos);
    CHECK(first.find("\"verdict\":\"unknown_badge\"") != std::string::npos);
    CHECK(first.find("\"tone\":\"red\"") != std::string::npos);
    CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 2);
}

TEST_CASE("a bad kiosk.toml stops the kiosk with status 2, naming the file, the key and what was expected") {
    TempDir dir;
    auto path = dir / "kiosk.toml";
    std::ofstream(path) << "[sessions]\nmax_pin_failures = 1\n";
    auto result = run_process(BADGEUSE_KIOSK_EXE, {"--headless", "--config", path.string()});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "kiosk: " + path.string() + ": sessions.max_pin_failures: expected a whole number from 3 to 20\n");
}

TEST_CASE("without a display the kiosk says so and exits instead of crashing") {
    TempDir dir;
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    auto result = run_process(BADGEUSE_KIOSK_EXE, {"--demo", "--db", (dir / "k.sqlite").string()});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("no display") != std::string::npos);
}
