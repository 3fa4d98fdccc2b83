// Conflicts of real life, through a real `portal serve`: a parent cancels on the town's web site while a
// kiosk's booking intent for the same child and day is on its way, around the deadline, delivered in
// every order. The portal's roster and what kiosks pull must end the same whatever the order.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "badgeuse/protocol/keys.hpp"
#include "run_process.hpp"
#include "support/portal_fixture.hpp"
#include "temp_dir.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <map>

using namespace badgeuse;
using namespace badgeuse::testing;

namespace {

// The day at stake is Thursday 2027-03-11: its deadline is Tuesday 2027-03-09 at 10:00 (Paris).
// The portal's clock starts ten minutes before, so the web cancellations are stamped 09:50 and a bit.
constexpr const char* kDay = "2027-03-11";
constexpr const char* kPortalClockStart = "2027-03-09T09:50:00+01:00";

struct Scenario {
    const char* name;
    const char* kiosk_made_at; // when the parent booked at the kiosk (the kiosk's clock, corrected)
    protocol::ReservationState expected;
};

// Every child was booked beforehand; the web cancellation and the kiosk's booking then meet.
const Scenario kScenarios[] = {
    {"kiosk booking made before the web cancellation", "2027-03-09T09:45:00+01:00",
     protocol::ReservationState::Cancelled},
    {"kiosk booking made after the web cancellation, before the deadline", "2027-03-09T09:58:00+01:00",
     protocol::ReservationState::Booked},
    {"kiosk booking made after the deadline", "2027-03-09T10:00:30+01:00",
     protocol::ReservationState::Cancelled},
};

enum class Order { KioskThenWeb, WebThenKiosk, KioskWebKioskAgain };
constexpr Order kOrders[] = {Order::KioskThenWeb, Order::WebThenKiosk, Order::KioskWebKioskAgain};

std::string order_name(Order order) {
    switch (order) {
    case Order::KioskThenWeb:
        return "kiosk push, then web";
    case Order::WebThenKiosk:
        return "web, then kiosk push";
    case Order::KioskWebKioskAgain:
        return "kiosk push, web, kiosk push again";
    }
    return "?";
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

TEST_CASE("a web cancellation and a kiosk booking for the same child and day end the same in every "
          "delivery order") {
    TempDir dir;
    PortalFixtureOptions options;
    options.executable = BADGEUSE_PORTAL_EXE;
    options.children = 9;
    options.clock_start = kPortalClockStart;
    const Date day = *parse_date(kDay);
    options.extra_seed = [day](portal::PortalStore& store, const SeededSite& site) {
        std::vector<portal::Write> bookings;
        for (ChildId child : site.children)
            bookings.push_back({protocol::ChangeKind::Upsert,
                                protocol::ReservationRecord{Reservation{child, site.canteen, day},
                                                            protocol::ReservationState::Booked}});
        REQUIRE(store.commit(site.site, bookings).ok());
    };
    PortalFixture portal(dir.path() / "portal", options);

    PortalClient kiosk = portal.client();
    kiosk.set_token(portal.enroll("préau"));
    const ProcessResult web_token = run_process(
        BADGEUSE_PORTAL_EXE, {"web-token", "--name", "site-mairie", "--config", portal.config().string()});
    REQUIRE(web_token.exit_code == 0);
    PortalClient web = portal.client();
    web.set_token(trimmed(web_token.out));

    const SeededSite& site = portal.site();
    std::map<std::int64_t, std::string> what; // child → scenario and order, for the messages
    std::size_t next_child = 0;
    for (const Scenario& scenario : kScenarios) {
        for (Order order : kOrders) {
            const ChildId child = site.children.at(next_child++);
            what[child.value] = std::string(scenario.name) + " / " + order_name(order);
            protocol::BookingIntent intent;
            intent.id = Uuid::from_random_bytes(
                {static_cast<std::uint8_t>(child.value), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
            intent.child = child;
            intent.activity = site.canteen;
            intent.day = day;
            intent.action = protocol::BookingAction::Book;
            intent.made_at = *paris::parse_iso8601(scenario.kiosk_made_at);
            const std::string push = protocol::encode(protocol::PushRequest{{intent}});
            const std::string cancel = "{\"child\":" + std::to_string(child.value) +
                                       ",\"activity\":" + std::to_string(site.canteen.value) + ",\"day\":\"" +
                                       kDay + "\",\"action\":\"cancel\"}";
            auto push_once = [&] {
                const HttpReply reply = kiosk.post("/v1/events", push);
                INFO(reply.body << reply.error);
                REQUIRE(reply.status == 200);
            };
            auto cancel_on_web = [&] {
                const HttpReply reply = web.post("/v1/web/bookings", cancel);
                INFO(reply.body << reply.error);
                REQUIRE(reply.status == 200);
                CHECK_THAT(reply.body, Catch::Contains("\"outcome\":\"accepted\"")); // before 10:00
            };
            switch (order) {
            case Order::KioskThenWeb:
                push_once();
                cancel_on_web();
                break;
            case Order::WebThenKiosk:
                cancel_on_web();
                push_once();
                break;
            case Order::KioskWebKioskAgain:
                push_once();
                cancel_on_web();
                push_once();
                break;
            }
        }
    }

    // The roster of the town's web portal.
    const HttpReply roster = web.get("/v1/web/roster?site=" + std::string("%C3%89cole%20Jules%20Ferry") +
                                     "&day=" + kDay + "&activity=" + std::to_string(site.canteen.value));
    INFO(roster.body << roster.error);
    REQUIRE(roster.status == 200);
    std::map<std::int64_t, std::string> on_roster;
    const boost::json::value roster_json = boost::json::parse(roster.body);
    for (const auto& line : roster_json.at("children").as_array())
        on_roster[line.at("child").as_int64()] = std::string(line.at("state").as_string());

    // What a kiosk pulls: the last record for each child's reservation of that day.
    std::map<std::int64_t, protocol::ReservationState> pulled;
    for (std::int64_t cursor = 0, more = 1; more;) {
        const HttpReply page_reply = kiosk.get("/v1/changes?after=" + std::to_string(cursor) + "&limit=1000");
        REQUIRE(page_reply.status == 200);
        auto page = protocol::decode_pull_response(page_reply.body);
        REQUIRE(page.ok());
        for (const auto& change : page->changes)
            if (const auto* record = std::get_if<protocol::ReservationRecord>(&change.data))
                if (record->reservation.day == day)
                    pulled[record->reservation.child.value] = record->state;
        cursor = page->cursor;
        more = page->more == protocol::MorePages::Yes ? 1 : 0;
    }

    next_child = 0;
    for (const Scenario& scenario : kScenarios) {
        for (Order order : kOrders) {
            (void)order;
            const ChildId child = site.children.at(next_child++);
            INFO(what[child.value]);
            const std::string expected(protocol::reservation_state_key(scenario.expected));
            CHECK(on_roster[child.value] == expected);
            REQUIRE(pulled.contains(child.value));
            CHECK(pulled[child.value] == scenario.expected);
        }
    }
}
