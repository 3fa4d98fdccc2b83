// The demo school (core/demo) written into a portal database, so that `make demo` runs the portal and a
// kiosk on the same data: the kiosk's own demo copy and what it pulls from the portal agree, id for id.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/demo/demo_school.hpp"
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/portal_store.hpp"

#include <iosfwd>

namespace badgeuse::portal {

// Writes the school's site and every record, with its ids, in slices of a few thousand. The database
// must hold no site of that name yet (a second seed would duplicate the families).
Result<void> seed_demo_school(PortalStore& store, const demo::DemoSchool& school);

// `portal init --demo`: creates the database and seeds it with the default demo school.
int portal_init_demo(const PortalConfig& config, std::ostream& out, std::ostream& err);

} // namespace badgeuse::portal
