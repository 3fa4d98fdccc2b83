// Staff's tools beyond the roster, without a window: finding a child by name on the letter keyboard,
// the child's card, manual arrival and undo recorded with the staff member, the evening-care pick-up
// and its refusal, badges nobody holds given to a child, and the kiosk's state.
#include "app_fixture.hpp"
#include "badgeuse/core/name_search.hpp"

#include <algorithm>

using namespace badgeuse;
using namespace badgeuse::testing;
using namespace std::chrono_literals;
using app::Command;
using app::Screen;

namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    return text;
}

// What staff type for a child: the folded first name, then the start of the last name.
std::string typed_for(const Child& child) {
    return upper(fold_name(child.first_name) + " " + fold_name(child.last_name).substr(0, 3));
}

const Child& child_where(AppKiosk& k, const std::function<bool(const Child&)>& wanted) {
    const auto& children = k.school().children;
    auto found = std::find_if(children.begin(), children.end(), wanted);
    REQUIRE(found != children.end());
    return *found;
}

// Signs staff in, searches the child and opens the card.
void open_card(AppKiosk& k, const Child& child) {
    if (k.app().screen() != Screen::StaffRoster)
        k.sign_in_staff();
    k.command(Command::OpenChildSearch);
    REQUIRE(k.app().screen() == Screen::ChildSearch);
    k.letters(typed_for(child));
    auto view = k.app().child_search_view();
    auto wanted = child.last_name + " " + child.first_name + " · " + child.class_name;
    auto at = std::find(view.results.begin(), view.results.end(), wanted);
    INFO("typed " << typed_for(child) << ", looking for " << wanted);
    REQUIRE(at != view.results.end());
    k.pick(static_cast<int>(at - view.results.begin()));
    REQUIRE(k.app().screen() == Screen::ChildCard);
}

std::vector<AttendanceEvent> events_of(AppKiosk& k, const Child& child) {
    return *k.store().attendance().for_child_on(child.id, paris::local_date(k.clock.now()));
}

StaffId demo_staff(AppKiosk& k) {
    auto badge = *k.store().badges().find(k.demo_uid("Personnel"));
    REQUIRE(badge.has_value());
    return StaffId{badge->holder_id};
}

} // namespace

TEST_CASE("staff find Léa by typing lea on the letter keyboard, accents ignored") {
    AppKiosk k;
    k.sign_in_staff();
    k.command(Command::OpenChildSearch);
    auto empty = k.app().child_search_view();
    CHECK(empty.title == "Chercher un enfant");
    CHECK(empty.prompt == "Tapez le début du prénom ou du nom");
    CHECK(empty.results.empty());
    const Child& lea = child_where(k, [](const Child& c) { return c.first_name == "Léa"; });
    k.letters("LEA");
    auto view = k.app().child_search_view();
    CHECK(view.query == "LEA");
    REQUIRE_FALSE(view.results.empty());
    for (const auto& line : view.results)
        CHECK(name_matches(line, "lea"));
    std::size_t leas =
        std::count_if(k.school().children.begin(), k.school().children.end(),
                      [](const Child& c) { return name_matches(c.last_name + " " + c.first_name, "lea"); });
    if (leas > app::kSearchResultsShown)
        CHECK(view.prompt == std::to_string(leas) + " enfants : tapez la suite du nom");
    // Erase, clear, and a name nobody has.
    k.letters("<");
    CHECK(k.app().child_search_view().query == "LE");
    k.letters("#ZZZ");
    CHECK(k.app().child_search_view().query == "ZZZ");
    CHECK(k.app().child_search_view().prompt == "Aucun enfant de ce nom");
    k.letters("#");
    open_card(k, lea);
    CHECK(k.app().child_card_view().name == lea.last_name + " Léa");
}

TEST_CASE("a child's card shows class, diet, the PAI marker with the note, guardians and authorised adults") {
    AppKiosk k;
    const Child& child = child_where(
        k, [](const Child& c) { return c.pai && !c.health_note.empty() && !c.authorised_adults.empty(); });
    open_card(k, child);
    auto card = k.app().child_card_view();
    CHECK(card.class_name == "Classe " + child.class_name);
    CHECK(card.diet == "Repas : " + std::string(diet_label_fr(child.diet)));
    CHECK(card.health_marker);
    CHECK(card.health_label.starts_with("+ PAI"));
    CHECK(card.health_note == child.health_note);
    REQUIRE_FALSE(card.guardians.empty());
    for (const auto& g : k.school().guardians)
        if (g.family == child.family)
            CHECK(std::any_of(card.guardians.begin(), card.guardians.end(), [&](const app::CardLine& l) {
                return l.label == g.first_name + " " + g.last_name;
            }));
    REQUIRE(card.adults.size() == child.authorised_adults.size());
    CHECK(card.adults.front().label == child.authorised_adults.front().name);
    CHECK(card.adults.front().detail == child.authorised_adults.front().phone);
    CHECK(card.activity == "Restauration scolaire"); // the roster's activity, open now
    CHECK_FALSE(card.can_depart);                    // the canteen records no departures
}

