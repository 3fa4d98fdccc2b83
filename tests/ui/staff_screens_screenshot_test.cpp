// Staff's screens on the real window under Xvfb, at 800x480 and 1920x1080: the child search on the
// letter keyboard (pressed with real pointer events), the child's card with its PAI marker, the refused
// pick-up, the badges nobody holds, and the kiosk's state with its warnings and sync button.
#include "badgeuse/app/kiosk_demo.hpp"
#include "badgeuse/core/name_search.hpp"
#include "ui_harness.hpp"

#include <algorithm>

using namespace badgeuse;
using namespace badgeuse::testing;

namespace {

struct Size {
    int w;
    int h;
};
constexpr Size kSizes[] = {{800, 480}, {1920, 1080}};

const ui::Target& target(std::string_view label) {
    const ui::Target* found = ui::find_target(label);
    INFO("nothing labelled \"" << std::string(label) << "\" on screen");
    REQUIRE(found != nullptr);
    return *found;
}

double share(const ui::Image& image, const ui::Target& t, ImU32 colour, int tolerance) {
    int x0 = static_cast<int>(t.min.x), y0 = static_cast<int>(t.min.y);
    int x1 = static_cast<int>(t.max.x), y1 = static_cast<int>(t.max.y);
    return static_cast<double>(count_colour(image, rgb_of(colour), x0, y0, x1, y1, tolerance)) /
           static_cast<double>((x1 - x0) * (y1 - y0));
}

// Glyphs in `colour` inside the text's rectangle: some of its pixels, not all. An entry box is wider
// than the few letters typed in it, hence its lower floor.
void require_ink(const ui::Image& image, std::string_view text, ImU32 colour, double at_least = 0.04) {
    double inked = share(image, target(text), colour, 40);
    INFO("\"" << std::string(text) << "\": " << inked << " of its rectangle inked");
    CHECK(inked > at_least);
    CHECK(inked < 0.75);
}

void apply(UiKiosk& kiosk, app::Command command) {
    app::Intents intents;
    intents.commands.push_back(command);
    kiosk.app().apply(intents);
    kiosk.pump(1);
}

void letters(UiKiosk& kiosk, std::string_view typed) {
    for (char c : typed) {
        app::Intents intents;
        intents.letter = c;
        kiosk.app().apply(intents);
    }
    kiosk.pump(1);
}

std::string demo_uid(UiKiosk& kiosk, std::string_view label) {
    for (const auto& badge : kiosk.app().badge_view().demo_badges)
        if (badge.label == label)
            return badge.uid;
    FAIL("no demo badge " << std::string(label));
    return {};
}

void sign_in_staff(UiKiosk& kiosk) {
    kiosk.tap(demo_uid(kiosk, "Personnel"));
    REQUIRE(kiosk.app().screen() == app::Screen::StaffSignIn);
    for (char c : std::string(app::kDemoPin) + "\n") {
        app::Intents pin;
        pin.key = c;
        kiosk.app().apply(pin);
    }
    REQUIRE(kiosk.app().screen() == app::Screen::StaffRoster);
    kiosk.pump(1);
}

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    return text;
}

void open_card(UiKiosk& kiosk, const Child& child) {
    apply(kiosk, app::Command::OpenChildSearch);
    letters(kiosk, upper(fold_name(child.first_name) + " " + fold_name(child.last_name)));
    auto results = kiosk.app().child_search_view().results;
    REQUIRE_FALSE(results.empty());
    app::Intents pick;
    pick.pick = 0;
    kiosk.app().apply(pick);
    REQUIRE(kiosk.app().screen() == app::Screen::ChildCard);
    kiosk.pump(1);
}

} // namespace

TEST_CASE("staff type lea on the on-screen letter keyboard with touches and Léa's name comes up") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        sign_in_staff(kiosk);
        kiosk.press("Chercher un enfant");
        REQUIRE(kiosk.app().screen() == app::Screen::ChildSearch);
        for (const char* key : {"L", "E", "A"})
            kiosk.press(key);
        auto view = kiosk.app().child_search_view();
        CHECK(view.query == "LEA");
        REQUIRE_FALSE(view.results.empty());
        CHECK(view.results.front().find("Léa") != std::string::npos);
        auto image = kiosk.capture("child-search");
        // Every key is a touch target both ways; the typed text and the first match are drawn.
        for (const char* key : {"A", "P", "M", "W", "-"}) {
            const auto& k = target(key);
            CHECK(k.max.y - k.min.y >= ui::theme().touch_target - 1);
            CHECK(k.max.x - k.min.x >= ui::theme().touch_target - 1);
        }
        require_ink(image, "LEA", ui::theme().text, 0.01);
        CHECK(share(image, target(view.results.front()), ui::theme().accent, 6) > 0.5);
        kiosk.press(view.results.front());
        CHECK(kiosk.app().screen() == app::Screen::ChildCard);
        CHECK(kiosk.app().child_card_view().name.ends_with("Léa"));
    }
}

