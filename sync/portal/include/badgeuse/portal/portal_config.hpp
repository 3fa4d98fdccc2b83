// portal.toml: the portal's configuration, read once at startup. A bad value fails there with the
// file, the key and what was expected (ConfigError).
#pragma once

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/public_holidays.hpp"
#include "badgeuse/portal/database_url.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace badgeuse::portal {

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// [server]: how `portal serve` listens (see config/portal.toml for each key's meaning).
struct ServerConfig {
    std::string listen = "0.0.0.0:8443";      // HOST:PORT; --listen overrides it
    std::filesystem::path certificate;        // PEM chain, relative to the config file; TLS needs both
    std::filesystem::path private_key;        // PEM key of that certificate
    int requests_per_minute = 240;            // per token (per address without one); also the burst
    std::size_t max_body_bytes = 1024 * 1024; // larger bodies are refused unread (413)
    std::chrono::seconds header_timeout{10};  // from a request's first byte to the end of its header
    std::chrono::seconds body_timeout{30};    // to read the body once the header is in
    std::chrono::seconds idle_timeout{75};    // a kept-alive connection with no new request is closed
    std::filesystem::path metrics_token_file; // empty: /metrics answers loopback callers only
};

// [status]: what `portal status` flags.
struct StatusConfig {
    int silent_after_minutes = 30;
};

struct PortalConfig {
    std::filesystem::path source;                      // empty when the defaults are used
    DeadlineRule deadline;                             // [booking] days_before, hour, working_days
    HolidayRegion region = HolidayRegion::Metropole;   // [calendar] region
    std::vector<std::filesystem::path> calendar_files; // [calendar] files, relative to the config file
    // [database] url = "sqlite:///var/lib/badgeuse/portal.sqlite" (or "sqlite://portal.sqlite", relative
    // to the config file), or "postgresql://user@host/database". Without it: portal.sqlite beside the
    // config file. Open it with open_portal_store(config.database, mode) (portal_store.hpp).
    DatabaseUrl database;
    ServerConfig server; // [server]
    StatusConfig status; // [status]
};

// Throws ConfigError naming the file, the key and what was expected.
PortalConfig load_portal_config(const std::filesystem::path& path);

} // namespace badgeuse::portal