TEST_CASE("a manual arrival is recorded with the staff member, once, and undo voids it") {
    AppKiosk k;
    const Child& child = child_where(k, [](const Child& c) { return c.id.value > 20; });
    open_card(k, child);
    CHECK(k.app().child_card_view().status == "pas encore arrivé");
    auto waiting = *k.store().outbox_count();
    k.command(Command::ManualArrival);
    auto card = k.app().child_card_view();
    CHECK(card.message == "Arrivée enregistrée à 11:45");
    CHECK_FALSE(card.message_is_refusal);
    CHECK(card.status == "présent depuis 11:45");
    auto events = events_of(k, child);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::Arrival);
    CHECK(events[0].capture == Capture::Manual);
    CHECK(events[0].recorded_by == demo_staff(k));
    CHECK(events[0].badge_uid.empty());
    CHECK(*k.store().outbox_count() == waiting + 1);

    k.command(Command::ManualArrival); // a second press records nothing
    CHECK(k.app().child_card_view().message == "Déjà arrivé(e) à 11:45");
    CHECK(k.app().child_card_view().message_is_refusal);
    CHECK(events_of(k, child).size() == 1);

    k.command(Command::ManualDeparture); // the canteen keeps no departures
    CHECK(k.app().child_card_view().message == "Restauration scolaire n'enregistre pas les départs");

    k.clock.advance(1min);
    k.command(Command::UndoLast);
    CHECK(k.app().child_card_view().message == "Arrivée annulée");
    CHECK(k.app().child_card_view().status == "pas encore arrivé");
    events = events_of(k, child);
    REQUIRE(events.size() == 2);
    CHECK(events[1].kind == EventKind::Void);
    CHECK(events[1].voids == events[0].id);
    CHECK(events[1].recorded_by == demo_staff(k));
    CHECK(*k.store().outbox_count() == waiting + 2);
    k.command(Command::UndoLast);
    CHECK(k.app().child_card_view().message == "Rien à annuler aujourd'hui pour cette activité");
    // Back on the roster the child counts as missing again, not present.
    k.command(Command::Back);
    k.command(Command::Back);
    REQUIRE(k.app().screen() == Screen::StaffRoster);
}

TEST_CASE("evening care refuses a departure with someone not authorised and records the authorised adult") {
    AppKiosk k;
    k.clock.set(monday_at(16, 45));
    k.app().update();
    const Child& child = child_where(k, [](const Child& c) { return !c.authorised_adults.empty(); });
    open_card(k, child);
    REQUIRE(k.app().child_card_view().activity == "Périscolaire soir");
    REQUIRE(k.app().child_card_view().can_depart);
    k.command(Command::ManualDeparture);
    REQUIRE(k.app().screen() == Screen::PickUp);
    k.command(Command::Back);
    k.command(Command::ManualArrival);
    k.clock.advance(90min);
    k.command(Command::ManualDeparture);
    REQUIRE(k.app().screen() == Screen::PickUp);
    auto pick_up = k.app().pick_up_view();
    CHECK(pick_up.title == "Départ de " + child.first_name + " : avec qui\u00a0?");
    std::size_t guardians = std::count_if(k.school().guardians.begin(), k.school().guardians.end(),
                                          [&](const Guardian& g) { return g.family == child.family; });
    REQUIRE(pick_up.adults.size() == guardians + child.authorised_adults.size());
    CHECK(pick_up.adults.front().label.ends_with(" (parent)"));

    k.command(Command::OtherAdult);
    CHECK(k.app().pick_up_view().typing);
    k.letters("JEAN INCONNU");
    k.command(Command::ConfirmOtherAdult);
    CHECK(k.app().screen() == Screen::PickUp);
    CHECK(k.app().pick_up_view().message ==
          "Cette personne n'est pas autorisée à récupérer " + child.first_name + " : contactez la famille");
    auto events = events_of(k, child);
    CHECK(std::none_of(events.begin(), events.end(),
                       [](const auto& e) { return e.kind == EventKind::Departure; }));

    // The authorised adult's name typed without accents is accepted.
    const auto& adult = child.authorised_adults.front();
    k.letters("#" + upper(fold_name(adult.name)));
    k.command(Command::ConfirmOtherAdult);
    REQUIRE(k.app().screen() == Screen::ChildCard);
    CHECK(k.app().child_card_view().message == "Départ enregistré à 18:15, avec " + adult.name);
    events = events_of(k, child);
    REQUIRE(events.size() == 2);
    CHECK(events[1].kind == EventKind::Departure);
    CHECK(events[1].picked_up_by == adult.name);
    CHECK(events[1].capture == Capture::Manual);
    CHECK(events[1].recorded_by == demo_staff(k));
    CHECK(k.app().child_card_view().status == "parti à 18:15");

    // Undo the departure, then the guardian chosen from the list takes the child.
    k.command(Command::UndoLast);
    CHECK(k.app().child_card_view().message == "Départ annulé");
    k.command(Command::ManualDeparture);
    k.pick(0);
    REQUIRE(k.app().screen() == Screen::ChildCard);
    events = events_of(k, child);
    REQUIRE(events.size() == 4);
    CHECK(events[3].picked_up_by + " (parent)" == pick_up.adults.front().label);
}

