// handle_web() without a socket, on both store backends and a manual clock: the deadline decides a
// web cancellation exactly as it would a kiosk's intent, and the change is in the site's pull.
#include "../portal/store_backends.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/secrets.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "server/web_api.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::portal;
using namespace badgeuse::testing;

TEMPLATE_TEST_CASE("a web cancellation is accepted until Tuesday 10:00 for Thursday, refused after", "[web]",
                   SQLite, PostgreSQL) {
    TempDir dir;
    const DatabaseUrl url = TestType::fresh(dir);
    auto opened = open_portal_store(url, OpenMode::CreateIfMissing);
    INFO((opened.ok() ? "" : opened.error().message));
    REQUIRE(opened.ok());
    std::unique_ptr<PortalStore> store = std::move(*opened);
    const SiteId site = *store->add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"});
    Child lea;
    lea.family = FamilyId{1};
    lea.first_name = "Léa";
    REQUIRE(store
                ->commit(site, {{protocol::ChangeKind::Upsert, Family{FamilyId{}, site, "JF-1", "Martin"}},
                                {protocol::ChangeKind::Upsert, lea},
                                {protocol::ChangeKind::Upsert, canteen(ActivityId{})}})
                .ok());
    REQUIRE(store
                ->add_web_token("mairie", hash_secret("web-secret"),
                                *paris::parse_iso8601("2026-12-01T08:00:00Z"))
                .ok());
    ManualClock clock(*paris::parse_iso8601("2026-12-08T09:59:59+01:00"));
    Instant previous{};
    server::WebServices services{*store, clock, HolidayRegion::Metropole, &previous};
    const auto post = [&](const std::string& action) {
        Request request{"POST",
                        "/v1/web/bookings",
                        {{"authorization", "Bearer web-secret"}},
                        R"({"child":1,"activity":1,"day":"2026-12-10","action":")" + action + "\"}"};
        std::string caller;
        const Response response = server::handle_web(request, services, caller);
        REQUIRE(response.status == 200);
        CHECK(caller == "web:mairie");
        return boost::json::parse(response.body).as_object();
    };
    CHECK(post("book").at("outcome").as_string() == "accepted");
    CHECK(post("cancel").at("outcome").as_string() == "accepted");
    // Both at 09:59:59.000 by the clock: the cancellation, made after, is stamped a millisecond later.
    clock.advance(std::chrono::seconds(1)); // 10:00:00 sharp is too late
    const auto late = post("book");
    CHECK(late.at("outcome").as_string() == "refused");
    CHECK(late.at("reason").as_string() == "too_late");

    CHECK(*store->reservation(ChildId{1}, ActivityId{1}, *parse_date("2026-12-10")) ==
          protocol::ReservationState::Cancelled);
    auto page = store->changes_after(site, 0, 500);
    REQUIRE(page.ok());
    int reservation_changes = 0;
    for (const auto& change : page->changes)
        reservation_changes += std::holds_alternative<protocol::ReservationRecord>(change.data) ? 1 : 0;
    CHECK(reservation_changes == 2); // booked, then cancelled; the refused one changed nothing
}
