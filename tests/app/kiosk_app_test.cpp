// The screens' logic without a window: what each view shows for the demo school on a canteen Monday,
// how taps, sign-ins and time move the kiosk from screen to screen.
#include "app_fixture.hpp"
#include "badgeuse/app/texts.hpp"

using namespace badgeuse;
using namespace badgeuse::testing;
using namespace std::chrono_literals;
using app::Screen;

TEST_CASE("the badge screen shows the canteen open now with its present and expected counts") {
    AppKiosk k;
    auto view = k.app().badge_view();
    CHECK(view.clock == "11:45");
    CHECK(view.date == "lundi 7 décembre 2026");
    CHECK(view.activity == "Restauration scolaire 11:30\u201313:30");
    CHECK(view.activity_open);
    CHECK(view.counts.starts_with("0 présents / "));
    CHECK(view.prompt == "Passe ton badge");
    CHECK(view.demo_badges.size() == 8);
    k.tap(k.booked_uid());
    CHECK(k.app().badge_view().counts.starts_with("1 présents / "));
}

TEST_CASE("outside opening hours the badge screen says when the next activity opens") {
    AppKiosk k;
    k.clock.set(monday_at(14, 0));
    k.app().update();
    CHECK(k.app().badge_view().activity == "Fermé · prochaine ouverture : Périscolaire soir, lundi à 16:30");
    k.tap(k.booked_uid());
    auto verdict = k.app().verdict_view();
    CHECK(verdict.tone == Tone::Red);
    CHECK(verdict.detail == "Prochaine ouverture : Périscolaire soir, lundi à 16:30");
}

TEST_CASE("a booked child is welcomed by first name and the verdict is durable before it shows") {
    AppKiosk k;
    k.tap(k.booked_uid());
    REQUIRE(k.app().screen() == Screen::Verdict);
    auto v = k.app().verdict_view();
    CHECK(v.tone == Tone::Green);
    CHECK(v.headline == "Bonjour " + k.app().badge_view().demo_badges.front().label + " !");
    CHECK(v.message == "Bon appétit !");
    CHECK(*k.store().outbox_count() == 1);
    CHECK(k.app().take_sound() == Tone::Green);
    CHECK_FALSE(k.app().take_sound().has_value()); // once
    k.wait(2s);
    CHECK(k.app().screen() == Screen::Badge);
}

TEST_CASE("flagged and refused taps say to see a carer and are told apart by colour") {
    AppKiosk k;
    k.tap(k.demo_uid("sans résa"));
    CHECK(k.app().verdict_view().tone == Tone::Orange);
    CHECK(k.app().verdict_view().detail == "Pas de réservation aujourd'hui");
    k.wait(3s);
    k.tap(k.demo_uid("absent"));
    CHECK(k.app().verdict_view().tone == Tone::Orange);
    CHECK(k.app().verdict_view().detail == "Absence déclarée pour aujourd'hui");
    k.wait(3s);
    k.tap(k.demo_uid("Révoqué"));
    CHECK(k.app().verdict_view().headline == "Badge désactivé");
    CHECK(k.app().verdict_view().tone == Tone::Red);
    k.wait(3s);
    k.tap("0BADC0DE");
    CHECK(k.app().verdict_view().headline == "Badge inconnu");
    CHECK(*k.store().refused_taps().count() == 2);
}

TEST_CASE("a second tap in the same service says already checked in with the time of the first") {
    AppKiosk k;
    k.tap(k.booked_uid());
    k.wait(3s);
    k.clock.advance(2min);
    k.tap(k.booked_uid());
    auto v = k.app().verdict_view();
    CHECK(v.tone == Tone::Neutral);
    CHECK(v.headline.ends_with(", déjà pointé"));
    CHECK(v.detail == "à 11:45");
    CHECK(*k.store().outbox_count() == 1);
}

