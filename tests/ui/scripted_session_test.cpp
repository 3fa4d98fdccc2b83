// A scripted session on the real window with synthetic input: a parent signs in with the family's code
// and PIN on the on-screen keypad, cancels Thursday's meal, signs out; the store then holds the
// cancellation in its outbox.
#include "badgeuse/app/kiosk_demo.hpp"
#include "ui_harness.hpp"

using namespace badgeuse;
using namespace badgeuse::testing;

TEST_CASE("a parent signs in with code and PIN, cancels Thursday's meal and signs out: the outbox holds it") {
    UiKiosk kiosk(800, 480);
    const auto& school = kiosk.school();
    const Date thursday{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{10}};
    const ActivityId canteen{2};
    // A family whose first child eats at the canteen on Thursday.
    const Family* family = nullptr;
    for (const auto& f : school.families) {
        auto children = kiosk.store().children().for_family(f.id);
        REQUIRE(children.ok());
        if (!children->empty() &&
            *kiosk.store().reservations().is_reserved(children->front().id, canteen, thursday)) {
            family = &f;
            break;
        }
    }
    REQUIRE(family != nullptr);
    auto child = kiosk.store().children().for_family(family->id)->front();
    std::string digits = family->subscriber_code.substr(family->subscriber_code.rfind('-') + 1);

    kiosk.pump(2);
    kiosk.press("Parents");
    REQUIRE(kiosk.app().screen() == app::Screen::ParentSignIn);
    for (char c : digits)
        kiosk.press(std::string(1, c));
    kiosk.press("Valider");
    CHECK(kiosk.app().sign_in_view().prompt.find(family->name) != std::string::npos);
    for (char c : app::kDemoPin)
        kiosk.press(std::string(1, c));
    CHECK(kiosk.app().sign_in_view().entry == "****");
    kiosk.capture("session-pin");
    kiosk.press("Valider");
    REQUIRE(kiosk.app().screen() == app::Screen::ParentWeek);
    kiosk.capture("session-week-before");

    // Row 1 is the canteen, day 3 is Thursday.
    auto before = kiosk.app().week_view();
    REQUIRE(before.rows[1].cells[3].state == app::CellState::Reserved);
    kiosk.press("cell1-3");
    auto after = kiosk.app().week_view();
    CHECK(after.rows[1].cells[3].state == app::CellState::NotReserved);
    CHECK(after.message.find("Annulé") != std::string::npos);
    REQUIRE_FALSE(after.recent.empty());
    CHECK(after.recent.front().state == "en attente d'envoi");
    kiosk.capture("session-week-after");

    kiosk.press("Se déconnecter");
    CHECK(kiosk.app().screen() == app::Screen::Badge);
    CHECK_FALSE(kiosk.runtime->sessions->current().has_value());

    auto pending = kiosk.store().outbox_pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK((*pending)[0].kind == store::kBookingIntentOutboxKind);
    auto intent = kiosk.store().booking_intents().get((*pending)[0].event);
    REQUIRE(intent.ok());
    REQUIRE(intent->has_value());
    CHECK((*intent)->action == BookingAction::Cancel);
    CHECK((*intent)->child == child.id);
    CHECK((*intent)->day == thursday);
    CHECK((*intent)->activity == canteen);
    CHECK((*intent)->made_at == kiosk.clock.now());
    CHECK_FALSE(*kiosk.store().reservations().is_reserved(child.id, canteen, thursday));
}
