// `portal serve`: the portal's HTTPS service for the kiosks and the town's web portal, and the two
// operations commands beside it, `portal status` (each kiosk's last contact) and `portal web-token`.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/portal/portal_config.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>

namespace badgeuse::portal {

struct ServeOptions {
    std::string listen;              // --listen HOST:PORT; empty: [server] listen
    bool insecure_dev = false;       // --insecure-dev: plain HTTP, loopback addresses only
    std::filesystem::path port_file; // --port-file: the bound port is written there once listening
    std::string clock_start;         // --clock-start (tests): the portal's clock starts there and runs on
};

// Serves until SIGTERM/SIGINT (exit 0). A missing or unreadable certificate or key, a bad listen
// address, a port in use or --insecure-dev on a non-loopback address: one line on `err`, exit 2.
int portal_serve(const PortalConfig& config, const ServeOptions& options, std::ostream& err);

// Each kiosk: site, name, last contact, events waiting; those silent for more than
// [status] silent_after_minutes are flagged, and then the exit status is 3 (for cron and monitoring).
inline constexpr int kExitSilentKiosks = 3;
int portal_status(const PortalConfig& config, const Clock& clock, std::ostream& out, std::ostream& err);

// Prints a new bearer token for the web-portal API (/v1/web/...), stored hashed under `name`.
int portal_web_token(const PortalConfig& config, const std::string& name, const Clock& clock,
                     std::ostream& out, std::ostream& err);

} // namespace badgeuse::portal