TEST_CASE("a child's card shows the PAI marker in red and the manual buttons") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        const auto& children = kiosk.school().children;
        auto pai = std::find_if(children.begin(), children.end(),
                                [](const Child& c) { return c.pai && !c.health_note.empty(); });
        REQUIRE(pai != children.end());
        sign_in_staff(kiosk);
        open_card(kiosk, *pai);
        auto view = kiosk.app().child_card_view();
        REQUIRE(view.health_marker);
        auto image = kiosk.capture("child-card");
        CHECK(share(image, target(view.health_label), ui::theme().red, 6) > 0.5);
        require_ink(image, view.health_label, ui::theme().on_accent);
        require_ink(image, view.health_note, ui::theme().red);
        require_ink(image, view.name, ui::theme().text);
        CHECK(share(image, target(view.arrival_button), ui::theme().accent, 6) > 0.5);
        CHECK(ui::find_target(view.departure_button) == nullptr); // the canteen keeps no departures
        kiosk.press(view.arrival_button);
        view = kiosk.app().child_card_view();
        CHECK(view.message == "Arrivée enregistrée à 11:45");
        auto after = kiosk.capture("child-card-arrived");
        require_ink(after, view.message, ui::theme().green);
    }
}

TEST_CASE("a pick-up by someone not authorised is refused in red on the pick-up screen") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        kiosk.clock.set(
            paris::to_instant(Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{7}},
                              TimeOfDay::at(16, 45)));
        kiosk.app().update();
        const auto& children = kiosk.school().children;
        auto child = std::find_if(children.begin(), children.end(),
                                  [](const Child& c) { return !c.authorised_adults.empty(); });
        REQUIRE(child != children.end());
        sign_in_staff(kiosk);
        open_card(kiosk, *child);
        apply(kiosk, app::Command::ManualArrival);
        kiosk.pump(1);
        kiosk.press(kiosk.app().child_card_view().departure_button);
        REQUIRE(kiosk.app().screen() == app::Screen::PickUp);
        auto list = kiosk.capture("pick-up");
        for (const auto& adult : kiosk.app().pick_up_view().adults) {
            std::string label = adult.label + (adult.detail.empty() ? "" : "  ·  " + adult.detail);
            CHECK(target(label).max.y - target(label).min.y >= ui::theme().touch_target - 1);
        }
        kiosk.press("Une autre personne…");
        REQUIRE(kiosk.app().pick_up_view().typing);
        for (const char* key : {"J", "E", "A", "N"})
            kiosk.press(key);
        kiosk.press("Valider");
        auto view = kiosk.app().pick_up_view();
        REQUIRE(view.message == "Cette personne n'est pas autorisée à récupérer " + child->first_name +
                                    " : contactez la famille");
        auto image = kiosk.capture("pick-up-refused");
        require_ink(image, view.message, ui::theme().red);
        require_ink(image, "JEAN", ui::theme().text, 0.01);
    }
}

TEST_CASE("the badges nobody holds are listed with a button to give each one") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        kiosk.tap("0BADC0DE");
        kiosk.clock.advance(std::chrono::seconds{3});
        kiosk.pump(1);
        sign_in_staff(kiosk);
        kiosk.press("Badges sans titulaire (1)");
        REQUIRE(kiosk.app().screen() == app::Screen::UnheldBadges);
        auto image = kiosk.capture("unheld-badges");
        require_ink(image, "0BADC0DE", ui::theme().text);
        CHECK(share(image, target("Donner ce badge à…"), ui::theme().accent, 6) > 0.5);
        kiosk.press("Donner ce badge à…");
        CHECK(kiosk.app().screen() == app::Screen::ChildSearch);
        CHECK(kiosk.app().child_search_view().title == "Donner le badge 0BADC0DE à…");
    }
}

TEST_CASE("the kiosk-state panel draws its warnings in red and its sync button off until configured") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        sign_in_staff(kiosk);
        kiosk.press("État de la borne");
        REQUIRE(kiosk.app().screen() == app::Screen::KioskState);
        kiosk.app().set_free_disk_space(
            [](const std::filesystem::path&) { return std::optional<std::uintmax_t>{}; });
        app::SyncHealth sync;
        sync.link = app::SyncLink::Offline;
        sync.offline_since = canteen_monday() - std::chrono::minutes{63};
        sync.clock_offset = std::chrono::milliseconds{-185'000};
        kiosk.app().set_sync_health(sync);
        kiosk.pump(1);
        auto view = kiosk.app().kiosk_state_view();
        auto clock = std::find_if(view.lines.begin(), view.lines.end(),
                                  [](const app::StateLine& l) { return l.label == "Horloge"; });
        REQUIRE(clock != view.lines.end());
        REQUIRE(clock->warning);
        auto image = kiosk.capture("kiosk-state");
        require_ink(image, clock->value, ui::theme().red);
        require_ink(image, "inconnu", ui::theme().red); // the disk space could not be read
        require_ink(image, "0.1.0", ui::theme().text);
        // Off: the button is drawn faded, not in the accent.
        CHECK(share(image, target(view.sync_button), ui::theme().accent, 6) < 0.2);
        int asked = 0;
        kiosk.app().set_sync_now([&] { ++asked; });
        // Back online as the client reports it: the outage over, the exchange that ended it stamped.
        sync.link = app::SyncLink::Online;
        sync.offline_since.reset();
        sync.last_sync = canteen_monday();
        kiosk.app().set_sync_health(sync);
        kiosk.pump(1);
        auto on = kiosk.capture("kiosk-state-online");
        const auto online_view = kiosk.app().kiosk_state_view();
        auto last =
            std::find_if(online_view.lines.begin(), online_view.lines.end(),
                         [](const app::StateLine& l) { return l.label == "Dernière synchronisation"; });
        REQUIRE(last != online_view.lines.end());
        CHECK_FALSE(last->warning);
        require_ink(on, last->value, ui::theme().text);
        CHECK(share(on, target(view.sync_button), ui::theme().accent, 6) > 0.5);
        kiosk.press(view.sync_button);
        CHECK(asked == 1);
    }
}
