// draw_kiosk: the screen the app is on, and the dimming veil over an idle badge screen.
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {

void draw_kiosk(const app::KioskApp& app, app::Intents& intents) {
    clear_targets();
    switch (app.screen()) {
    case app::Screen::Badge:
        draw_badge(app.badge_view(), intents);
        break;
    case app::Screen::Verdict:
        draw_verdict(app.verdict_view(), intents);
        break;
    case app::Screen::ParentSignIn:
    case app::Screen::StaffSignIn:
        draw_sign_in(app.sign_in_view(), intents);
        break;
    case app::Screen::ParentWeek:
        draw_week(app.week_view(), intents);
        break;
    case app::Screen::LongPeriod:
        draw_long_period(app.long_period_view(), intents);
        break;
    case app::Screen::StaffRoster:
        draw_roster(app.roster_view(), intents);
        break;
    case app::Screen::PinReset:
        draw_sign_in(app.pin_reset_view(), intents);
        break;
    case app::Screen::Absence:
        draw_absence(app.absence_view(), intents);
        break;
    case app::Screen::ChildSearch:
        draw_child_search(app.child_search_view(), intents);
        break;
    case app::Screen::ChildCard:
        draw_child_card(app.child_card_view(), intents);
        break;
    case app::Screen::PickUp:
        draw_pick_up(app.pick_up_view(), intents);
        break;
    case app::Screen::UnheldBadges:
        draw_unheld_badges(app.unheld_badges_view(), intents);
        break;
    case app::Screen::KioskState:
        draw_kiosk_state(app.kiosk_state_view(), intents);
        break;
    }
    if (app.brightness() == app::Brightness::Dimmed)
        dim_veil();
}

} // namespace badgeuse::ui