TEST_CASE("ten taps in two seconds give ten verdicts in turn, none dropped") {
    AppKiosk k;
    int n = 0;
    for (const auto& badge : k.school().badges)
        if (badge.holder_kind == HolderKind::Child && badge.state == BadgeState::Active && n < 10) {
            k.tap(badge.uid);
            k.clock.advance(200ms);
            ++n;
        }
    CHECK(k.app().verdicts_waiting() == 9);
    CHECK(k.app().verdict_view().waiting.size() == 9);
    std::vector<std::string> shown{k.app().verdict_view().headline};
    while (k.app().screen() == Screen::Verdict) {
        k.wait(100ms);
        if (k.app().screen() == Screen::Verdict && k.app().verdict_view().headline != shown.back())
            shown.push_back(k.app().verdict_view().headline);
    }
    CHECK(shown.size() == 10);
    CHECK(*k.store().outbox_count() == 10);
}

TEST_CASE("a child with an allergy or a PAI gets the health marker on the verdict") {
    AppKiosk k;
    const Child* marked = nullptr;
    for (const auto& c : k.school().children)
        if (c.needs_health_marker())
            marked = &c;
    REQUIRE(marked != nullptr);
    for (const auto& b : k.school().badges)
        if (b.holder_kind == HolderKind::Child && b.holder_id == marked->id.value &&
            b.state == BadgeState::Active) {
            k.tap(b.uid);
            break;
        }
    CHECK(k.app().verdict_view().health_marker);
    CHECK(k.app().verdict_view().health_label == "PAI / allergie : voir la fiche");
}

TEST_CASE("a parent's badge opens the family's week, with each cell's deadline text") {
    AppKiosk k;
    k.tap(k.demo_uid("Parent"));
    REQUIRE(k.app().screen() == Screen::ParentWeek);
    auto week = k.app().week_view();
    CHECK(week.title.starts_with("Famille "));
    CHECK(week.week == "Semaine du 7 au 11 décembre 2026");
    CHECK(week.days == std::vector<std::string>{"lun. 7", "mar. 8", "mer. 9", "jeu. 10", "ven. 11"});
    REQUIRE(week.rows.size() == 3);
    const auto& canteen = week.rows[1];
    CHECK(canteen.activity == "Restauration scolaire 11:30\u201313:30");
    CHECK(canteen.cells[0].deadline == "délai dépassé");
    CHECK_FALSE(canteen.cells[0].can_change);
    CHECK(canteen.cells[2].state == app::CellState::NotRun); // no canteen on Wednesdays
    CHECK(canteen.cells[3].deadline == "modifiable jusqu'au mardi 10:00");
    CHECK(canteen.cells[3].deadline_short == "jusqu'au mar. 10:00");
    CHECK(canteen.cells[4].deadline == "modifiable jusqu'au mercredi 10:00");
    CHECK(week.sign_out_in == "Déconnexion dans 60 s");
}

TEST_CASE("the week after next shows the Christmas holidays as closed") {
    AppKiosk k;
    k.tap(k.demo_uid("Parent"));
    k.command(app::Command::NextWeek);
    k.command(app::Command::NextWeek);
    auto week = k.app().week_view();
    CHECK(week.week == "Semaine du 21 au 25 décembre 2026");
    CHECK(week.rows[1].cells[0].state == app::CellState::Closed);
    CHECK(week.rows[1].cells[0].label.find("Noël") != std::string::npos);
}

TEST_CASE("a tapped cell books or cancels before the deadline and is refused after it") {
    AppKiosk k;
    k.tap(k.demo_uid("Parent"));
    auto before = k.app().week_view();
    app::Intents thursday;
    thursday.toggle_cell = app::CellRef{1, 3};
    k.app().apply(thursday);
    auto after = k.app().week_view();
    CHECK(after.rows[1].cells[3].state != before.rows[1].cells[3].state);
    CHECK(*k.store().outbox_count() == 1);
    REQUIRE(after.recent.size() == 1);
    CHECK(after.recent[0].state == "en attente d'envoi");
    app::Intents monday;
    monday.toggle_cell = app::CellRef{1, 0};
    k.app().apply(monday);
    CHECK(k.app().week_view().message.starts_with("Délai dépassé : "));
    CHECK(*k.store().outbox_count() == 1);
}

