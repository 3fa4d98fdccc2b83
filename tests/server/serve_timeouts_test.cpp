// Every connection is under a timeout: a TLS handshake that never comes, a header sent halfway,
// and a kept-alive connection left idle are all closed, and the portal serves on.
#include "http_client.hpp"
#include "portal_process.hpp"

#include <catch2/catch.hpp>

#include <csignal>

using namespace badgeuse::testing;

namespace {
const std::string kTimeouts =
    "header_timeout_seconds = 1\nbody_timeout_seconds = 1\nidle_timeout_seconds = 2\n";
}

TEST_CASE("a connection that never starts its TLS handshake is closed after header_timeout_seconds") {
    PortalHome home(kTimeouts);
    PortalProcess portal(home);
    const double closed_after = seconds_until_closed(portal.port(), "", 10);
    CHECK(closed_after >= 0.8);
    CHECK(closed_after < 5);
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    CHECK(client.request("GET", "/v1/time").status == 401);
    CHECK(portal.stop(SIGTERM) == 0);
}

TEST_CASE(
    "a header sent halfway is dropped after header_timeout_seconds, an idle connection after idle_timeout") {
    PortalHome home(kTimeouts);
    PortalProcess portal(home, {"--insecure-dev"});
    SECTION("half a header") {
        const double closed_after =
            seconds_until_closed(portal.port(), "GET /v1/time HTTP/1.1\r\nHost: x", 10);
        CHECK(closed_after >= 0.8);
        CHECK(closed_after < 5);
    }
    SECTION("a whole request, then silence") {
        const double closed_after =
            seconds_until_closed(portal.port(), "GET /v1/time HTTP/1.1\r\nHost: x\r\n\r\n", 10);
        CHECK(closed_after >= 1.8);
        CHECK(closed_after < 6);
    }
    HttpClient client = HttpClient::plain(portal.port());
    CHECK(client.request("GET", "/v1/time").status == 401);
    CHECK(portal.stop(SIGTERM) == 0);
}
