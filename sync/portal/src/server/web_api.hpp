// The small API of the town's web portal (its parents' side), as a pure function like handle():
// POST /v1/web/bookings books or cancels for a child exactly as a parent on the web site would, the
// deadline judged by the portal's clock; GET /v1/web/roster gives a site's reservations of a day.
// Callers present a web token made by `portal web-token --name NAME`.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/public_holidays.hpp"
#include "badgeuse/portal/handlers.hpp"
#include "badgeuse/portal/portal_store.hpp"

#include <string>

namespace badgeuse::portal::server {

struct WebServices {
    PortalStore& store;
    const Clock& clock;
    HolidayRegion region = HolidayRegion::Metropole;
    // The moment of the previous web booking. Two intents made in the same millisecond would be
    // ordered by their random ids; web requests come one after the other, so each is stamped at
    // least a millisecond after the previous one, and the later request wins as the parent meant.
    Instant* previous_intent = nullptr;
};

inline constexpr std::string_view kWebPrefix = "/v1/web/";

// For targets under kWebPrefix. `caller` is set to "web:NAME" once the token is known (for the log).
Response handle_web(const Request& request, WebServices& services, std::string& caller);

} // namespace badgeuse::portal::server
