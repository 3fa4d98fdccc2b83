// portal.toml: the portal's configuration, read once at startup. A bad value fails there with the
// file, the key and what was expected (ConfigError).
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/public_holidays.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace badgeuse::portal {

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PortalConfig {
    std::filesystem::path source;                      // empty when the defaults are used
    DeadlineRule deadline;                             // [booking] days_before, hour, working_days
    HolidayRegion region = HolidayRegion::Metropole;   // [calendar] region
    std::vector<std::filesystem::path> calendar_files; // [calendar] files, relative to the config file
    // [database] url = "sqlite:///var/lib/badgeuse/portal.sqlite" (or "sqlite://portal.sqlite", relative
    // to the config file). Without it: portal.sqlite beside the config file.
    std::filesystem::path database_path;
};

// Throws ConfigError naming the file, the key and what was expected.
PortalConfig load_portal_config(const std::filesystem::path& path);

} // namespace badgeuse::portal
