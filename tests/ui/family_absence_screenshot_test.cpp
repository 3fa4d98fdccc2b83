// The absence form on the real window under Xvfb, at 800x480 and 1920x1080: a parent opens it from the
// planning with a touch, chooses the reason, confirms, and the planning's cells turn to "absent".
#include "ui_harness.hpp"

using namespace badgeuse;
using namespace badgeuse::testing;

namespace {

struct Size {
    int w;
    int h;
};
constexpr Size kSizes[] = {{800, 480}, {1920, 1080}};

double filled_share(const ui::Image& image, const ui::Target& target, ImU32 colour, int tolerance = 4) {
    int x0 = static_cast<int>(target.min.x), y0 = static_cast<int>(target.min.y);
    int x1 = static_cast<int>(target.max.x), y1 = static_cast<int>(target.max.y);
    return static_cast<double>(count_colour(image, rgb_of(colour), x0, y0, x1, y1, tolerance)) /
           static_cast<double>((x1 - x0) * (y1 - y0));
}

const ui::Target& target(std::string_view label) {
    const ui::Target* found = ui::find_target(label);
    INFO("nothing labelled \"" << std::string(label) << "\" on screen");
    REQUIRE(found != nullptr);
    return *found;
}

std::string parent_uid(UiKiosk& kiosk) {
    for (const auto& badge : kiosk.app().badge_view().demo_badges)
        if (badge.label == "Parent")
            return badge.uid;
    FAIL("no demo parent badge");
    return {};
}

} // namespace

TEST_CASE("a parent declares today's absence by touch and the planning's Monday turns absent") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        kiosk.tap(parent_uid(kiosk));
        REQUIRE(kiosk.app().screen() == app::Screen::ParentWeek);
        kiosk.pump(1);
        kiosk.press("Déclarer une absence");
        REQUIRE(kiosk.app().screen() == app::Screen::Absence);
        kiosk.press("Maladie");
        auto view = kiosk.app().absence_view();
        REQUIRE(view.reason == 0);
        REQUIRE(view.can_confirm);
        auto form = kiosk.capture("absence-form");
        // The chosen reason is filled with the accent, the others are not; all are touch targets.
        CHECK(filled_share(form, target("Maladie"), ui::theme().accent) > 0.5);
        CHECK(filled_share(form, target("Raison familiale"), ui::theme().accent) < 0.2);
        for (const auto& reason : view.reasons)
            CHECK(target(reason).max.y - target(reason).min.y >= ui::theme().touch_target - 1);
        CHECK(filled_share(form, target(view.summary), ui::theme().text, 40) > 0.04);
        CHECK(filled_share(form, target(view.summary), ui::theme().text, 40) < 0.75);

        kiosk.press("Confirmer l'absence");
        REQUIRE(kiosk.app().screen() == app::Screen::ParentWeek);
        auto week = kiosk.capture("absence-week");
        auto planning = kiosk.app().week_view();
        for (std::size_t r = 0; r < planning.rows.size(); ++r) {
            INFO("row " << r);
            CHECK(planning.rows[r].cells[0].state == app::CellState::Absent);
            CHECK(filled_share(week, target("cell" + std::to_string(r) + "-0"), ui::theme().absent) > 0.5);
            CHECK(filled_share(week, target("cell" + std::to_string(r) + "-1"), ui::theme().absent) < 0.1);
        }
        CHECK(*kiosk.store().absence_declarations().count() == 1);
    }
}
