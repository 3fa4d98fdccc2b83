// The kiosk's screens, one file each: draw_<screen>(const <Screen>View&, Intents&) reads a view-model
// and records what the user asked for. draw_kiosk picks the screen the app is on.
#pragma once

#include "badgeuse/app/kiosk_app.hpp"
#include "badgeuse/app/views.hpp"

namespace badgeuse::ui {

void draw_badge(const app::BadgeView& view, app::Intents& intents);
void draw_verdict(const app::VerdictView& view, app::Intents& intents);
void draw_sign_in(const app::SignInView& view, app::Intents& intents);
void draw_week(const app::WeekView& view, app::Intents& intents);
void draw_long_period(const app::LongPeriodView& view, app::Intents& intents);
void draw_roster(const app::RosterView& view, app::Intents& intents);
void draw_absence(const app::AbsenceView& view, app::Intents& intents);
void draw_child_search(const app::ChildSearchView& view, app::Intents& intents);
void draw_child_card(const app::ChildCardView& view, app::Intents& intents);
void draw_pick_up(const app::PickUpView& view, app::Intents& intents);
void draw_unheld_badges(const app::UnheldBadgesView& view, app::Intents& intents);
void draw_kiosk_state(const app::KioskStateView& view, app::Intents& intents);

// One frame's worth of drawing for the app's current screen (between Window::begin/end_frame).
void draw_kiosk(const app::KioskApp& app, app::Intents& intents);

} // namespace badgeuse::ui
