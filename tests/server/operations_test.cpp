// What the town's IT admin watches: one log line per request (and no token in it), /metrics in
// Prometheus' format, and `portal status` flagging a kiosk that has gone silent.
#include "api_helpers.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "run_process.hpp"

#include <csignal>
#include <fstream>

using namespace badgeuse;
using namespace badgeuse::testing;

TEST_CASE("each request is one log line with method, path, status, kiosk, ms and bytes, and no token") {
    PortalHome home;
    PortalProcess portal(home);
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    const std::string token = enroll(client, home, home.site);
    REQUIRE(client.request("GET", "/v1/changes?after=0&limit=10", "", token).status == 200);
    REQUIRE(client.request("GET", "/v1/nowhere", "", token).status == 404);
    CHECK(portal.stop(SIGTERM) == 0);
    const std::string log = portal.log();
    INFO(log);
    CHECK(log.find("request method=POST path=/v1/enroll status=200 kiosk=- ") != std::string::npos);
    CHECK(log.find("request method=GET path=/v1/changes status=200 kiosk=1 ms=") != std::string::npos);
    CHECK(log.find("request method=GET path=/v1/nowhere status=404 kiosk=1 ") != std::string::npos);
    CHECK(log.find(" bytes=") != std::string::npos);
    CHECK(log.find(token) == std::string::npos);
    CHECK(log.find("limit=10") == std::string::npos); // the path is logged without its query
}

TEST_CASE("/metrics gives requests, events by outcome and each kiosk's last contact and outbox") {
    PortalHome home;
    PortalProcess portal(home);
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    const std::string token = enroll(client, home, home.site, "préau");
    REQUIRE(client.request("GET", "/v1/changes?after=0", "", token, {{"X-Badgeuse-Outbox", "7"}}).status ==
            200);
    REQUIRE(client.request("POST", "/v1/events", push_of(arrival(1)), token, {{"X-Badgeuse-Outbox", "1"}})
                .status == 200);
    REQUIRE(client.request("POST", "/v1/events", push_of(arrival(1)), token, {{"X-Badgeuse-Outbox", "0"}})
                .status == 200);
    CHECK(client.request("GET", "/v1/time", "", token, {{"X-Badgeuse-Outbox", "many"}}).status == 400);

    const Reply metrics = client.request("GET", "/metrics");
    REQUIRE(metrics.status == 200);
    CHECK(metrics.headers.at("content-type").starts_with("text/plain; version=0.0.4"));
    const std::string& text = metrics.body;
    INFO(text);
    CHECK(text.find("# TYPE badgeuse_portal_requests_total counter") != std::string::npos);
    CHECK(text.find("badgeuse_portal_requests_total{path=\"/v1/events\",status=\"200\"} 2") !=
          std::string::npos);
    CHECK(text.find("badgeuse_portal_requests_total{path=\"/v1/time\",status=\"400\"} 1") !=
          std::string::npos);
    CHECK(text.find("badgeuse_portal_events_ingested_total{outcome=\"accepted\"} 1") != std::string::npos);
    CHECK(text.find("badgeuse_portal_events_ingested_total{outcome=\"duplicate\"} 1") != std::string::npos);
    CHECK(text.find("badgeuse_portal_kiosk_last_contact_seconds{site=\"École Jules Ferry\",kiosk=\"préau\","
                    "kiosk_id=\"1\"} ") != std::string::npos);
    // The last request with a readable header said 0 events waiting.
    CHECK(text.find("badgeuse_portal_kiosk_events_waiting{site=\"École Jules Ferry\",kiosk=\"préau\","
                    "kiosk_id=\"1\"} 0") != std::string::npos);
    CHECK(portal.stop(SIGTERM) == 0);
}

TEST_CASE("/metrics wants the metrics token when server.metrics_token_file is set") {
    PortalHome home("metrics_token_file = \"metrics-token\"\n");
    std::ofstream(home.dir / "metrics-token") << "a-long-metrics-secret-0123456789\n";
    PortalProcess portal(home);
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    CHECK(client.request("GET", "/metrics").status == 401);
    CHECK(client.request("GET", "/metrics", "", "wrong-token").status == 401);
    CHECK(client.request("GET", "/metrics", "", "a-long-metrics-secret-0123456789").status == 200);
    CHECK(portal.stop(SIGTERM) == 0);
}

TEST_CASE(
    "portal status lists each kiosk and exits 3 when one is silent for more than silent_after_minutes") {
    PortalHome home("\n[status]\nsilent_after_minutes = 30\n");
    const std::string status_args[] = {"status", "--config", home.config.string()};
    SECTION("a kiosk heard from just now is ok") {
        PortalProcess portal(home);
        HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
        const std::string token = enroll(client, home, home.site, "préau");
        REQUIRE(client.request("GET", "/v1/time", "", token, {{"X-Badgeuse-Outbox", "4"}}).status == 200);
        CHECK(portal.stop(SIGTERM) == 0);
        const auto status =
            run_process(BADGEUSE_PORTAL_EXE, {status_args[0], status_args[1], status_args[2]});
        INFO(status.out << status.err);
        CHECK(status.exit_code == 0);
        CHECK(status.out.find("École Jules Ferry\tpréau\t") != std::string::npos);
        CHECK(status.out.find("\t4\tok\n") != std::string::npos);
    }
    SECTION("a kiosk last heard from 45 minutes ago is flagged") {
        // The portal's clock started 45 minutes in the past records the contact then.
        const Instant then = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()) -
                             std::chrono::minutes(45);
        const std::string iso = paris::format_iso8601(then);
        PortalProcess portal(home, {"--clock-start", iso});
        HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
        const std::string token = enroll(client, home, home.site, "cantine");
        REQUIRE(client.request("GET", "/v1/time", "", token, {{"X-Badgeuse-Outbox", "12"}}).status == 200);
        CHECK(portal.stop(SIGTERM) == 0);
        const auto status =
            run_process(BADGEUSE_PORTAL_EXE, {status_args[0], status_args[1], status_args[2]});
        INFO(status.out << status.err);
        CHECK(status.exit_code == 3);
        CHECK(status.out.find("\t12\tSILENT for 4") != std::string::npos);
        CHECK(status.out.find("1 kiosk, 1 silent for more than 30 min") != std::string::npos);
    }
}
