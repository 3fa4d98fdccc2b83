// What the running portal refuses, and that a refusal writes nothing: a body over the limit (413,
// before the body is even sent), malformed JSON (400), no token (401), another site (403), a
// kiosk over its rate (429 with Retry-After).
#include "api_helpers.hpp"

#include <csignal>

using namespace badgeuse;
using namespace badgeuse::testing;

TEST_CASE("a body over max_body_bytes gets 413 from its header alone, and nothing is written") {
    PortalHome home("max_body_bytes = 4096\n");
    PortalProcess portal(home);
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    const std::string token = enroll(client, home, home.site);

    SECTION("a whole push of 100 events") {
        std::string events;
        for (int n = 1; n <= 100; ++n)
            events += (n > 1 ? "," : "") + arrival(n);
        const Reply reply = client.request("POST", "/v1/events", push_of(events), token);
        CHECK(reply.status == 413);
        CHECK(reply.body.find("4096") != std::string::npos);
        CHECK_FALSE(reply.keep_alive);
    }
    SECTION("a header announcing 2 MB, with no body sent at all") {
        const Reply reply =
            client.raw_request("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                               token + "\r\nContent-Length: 2000000\r\n\r\n");
        CHECK(reply.status == 413);
    }
    CHECK(portal.stop(SIGTERM) == 0);
    CHECK(home.event_count() == 0);
}

TEST_CASE("a header over 16 kB gets 431, and a client waiting for 100 Continue gets it") {
    PortalHome home;
    PortalProcess portal(home);
    {
        HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
        const Reply reply =
            client.request("GET", "/v1/time", "", "", {{"X-Padding", std::string(20000, 'a')}});
        CHECK(reply.status == 431);
    }
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    const std::string token = enroll(client, home, home.site);
    const std::string body = push_of(arrival(1));
    const Reply continued = client.raw_request(
        "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
        "\r\nExpect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n");
    CHECK(continued.status == 100);
    const Reply pushed = client.raw_request(body);
    CHECK(pushed.status == 200);
    CHECK(portal.stop(SIGTERM) == 0);
    CHECK(home.event_count() == 1);
}

TEST_CASE("malformed JSON gets 400 with a message, and nothing is written") {
    PortalHome home;
    PortalProcess portal(home);
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    const std::string token = enroll(client, home, home.site);
    const Reply reply = client.request("POST", "/v1/events", R"({"events":[)" + arrival(1), token);
    CHECK(reply.status == 400);
    CHECK(reply.body.find("malformed JSON") != std::string::npos);
    // The connection survives a 400 from the API.
    CHECK(client.request("GET", "/v1/time", "", token).status == 200);
    CHECK(portal.stop(SIGTERM) == 0);
    CHECK(home.event_count() == 0);
}

TEST_CASE("without a token the portal answers 401, with another site's token 403") {
    PortalHome home;
    PortalProcess portal(home);
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    CHECK(client.request("GET", "/v1/changes?after=0").status == 401);
    CHECK(client.request("POST", "/v1/events", push_of(arrival(1))).status == 401);
    CHECK(client.request("GET", "/v1/changes?after=0", "", "not-a-token").status == 401);

    const std::string token = enroll(client, home, home.site);
    const Reply other =
        client.request("GET", "/v1/changes?after=0&site=" + std::to_string(home.other_site.value), "", token);
    CHECK(other.status == 403);
    CHECK(portal.stop(SIGTERM) == 0);
    CHECK(home.event_count() == 0);
}

TEST_CASE("a token over requests_per_minute gets 429 with Retry-After, other tokens do not") {
    PortalHome home("requests_per_minute = 5\n");
    const std::string code_a = home.enrollment_code(home.site, "préau");
    const std::string code_b = home.enrollment_code(home.site, "cantine");
    PortalProcess portal(home);
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    auto enroll_with = [&](const std::string& code) {
        const Reply reply =
            client.request("POST", "/v1/enroll", protocol::encode(protocol::EnrollRequest{code, "k"}));
        REQUIRE(reply.status == 200);
        return protocol::decode_enroll_response(reply.body)->token;
    };
    const std::string a = enroll_with(code_a);
    const std::string b = enroll_with(code_b);
    for (int i = 0; i < 5; ++i)
        REQUIRE(client.request("GET", "/v1/time", "", a).status == 200);
    const Reply limited = client.request("GET", "/v1/time", "", a);
    CHECK(limited.status == 429);
    REQUIRE(limited.headers.contains("retry-after"));
    const int retry_after = std::stoi(limited.headers.at("retry-after"));
    CHECK(retry_after >= 1);
    CHECK(retry_after <= 12); // 5 a minute: one more every 12 s
    CHECK(client.request("GET", "/v1/time", "", b).status == 200);
    CHECK(portal.stop(SIGTERM) == 0);
}