TEST_CASE("the family signs out after sixty seconds without a touch and nothing of it stays") {
    AppKiosk k;
    k.tap(k.demo_uid("Parent"));
    k.wait(30s);
    k.app().handle_touch();
    k.wait(59s);
    CHECK(k.app().screen() == Screen::ParentWeek);
    k.wait(1s);
    CHECK(k.app().screen() == Screen::Badge);
    CHECK(k.app().week_view().rows.empty());
    CHECK(k.app().week_view().title.empty());
}

TEST_CASE("a child's badge signs the family out at once and shows the child's verdict") {
    AppKiosk k;
    k.tap(k.demo_uid("Parent"));
    k.tap(k.booked_uid());
    CHECK(k.app().screen() == Screen::Verdict);
    CHECK_FALSE(k.runtime->sessions->current().has_value());
    k.wait(2s);
    CHECK(k.app().screen() == Screen::Badge);
}

TEST_CASE("a parent signs in with the subscriber code digits and the PIN, and five wrong PINs lock") {
    AppKiosk k;
    const auto& family = k.school().families.front();
    std::string digits = family.subscriber_code.substr(family.subscriber_code.rfind('-') + 1);
    k.command(app::Command::OpenParents);
    REQUIRE(k.app().screen() == Screen::ParentSignIn);
    CHECK(k.app().sign_in_view().prefix == "BLENFANCE-12087-");
    k.keys("9999\n");
    CHECK(k.app().sign_in_view().message == "Code abonné inconnu");
    k.keys(digits + "\n");
    CHECK(k.app().sign_in_view().prompt == family.name + " : tapez votre code PIN");
    k.keys("12");
    CHECK(k.app().sign_in_view().entry == "**");
    k.keys("C");
    for (int i = 0; i < 4; ++i)
        k.keys("0000\n");
    CHECK(k.app().sign_in_view().message == "Code PIN incorrect, 1 essais restants");
    k.keys("0000\n");
    CHECK(k.app().sign_in_view().locked);
    CHECK(k.app().sign_in_view().message == "Trop d'essais : bloqué jusqu'à 12:00");
    k.keys(std::string(app::kDemoPin) + "\n");
    CHECK(k.app().screen() == Screen::ParentSignIn); // still locked
    k.clock.advance(15min);
    k.app().handle_touch();
    k.keys(std::string(app::kDemoPin) + "\n");
    CHECK(k.app().screen() == Screen::ParentWeek);
}

TEST_CASE("the lockout is kept in the store, so a restart gives no new tries") {
    AppKiosk k;
    app::Subject family{app::SubjectKind::Family, k.school().families.front().id.value};
    for (int i = 0; i < 5; ++i)
        (void)k.runtime->sessions->check_pin(family, "0000");
    app::StorePinVault vault(k.store());
    app::Sessions fresh(vault, k.clock);
    CHECK(fresh.check_pin(family, app::kDemoPin)->outcome == app::PinCheck::Outcome::Locked);
}

TEST_CASE("staff sign in with their badge and PIN and see today's roster of the open activity") {
    AppKiosk k;
    k.tap(k.booked_uid());
    k.wait(3s);
    k.tap(k.demo_uid("Personnel"));
    REQUIRE(k.app().screen() == Screen::StaffSignIn);
    k.keys(std::string(app::kDemoPin) + "\n");
    REQUIRE(k.app().screen() == Screen::StaffRoster);
    auto roster = k.app().roster_view();
    CHECK(roster.title.starts_with("Personnel · "));
    CHECK(roster.activities.size() == 3);
    CHECK(roster.activity == 1);
    CHECK(roster.counts.find("Présents 1 ·") != std::string::npos);
    CHECK(roster.diets.starts_with("Repas (prévus / servis) :"));
    int present = 0;
    for (const auto& line : roster.lines)
        present += line.status.starts_with("présent depuis 11:45") ? 1 : 0;
    CHECK(present == 1);
    app::Intents morning;
    morning.select_tab = 0;
    k.app().apply(morning);
    CHECK(k.app().roster_view().diets.empty()); // care serves no meal
}

