// `portal serve` over real TLS on loopback: a kiosk's whole conversation, a client that must refuse
// a portal it does not trust, and plain HTTP sent to the TLS port.
#include "api_helpers.hpp"

#include <boost/system/system_error.hpp>

#include <csignal>

using namespace badgeuse;
using namespace badgeuse::testing;

TEST_CASE("a kiosk enrolls, pulls its site and pushes an arrival over TLS to a running portal") {
    PortalHome home;
    PortalProcess portal(home);
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    const std::string token = enroll(client, home, home.site);

    const Reply pulled =
        client.request("GET", "/v1/changes?after=0", "", token, {{"X-Badgeuse-Outbox", "1"}});
    REQUIRE(pulled.status == 200);
    auto page = protocol::decode_pull_response(pulled.body);
    REQUIRE(page.ok());
    bool saw_lea = false;
    for (const auto& change : page->changes)
        if (const auto* child = std::get_if<Child>(&change.data))
            saw_lea = saw_lea || child->first_name == "Léa";
    CHECK(saw_lea);
    CHECK(pulled.keep_alive);

    // The same connection, kept alive.
    const Reply pushed = client.request("POST", "/v1/events", push_of(arrival(1)), token);
    REQUIRE(pushed.status == 200);
    auto results = protocol::decode_push_response(pushed.body);
    REQUIRE(results.ok());
    REQUIRE(results->results.size() == 1);
    CHECK(results->results[0].outcome == protocol::Outcome::Accepted);

    CHECK(client.request("GET", "/v1/time", "", token).status == 200);
    CHECK(portal.stop(SIGTERM) == 0);
    CHECK(home.event_count() == 1);
}

TEST_CASE("a client trusting another CA refuses the portal's certificate, and the portal serves on") {
    PortalHome home;
    PortalProcess portal(home);
    CHECK_THROWS_AS(HttpClient::tls(portal.port(), home.pki.other_ca_certificate),
                    boost::system::system_error);
    HttpClient trusted = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    CHECK(trusted.request("GET", "/v1/time").status == 401);
    CHECK(portal.stop(SIGTERM) == 0);
}

TEST_CASE("plain HTTP sent to the TLS port gets no HTTP answer and the portal survives it") {
    PortalHome home;
    PortalProcess portal(home);
    const std::string answer =
        raw_exchange(portal.port(), "GET /v1/time HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 1500);
    CHECK(answer.find("HTTP/") == std::string::npos);
    CHECK(answer.find("time") == std::string::npos);
    REQUIRE(portal.running());
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    CHECK(client.request("GET", "/v1/time").status == 401);
    CHECK(portal.stop(SIGTERM) == 0);
}
