// The portal's admin subcommands on its database: `portal init` and `portal enroll`. Each takes its
// arguments as values and writes to the given streams, so that tests run them without a process.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/portal/portal_config.hpp"

#include <iosfwd>
#include <string>

namespace badgeuse::portal {

// The wall clock, for the portal's edges only (the rules and the store are handed a Clock).
class SystemClock final : public Clock {
public:
    Instant now() const override;
};

// Creates the database named by database.url, or upgrades it; says which.
int portal_init(const PortalConfig& config, std::ostream& out, std::ostream& err);

// Prints a one-time enrollment code for a new kiosk of `site` (a site's name), valid 24 hours.
int portal_enroll(const PortalConfig& config, const std::string& site, const std::string& kiosk_name,
                  const Clock& clock, std::ostream& out, std::ostream& err);

} // namespace badgeuse::portal
