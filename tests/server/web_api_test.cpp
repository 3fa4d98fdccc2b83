// The web portal's API against a running portal whose clock is placed around a deadline: the
// canteen of Thursday 10 December 2026 can be changed until Tuesday 8 December 10:00 (Paris).
#include "api_helpers.hpp"
#include "run_process.hpp"

#include <boost/json.hpp>

#include <csignal>

using namespace badgeuse;
using namespace badgeuse::testing;

namespace {

std::string web_token(const PortalHome& home, const std::string& name = "site-mairie") {
    const auto made =
        run_process(BADGEUSE_PORTAL_EXE, {"web-token", "--name", name, "--config", home.config.string()});
    REQUIRE(made.exit_code == 0);
    REQUIRE(made.out.size() == 65); // 64 hex digits and a newline
    return made.out.substr(0, 64);
}

const std::string kCancel = R"({"child":1,"activity":1,"day":"2026-12-10","action":"cancel"})";
const std::string kBook = R"({"child":1,"activity":1,"day":"2026-12-10","action":"book"})";

boost::json::object parse(const Reply& reply) {
    return boost::json::parse(reply.body).as_object();
}

// The reservation records of the kiosk's pull: (state) of child 1, canteen, 2026-12-10, in order.
std::vector<std::string> pulled_states(HttpClient& client, const std::string& kiosk_token) {
    const Reply reply = client.request("GET", "/v1/changes?after=0", "", kiosk_token);
    REQUIRE(reply.status == 200);
    auto page = protocol::decode_pull_response(reply.body);
    REQUIRE(page.ok());
    std::vector<std::string> states;
    for (const auto& change : page->changes)
        if (const auto* record = std::get_if<protocol::ReservationRecord>(&change.data))
            if (record->reservation.child == ChildId{1} &&
                format_date(record->reservation.day) == "2026-12-10")
                states.push_back(record->state == protocol::ReservationState::Booked ? "booked"
                                                                                     : "cancelled");
    return states;
}

} // namespace

TEST_CASE("a web cancellation before the deadline is accepted and reaches the kiosk's pull") {
    PortalHome home;
    const std::string web = web_token(home);
    PortalProcess portal(home, {"--clock-start", "2026-12-08T09:58:00"});
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    const std::string kiosk = enroll(client, home, home.site);

    const Reply booked = client.request("POST", "/v1/web/bookings", kBook, web);
    REQUIRE(booked.status == 200);
    CHECK(parse(booked).at("outcome").as_string() == "accepted");
    const Reply cancelled = client.request("POST", "/v1/web/bookings", kCancel, web);
    REQUIRE(cancelled.status == 200);
    CHECK(parse(cancelled).at("outcome").as_string() == "accepted");

    CHECK(pulled_states(client, kiosk) == std::vector<std::string>{"booked", "cancelled"});
    const Reply roster = client.request(
        "GET", "/v1/web/roster?site=%C3%89cole+Jules+Ferry&day=2026-12-10&activity=1", "", web);
    REQUIRE(roster.status == 200);
    const auto body = parse(roster);
    CHECK(body.at("booked").as_int64() == 0);
    CHECK(body.at("children").as_array().size() == 1);
    CHECK(body.at("children").as_array()[0].as_object().at("state").as_string() == "cancelled");
    CHECK(portal.stop(SIGTERM) == 0);
}

TEST_CASE("a web cancellation after the deadline is refused with its reason and changes nothing") {
    PortalHome home;
    const std::string web = web_token(home);
    {
        PortalProcess before(home, {"--clock-start", "2026-12-08T09:00:00+01:00"});
        HttpClient client = HttpClient::tls(before.port(), home.pki.ca_certificate);
        REQUIRE(client.request("POST", "/v1/web/bookings", kBook, web).status == 200);
        CHECK(before.stop(SIGTERM) == 0);
    }
    PortalProcess portal(home, {"--clock-start", "2026-12-08T10:00:01"});
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    const std::string kiosk = enroll(client, home, home.site);
    const Reply refused = client.request("POST", "/v1/web/bookings", kCancel, web);
    REQUIRE(refused.status == 200);
    const auto body = parse(refused);
    CHECK(body.at("outcome").as_string() == "refused");
    CHECK(body.at("reason").as_string() == "too_late");
    CHECK(std::string(body.at("message").as_string()).find("2026-12-08T10:00:00+01:00") != std::string::npos);
    CHECK(pulled_states(client, kiosk) == std::vector<std::string>{"booked"});
    CHECK(portal.stop(SIGTERM) == 0);
}

TEST_CASE("portal web-token wants a one-word name and prints a different token each time") {
    PortalHome home;
    const auto spaced = run_process(BADGEUSE_PORTAL_EXE,
                                    {"web-token", "--name", "site mairie", "--config", home.config.string()});
    CHECK(spaced.exit_code == 2);
    CHECK(spaced.err.find("--name") != std::string::npos);
    CHECK(web_token(home, "a") != web_token(home, "b"));
}

TEST_CASE("the web API wants a web token: none is 401, a kiosk's is 403, bad fields are 400") {
    PortalHome home;
    const std::string web = web_token(home);
    PortalProcess portal(home, {"--clock-start", "2026-12-01T09:00:00"});
    HttpClient client = HttpClient::tls(portal.port(), home.pki.ca_certificate);
    const std::string kiosk = enroll(client, home, home.site);
    CHECK(client.request("POST", "/v1/web/bookings", kBook).status == 401);
    CHECK(client.request("POST", "/v1/web/bookings", kBook, kiosk).status == 403);
    const Reply unknown_field =
        client.request("POST", "/v1/web/bookings",
                       R"({"child":1,"activity":1,"day":"2026-12-10","action":"book","x":1})", web);
    CHECK(unknown_field.status == 400);
    CHECK(unknown_field.body.find("x") != std::string::npos);
    CHECK(client
              .request("POST", "/v1/web/bookings",
                       R"({"child":99,"activity":1,"day":"2026-12-10","action":"book"})", web)
              .status == 404);
    CHECK(client.request("GET", "/v1/web/roster?site=Nowhere&day=2026-12-10&activity=1", "", web).status ==
          404);
    CHECK(client.request("GET", "/v1/web/roster?day=2026-12-10&activity=1", "", web).status == 400);
    CHECK(pulled_states(client, kiosk).empty());
    CHECK(portal.stop(SIGTERM) == 0);
}
