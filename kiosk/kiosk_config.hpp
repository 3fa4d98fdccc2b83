// kiosk.toml: the kiosk's configuration. Read once at start-up; an unknown key or a bad value stops the
// program with the file, the key and what was expected (ConfigError, the one exception of the kiosk).
#pragma once

#include "badgeuse/app/catalog.hpp"
#include "badgeuse/app/sync_connection.hpp"
#include "badgeuse/drivers/reader_config.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace badgeuse::kiosk {

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct KioskConfig {
    std::filesystem::path database = "kiosk.sqlite";
    app::Language language = app::Language::French;
    bool fullscreen = true;
    int width = 1280; // windowed size
    int height = 800;
    std::chrono::minutes dim_after{5};
    std::chrono::seconds idle_sign_out{60};
    int max_pin_failures = 5;
    std::chrono::minutes lockout{15};
    std::filesystem::path assets;
    std::filesystem::path fonts = "/usr/share/fonts/truetype/dejavu";
    // [reader]: the badge reader. Absent: no reader runs (the staff screen says so), except in --demo.
    std::optional<drivers::ReaderConfig> reader;
    // [sync]: the portal. Absent: the kiosk works alone (the badge screen says "non configuré").
    std::optional<app::SyncConfig> sync;
};

// Paths in the file are relative to the file's folder.
KioskConfig read_kiosk_config(const std::filesystem::path& path, KioskConfig defaults);

} // namespace badgeuse::kiosk