TEST_CASE("a badge tapped today that nobody holds is given to a child and works at once") {
    AppKiosk k;
    k.tap("0BADC0DE");
    k.wait(3s);
    k.tap("0BADC0DE");
    k.wait(3s);
    k.tap("04FEEDFACE");
    k.wait(3s);
    k.tap(k.demo_uid("Révoqué")); // someone's revoked badge: held, so not listed
    k.wait(3s);
    k.sign_in_staff();
    CHECK(k.app().roster_view().unheld_badges_button == "Badges sans titulaire (2)");
    k.command(Command::OpenUnheldBadges);
    REQUIRE(k.app().screen() == Screen::UnheldBadges);
    auto view = k.app().unheld_badges_view();
    REQUIRE(view.badges.size() == 2);
    CHECK(view.badges[0].uid == "04FEEDFACE"); // the latest first
    CHECK(view.badges[0].detail == "1 passage, à 11:45");
    CHECK(view.badges[1].uid == "0BADC0DE");
    CHECK(view.badges[1].detail == "2 passages, le dernier à 11:45");

    const Child& child = child_where(k, [](const Child& c) { return c.id.value > 30; });
    auto waiting = *k.store().outbox_count();
    k.pick(1);
    REQUIRE(k.app().screen() == Screen::ChildSearch);
    CHECK(k.app().child_search_view().title == "Donner le badge 0BADC0DE à…");
    k.letters(typed_for(child));
    auto results = k.app().child_search_view().results;
    auto at = std::find(results.begin(), results.end(),
                        child.last_name + " " + child.first_name + " · " + child.class_name);
    REQUIRE(at != results.end());
    k.pick(static_cast<int>(at - results.begin()));
    REQUIRE(k.app().screen() == Screen::UnheldBadges);
    view = k.app().unheld_badges_view();
    CHECK(view.message == "Badge 0BADC0DE donné à " + child.last_name + " " + child.first_name);
    REQUIRE(view.badges.size() == 1);
    CHECK(view.badges[0].uid == "04FEEDFACE");
    auto badge = *k.store().badges().find("0BADC0DE");
    REQUIRE(badge.has_value());
    CHECK(badge->holder_id == child.id.value);
    auto pending = *k.store().outbox_pending(100);
    REQUIRE(pending.size() == static_cast<std::size_t>(waiting + 1));
    CHECK(pending.back().kind == store::kBadgeAssignmentOutboxKind);
    auto given = *k.store().badge_assignments().get(pending.back().event);
    REQUIRE(given.has_value());
    CHECK(given->staff == demo_staff(k));
    CHECK(given->child == child.id);
    CHECK(given->badge_uid == "0BADC0DE");
    // The child's next tap with it is a check-in, not a refusal.
    k.tap("0BADC0DE");
    REQUIRE(k.app().screen() == Screen::Verdict);
    CHECK(k.app().verdict_view().tone != Tone::Red);
    CHECK(k.app().verdict_view().headline.find(child.first_name) != std::string::npos);
}

