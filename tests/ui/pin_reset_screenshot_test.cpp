// The PIN reset on the real window under Xvfb, at 800x480 and 1920x1080: from the parents' sign-in, the
// reset button (a touch target) opens the same keypad, which asks for the subscriber code, then for
// the town hall's code, pressed with real pointer events.
#include "ui_harness.hpp"

using namespace badgeuse;
using namespace badgeuse::testing;

namespace {

struct Size {
    int w;
    int h;
};
constexpr Size kSizes[] = {{800, 480}, {1920, 1080}};

double inked(const ui::Image& image, std::string_view text, ImU32 colour) {
    const ui::Target* t = ui::find_target(text);
    INFO("\"" << std::string(text) << "\" was not drawn");
    REQUIRE(t != nullptr);
    int x0 = static_cast<int>(t->min.x), y0 = static_cast<int>(t->min.y);
    int x1 = static_cast<int>(t->max.x), y1 = static_cast<int>(t->max.y);
    return static_cast<double>(count_colour(image, rgb_of(colour), x0, y0, x1, y1, 40)) /
           static_cast<double>((x1 - x0) * (y1 - y0));
}

} // namespace

TEST_CASE(
    "the parents' sign-in offers the PIN reset, which asks for the subscriber code then the reset code") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        app::Intents open;
        open.commands.push_back(app::Command::OpenParents);
        kiosk.app().apply(open);
        auto sign_in = kiosk.capture("parent-sign-in-reset");
        const std::string reset = kiosk.app().sign_in_view().reset_button;
        const ui::Target* button = ui::find_target(reset);
        REQUIRE(button != nullptr);
        CHECK(button->max.y - button->min.y >= ui::theme().touch_target - 1);
        CHECK(inked(sign_in, reset, ui::theme().accent) > 0.05);
        kiosk.press(reset);
        REQUIRE(kiosk.app().screen() == app::Screen::PinReset);
        const Family& family = kiosk.school().families.front();
        for (char digit : family.subscriber_code.substr(app::kSubscriberPrefix.size()))
            kiosk.press(std::string(1, digit));
        kiosk.press(kiosk.app().pin_reset_view().ok_button);
        auto view = kiosk.app().pin_reset_view();
        REQUIRE(view.prompt == family.name + " : tapez le code de réinitialisation donné par la mairie");
        auto image = kiosk.capture("pin-reset-code");
        CHECK(inked(image, view.title, ui::theme().text) > 0.04);
        CHECK(inked(image, view.prompt, ui::theme().text) > 0.04);
        CHECK(inked(image, view.prompt, ui::theme().text) < 0.75);
    }
}
