// kiosk.toml: values read, and a bad one refused with the file, the key and what was expected.
#include "kiosk_config.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace badgeuse;

namespace {

std::string refusal(const std::string& text) {
    testing::TempDir dir;
    auto path = dir / "kiosk.toml";
    std::ofstream(path) << text;
    try {
        (void)kiosk::read_kiosk_config(path, {});
    } catch (const kiosk::ConfigError& e) {
        return e.what();
    }
    return "accepted";
}

} // namespace

TEST_CASE("kiosk.toml's values are read and paths are relative to the file") {
    testing::TempDir dir;
    auto path = dir / "kiosk.toml";
    std::ofstream(path) << "[kiosk]\ndatabase = \"data/kiosk.sqlite\"\nlanguage = \"en\"\n"
                           "[display]\nfullscreen = false\nwidth = 800\nheight = 480\n"
                           "[sessions]\nidle_sign_out_seconds = 90\n";
    auto config = kiosk::read_kiosk_config(path, {});
    CHECK(config.database == dir / "data/kiosk.sqlite");
    CHECK(config.language == app::Language::English);
    CHECK_FALSE(config.fullscreen);
    CHECK(config.width == 800);
    CHECK(config.idle_sign_out == std::chrono::seconds{90});
}

TEST_CASE("a bad kiosk.toml value names the file and the key and says what was expected") {
    CHECK(refusal("[display]\nwidth = 100\n")
              .ends_with("kiosk.toml: display.width: expected a whole number from 800 to 7680"));
    CHECK(refusal("[kiosk]\nlanguage = \"de\"\n")
              .ends_with("kiosk.toml: kiosk.language: expected \"fr\" or \"en\", got \"de\""));
    CHECK(refusal("[display]\nfullscren = true\n").find("display.fullscren: unknown key") !=
          std::string::npos);
    CHECK(refusal("[display\n").find("kiosk.toml:1: ") != std::string::npos);
}
