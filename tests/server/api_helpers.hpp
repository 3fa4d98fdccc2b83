// Small helpers shared by the server tests: enrolling through the real API, and event JSON.
#pragma once

#include "badgeuse/protocol/codec.hpp"
#include "http_client.hpp"
#include "portal_process.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

namespace badgeuse::testing {

// A version-4 UUID numbered n, so that tests can tell their events apart.
inline std::string uuid_number(int n) {
    char text[40];
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", n);
    return text;
}

// One arrival at the canteen of the site's child, as a kiosk would push it.
inline std::string arrival(int n, int child = 1, int activity = 1) {
    return R"({"type":"attendance","id":")" + uuid_number(n) + R"(","child":)" + std::to_string(child) +
           R"(,"activity":)" + std::to_string(activity) +
           R"(,"day":"2026-12-10","kind":"arrival","capture":"badge","flag":"none","at":"2026-12-10T11:40:00+01:00"})";
}

inline std::string push_of(const std::string& events) {
    return R"({"events":[)" + events + "]}";
}

// Enrolls a kiosk of `site` through POST /v1/enroll and gives its token.
inline std::string enroll(HttpClient& client, const PortalHome& home, SiteId site,
                          const std::string& name = "préau") {
    const std::string code = home.enrollment_code(site, name);
    const Reply reply =
        client.request("POST", "/v1/enroll", protocol::encode(protocol::EnrollRequest{code, name}));
    REQUIRE(reply.status == 200);
    auto enrolled = protocol::decode_enroll_response(reply.body);
    REQUIRE(enrolled.ok());
    return enrolled->token;
}

} // namespace badgeuse::testing