TEST_CASE("the emergency roll call lists every child checked in and not gone") {
    AppKiosk k;
    k.tap(k.booked_uid());
    k.wait(3s);
    k.tap(k.demo_uid("sans résa"));
    k.wait(3s);
    k.tap(k.demo_uid("Personnel"));
    k.keys(std::string(app::kDemoPin) + "\n");
    k.command(app::Command::RollCall);
    auto roster = k.app().roster_view();
    CHECK(roster.counts == "Appel d'urgence : 2 enfants sur place");
    CHECK(roster.lines.size() == 2);
    k.command(app::Command::Back);
    CHECK(k.app().roster_view().lines.size() > 2);
}

TEST_CASE("the long-period request plans two weeks from next Monday and confirms only what changes") {
    AppKiosk k;
    k.tap(k.demo_uid("Parent"));
    k.command(app::Command::OpenLongPeriod);
    REQUIRE(k.app().screen() == Screen::LongPeriod);
    k.command(app::Command::LongPeriodCancel);
    auto view = k.app().long_period_view();
    CHECK(view.range == "du 14 au 25 décembre 2026");
    CHECK(view.cancel);
    CHECK(view.summary.find("changements") != std::string::npos);
    REQUIRE(view.can_confirm);
    k.command(app::Command::ConfirmLongPeriod);
    CHECK(k.app().screen() == Screen::ParentWeek);
    CHECK(k.app().week_view().message.ends_with("changements enregistrés"));
    CHECK(*k.store().outbox_count() > 0);
    CHECK(*k.store().outbox_count() == *k.store().booking_intents().count());
}

TEST_CASE("the badge screen dims after five minutes without activity and a touch wakes it") {
    AppKiosk k;
    k.wait(4min + 59s);
    CHECK(k.app().brightness() == app::Brightness::Normal);
    CHECK(k.app().time_to_next_change() <= 1s);
    auto before = k.app().generation();
    k.wait(1s);
    CHECK(k.app().brightness() == app::Brightness::Dimmed);
    CHECK(k.app().generation() != before); // the veil is drawn
    k.app().handle_touch();
    CHECK(k.app().brightness() == app::Brightness::Normal);
}

TEST_CASE("an idle badge screen asks to be woken no sooner than the next minute") {
    AppKiosk k;
    k.clock.set(monday_at(11, 45) + 20s);
    k.app().handle_touch();
    CHECK(k.app().time_to_next_change() == 40s);
    auto before = k.app().generation();
    k.wait(39s);
    CHECK(k.app().generation() == before); // nothing to redraw within the minute
    k.wait(1s);
    CHECK(k.app().generation() != before); // the clock shows 11:46
    CHECK(k.app().badge_view().clock == "11:46");
}

TEST_CASE("the kiosk speaks English when asked") {
    AppKiosk k(app::Language::English);
    CHECK(k.app().badge_view().prompt == "Tap your badge");
    CHECK(k.app().badge_view().date == "Monday December 7, 2026");
    k.command(app::Command::ToggleLanguage);
    CHECK(k.app().badge_view().prompt == "Passe ton badge");
}

TEST_CASE("a child's badge during a staff session shows the verdict and comes back to the roster") {
    AppKiosk k;
    k.tap(k.demo_uid("Personnel"));
    k.keys(std::string(app::kDemoPin) + "\n");
    REQUIRE(k.app().screen() == Screen::StaffRoster);
    k.tap(k.booked_uid());
    CHECK(k.app().screen() == Screen::Verdict);
    k.wait(2s);
    CHECK(k.app().screen() == Screen::StaffRoster);
    CHECK(k.app().roster_view().counts.find("Présents 1 ·") != std::string::npos);
}