TEST_CASE("the kiosk-state panel shows reader, sync, clock offset, disk space and version") {
    AppKiosk k;
    k.sign_in_staff();
    k.command(Command::OpenKioskState);
    REQUIRE(k.app().screen() == Screen::KioskState);
    std::uintmax_t free_bytes = 150ULL * 1024 * 1024;
    std::filesystem::path asked;
    k.app().set_free_disk_space([&](const std::filesystem::path& folder) -> std::optional<std::uintmax_t> {
        asked = folder;
        return free_bytes;
    });
    auto line = [&](std::string_view label) {
        auto view = k.app().kiosk_state_view();
        auto found = std::find_if(view.lines.begin(), view.lines.end(),
                                  [&](const app::StateLine& l) { return l.label == label; });
        INFO("no line " << std::string(label));
        REQUIRE(found != view.lines.end());
        return *found;
    };
    CHECK(line("Espace libre").value == "150 Mo");
    CHECK(line("Espace libre").warning); // under 200 MB
    CHECK(asked == k.store().path().parent_path());
    free_bytes = 3584ULL * 1024 * 1024;
    CHECK(line("Espace libre").value == "3,5 Go");
    CHECK_FALSE(line("Espace libre").warning);
    CHECK(line("Version").value == "0.1.0");

    // Not configured: the button is off and says why.
    auto view = k.app().kiosk_state_view();
    CHECK_FALSE(view.can_sync);
    CHECK(view.sync_unavailable == "La synchronisation n'est pas configurée (kiosk.toml, [sync])");
    CHECK(line("Portail").value == "Synchronisation non configurée");

    app::ReaderHealth reader;
    reader.link = app::ReaderLink::Error;
    reader.reader_id = "nfc";
    reader.text = "Lecteur en panne : voir l'écran Personnel";
    reader.detail = "no NFC reader answers on pn532_uart:/dev/ttyUSB0";
    reader.dropped_taps = 3;
    k.app().set_reader_health(reader);
    CHECK(
        line("Lecteur").value ==
        "Lecteur en panne : voir l'écran Personnel (nfc) · no NFC reader answers on pn532_uart:/dev/ttyUSB0");
    CHECK(line("Lecteur").warning);
    CHECK(line("Passages perdus").value == "3");

    app::SyncHealth sync;
    sync.link = app::SyncLink::Offline;
    sync.server = "https://portail.ville.fr:8443";
    sync.offline_since = monday_at(10, 42);
    sync.last_sync = monday_at(10, 41);
    sync.last_error = "connexion refusée par 10.0.0.5:8443";
    sync.clock_offset = std::chrono::milliseconds{150'000};
    k.app().set_sync_health(sync);
    CHECK(line("Portail").value == "Hors ligne depuis 10:42 · https://portail.ville.fr:8443");
    CHECK(line("Dernière synchronisation").value == "10:41");
    CHECK(line("Hors ligne depuis").value == "10:42");
    CHECK(line("Dernière erreur").value == "connexion refusée par 10.0.0.5:8443");
    CHECK(line("Horloge").value ==
          "+150 s d'écart avec le portail · plus de 2 minutes : faites régler l'horloge");
    CHECK(line("Horloge").warning);
    sync.clock_offset = std::chrono::milliseconds{-30'000};
    k.app().set_sync_health(sync);
    CHECK(line("Horloge").value == "-30 s d'écart avec le portail");
    CHECK_FALSE(line("Horloge").warning);

    // Configured: the button asks the sync client, once per press.
    int asked_to_sync = 0;
    k.app().set_sync_now([&] { ++asked_to_sync; });
    view = k.app().kiosk_state_view();
    CHECK(view.can_sync);
    k.command(Command::SyncNow);
    CHECK(asked_to_sync == 1);
    CHECK(k.app().kiosk_state_view().message == "Synchronisation demandée");
    k.command(Command::Back);
    CHECK(k.app().screen() == Screen::StaffRoster);
    k.command(Command::SyncNow); // not on the panel: nothing
    CHECK(asked_to_sync == 1);
}

TEST_CASE("the staff screens speak English when asked") {
    AppKiosk k(app::Language::English);
    k.sign_in_staff();
    CHECK(k.app().roster_view().search_button == "Find a child");
    CHECK(k.app().roster_view().unheld_badges_button == "Unheld badges (0)");
    k.command(Command::OpenChildSearch);
    CHECK(k.app().child_search_view().prompt == "Type the start of the first or last name");
    k.command(Command::Back);
    k.command(Command::OpenKioskState);
    auto state = k.app().kiosk_state_view();
    CHECK(state.title == "Kiosk state");
    CHECK(state.sync_button == "Sync now");
    CHECK(state.sync_unavailable == "Sync is not configured (kiosk.toml, [sync])");
}

TEST_CASE(
    "a child's tap during the card shows the verdict and comes back to it, and idle staff are signed out") {
    AppKiosk k;
    const Child& child = child_where(k, [](const Child& c) { return c.id.value > 40; });
    open_card(k, child);
    k.tap(k.booked_uid());
    REQUIRE(k.app().screen() == Screen::Verdict);
    k.wait(3s);
    CHECK(k.app().screen() == Screen::ChildCard);
    CHECK(k.app().child_card_view().name == child.last_name + " " + child.first_name);
    k.wait(61s);
    CHECK(k.app().screen() == Screen::Badge);
    k.command(Command::ManualArrival); // a stale intent after the sign-out records nothing
    CHECK(events_of(k, child).empty());
}
