// The portal's HTTP API as a pure function from a request to a response (Beast's handle_request
// style): the session that will call it only moves bytes, and the tests call it without a socket.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/public_holidays.hpp"
#include "badgeuse/portal/portal_store.hpp"

#include <cstddef>
#include <map>
#include <string>

namespace badgeuse::portal {

// Bodies beyond this are refused unread (413): a push of 1,000 events is about 250 kB.
inline constexpr std::size_t kMaxBodyBytes = 1024 * 1024;

struct Request {
    std::string method;                         // "GET", "POST"
    std::string target;                         // "/v1/changes?after=0&limit=500"
    std::map<std::string, std::string> headers; // names in lower case: "authorization"
    std::string body;
};

struct Response {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
};

struct Services {
    PortalStore& store;
    const Clock& clock;
    HolidayRegion region = HolidayRegion::Metropole;
    std::size_t max_body_bytes = kMaxBodyBytes;
};

Response handle(const Request& request, Services& services);

} // namespace badgeuse::portal
