// DemoPortal: the portal `make demo` runs beside the demo kiosk. A real `portal serve` process on
// loopback (plain HTTP: --insecure-dev, which the portal allows on loopback only), seeded with the same
// demo school as the kiosk and running on the same shifted clock, so that the demo shows sync both ways:
// the kiosk's taps in the portal's request log, the portal's changes on the kiosk's badge screen.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/result.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <sys/types.h>

namespace badgeuse::kiosk {

struct DemoPortalOptions {
    std::filesystem::path portal_exe;   // the `portal` executable of this build
    std::filesystem::path dir;          // its database, configuration and logs; rebuilt at each start
    std::filesystem::path calendar_csv; // the school holidays (config/calendar)
    Instant clock_start;                // the demo kiosk's clock now
    std::string site_name;              // the demo school's site, as `portal init --demo` names it
};

class DemoPortal {
public:
    // Seeds a fresh database, takes a one-time enrollment code and starts serving. The portal's log
    // lines go to this process's stderr, prefixed by the portal itself.
    static Result<std::unique_ptr<DemoPortal>> start(const DemoPortalOptions& options);
    ~DemoPortal(); // SIGTERM, then SIGKILL if it has not ended within 5 s
    DemoPortal(const DemoPortal&) = delete;
    DemoPortal& operator=(const DemoPortal&) = delete;

    const std::string& url() const { return m_url; }                 // "http://127.0.0.1:PORT"
    const std::string& enrollment_code() const { return m_code; }    // for the demo kiosk
    const std::filesystem::path& config() const { return m_config; } // portal.toml
    pid_t pid() const { return m_pid; }

private:
    DemoPortal() = default;
    pid_t m_pid = -1;
    std::string m_url;
    std::string m_code;
    std::filesystem::path m_config;
};

} // namespace badgeuse::kiosk
