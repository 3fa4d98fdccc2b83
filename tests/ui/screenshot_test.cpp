// Screenshot tests: the real window and renderer under Xvfb, at the smallest and the largest supported
// screens. Each frame is saved under <build>/screenshots/ and checked for what cannot be there by
// accident: the verdict's colour over most of the screen, the name's glyphs where the name was laid
// out, each planning cell in its state's colour.
#include "badgeuse/app/kiosk_demo.hpp"
#include "ui_harness.hpp"

#include <set>

using namespace badgeuse;
using namespace badgeuse::testing;

namespace {

struct Size {
    int w;
    int h;
};
constexpr Size kSizes[] = {{800, 480}, {1920, 1080}};

std::string uid_labelled(UiKiosk& kiosk, std::string_view suffix) {
    for (const auto& badge : kiosk.app().badge_view().demo_badges)
        if (badge.label.ends_with(suffix))
            return badge.uid;
    FAIL("no demo badge labelled ..." << std::string(suffix));
    return {};
}

std::string first_booked_uid(UiKiosk& kiosk) {
    return kiosk.app().badge_view().demo_badges.front().uid;
}

// The text's rectangle holds glyphs in `colour`: some of its pixels, not all, reaching near both ends.
void require_glyphs(const ui::Image& image, std::string_view text, std::uint32_t colour) {
    const ui::Target* target = ui::find_target(text);
    INFO("text \"" << std::string(text) << "\" was not drawn");
    REQUIRE(target != nullptr);
    int x0 = static_cast<int>(target->min.x), y0 = static_cast<int>(target->min.y);
    int x1 = static_cast<int>(target->max.x), y1 = static_cast<int>(target->max.y);
    auto area = static_cast<double>((x1 - x0) * (y1 - y0));
    auto inked = static_cast<double>(count_colour(image, colour, x0, y0, x1, y1, 40));
    INFO("glyph pixels: " << inked << " of " << area);
    CHECK(inked > area * 0.04);
    CHECK(inked < area * 0.75);
    // The first and the last letters are where the layout put them (a tenth of the width at most off).
    int left = x1, right = x0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            if (count_colour(image, colour, x, y, x + 1, y + 1, 40)) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
    CHECK(left - x0 < (x1 - x0) / 10 + 4);
    CHECK(x1 - right < (x1 - x0) / 10 + 4);
}

double share_of(const ui::Image& image, std::uint32_t colour) {
    return static_cast<double>(count_colour(image, colour, 0, 0, image.width, image.height, 6)) /
           static_cast<double>(image.width * image.height);
}

void check_verdict(UiKiosk& kiosk, const std::string& name, Tone tone) {
    REQUIRE(kiosk.app().screen() == app::Screen::Verdict);
    auto view = kiosk.app().verdict_view();
    CHECK(view.tone == tone);
    auto image = kiosk.capture(name);
    double share = share_of(image, rgb_of(ui::theme().tone(tone)));
    INFO("share of the verdict colour: " << share);
    CHECK(share > 0.6);
    require_glyphs(image, view.headline, 0xFFFFFF);
}

} // namespace

TEST_CASE("the badge screen shows the time, the open activity, the prompt and its buttons") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        auto view = kiosk.app().badge_view();
        CHECK(view.activity == "Restauration scolaire 11:30\u201313:30");
        auto image = kiosk.capture("badge");
        // Not blank: the background, the buttons' blue and the text all appear.
        CHECK(share_of(image, rgb_of(ui::theme().background)) > 0.3);
        CHECK(share_of(image, rgb_of(ui::theme().background)) < 0.95);
        require_glyphs(image, view.prompt, rgb_of(ui::theme().text));
        require_glyphs(image, view.activity, rgb_of(ui::theme().green));
        const ui::Target* parents = ui::find_target(view.parents_button);
        REQUIRE(parents != nullptr);
        CHECK(parents->max.y - parents->min.y >= ui::theme().touch_target - 1);
        auto blue = count_colour(image, rgb_of(ui::theme().accent), static_cast<int>(parents->min.x),
                                 static_cast<int>(parents->min.y), static_cast<int>(parents->max.x),
                                 static_cast<int>(parents->max.y));
        CHECK(static_cast<double>(blue) >
              0.5 * (parents->max.x - parents->min.x) * (parents->max.y - parents->min.y));
        // Accents and the en dash are in the font's atlas, not drawn as '?'.
        CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x00E9) != nullptr); // é
        CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x20AC) != nullptr); // €
        CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x0153) != nullptr); // œ
    }
}

TEST_CASE("a booked child's tap fills the screen with green and writes the first name in large letters") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        kiosk.tap(first_booked_uid(kiosk));
        check_verdict(kiosk, "verdict-green", Tone::Green);
        CHECK(kiosk.app().verdict_view().headline.starts_with("Bonjour "));
    }
}

TEST_CASE("an unbooked child's verdict is orange, an unknown badge's red, a second tap neutral") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        kiosk.tap(uid_labelled(kiosk, "sans résa"));
        check_verdict(kiosk, "verdict-orange", Tone::Orange);
        CHECK(kiosk.app().verdict_view().message == "Va voir un animateur");
        kiosk.clock.advance(std::chrono::seconds{3});
        kiosk.pump(1);
        kiosk.tap("0BADC0DE");
        check_verdict(kiosk, "verdict-red", Tone::Red);
        kiosk.clock.advance(std::chrono::seconds{3});
        kiosk.pump(1);
        kiosk.tap(first_booked_uid(kiosk));
        kiosk.clock.advance(std::chrono::seconds{3});
        kiosk.pump(1);
        kiosk.tap(first_booked_uid(kiosk));
        check_verdict(kiosk, "verdict-already", Tone::Neutral);
        CHECK(kiosk.app().verdict_view().headline.ends_with("déjà pointé"));
    }
}

TEST_CASE("ten taps in a row give ten verdicts, the waiting ones listed at the bottom") {
    UiKiosk kiosk(800, 480);
    const auto& children = kiosk.school().children;
    int pushed = 0;
    for (const auto& badge : kiosk.school().badges)
        if (badge.holder_kind == HolderKind::Child && badge.state == BadgeState::Active && pushed < 10) {
            kiosk.runtime->taps.push({badge.uid, "test", std::chrono::steady_clock::now()});
            ++pushed;
        }
    (void)children;
    kiosk.pump(1);
    CHECK(kiosk.app().verdicts_waiting() == 9);
    auto image = kiosk.capture("verdict-queue");
    CHECK(kiosk.app().verdict_view().waiting.size() == 9);
    // Each verdict comes on screen in turn: the number waiting goes down one by one to none.
    std::set<std::size_t> waiting_seen{kiosk.app().verdicts_waiting()};
    for (int i = 0; i < 40 && kiosk.app().screen() == app::Screen::Verdict; ++i) {
        kiosk.clock.advance(std::chrono::milliseconds{400});
        kiosk.pump(1);
        if (kiosk.app().screen() == app::Screen::Verdict)
            waiting_seen.insert(kiosk.app().verdicts_waiting());
    }
    auto shown = waiting_seen.size();
    CHECK(shown == 10u);
    CHECK(kiosk.app().screen() == app::Screen::Badge);
}

TEST_CASE("the parents' week planning colours each cell by its state and says until when it can change") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        kiosk.tap(uid_labelled(kiosk, "Parent"));
        REQUIRE(kiosk.app().screen() == app::Screen::ParentWeek);
        auto view = kiosk.app().week_view();
        REQUIRE(view.rows.size() == 3);
        auto image = kiosk.capture("parent-week");
        int checked = 0;
        for (std::size_t r = 0; r < view.rows.size(); ++r)
            for (std::size_t d = 0; d < view.rows[r].cells.size(); ++d) {
                const auto& cell = view.rows[r].cells[d];
                const ui::Target* target =
                    ui::find_target("cell" + std::to_string(r) + "-" + std::to_string(d));
                REQUIRE(target != nullptr);
                ImU32 fill = cell.state == app::CellState::Reserved      ? ui::theme().reserved
                             : cell.state == app::CellState::NotReserved ? ui::theme().not_reserved
                             : cell.state == app::CellState::Absent      ? ui::theme().absent
                                                                         : ui::theme().closed;
                int x0 = static_cast<int>(target->min.x), y0 = static_cast<int>(target->min.y);
                int x1 = static_cast<int>(target->max.x), y1 = static_cast<int>(target->max.y);
                auto filled = static_cast<double>(count_colour(image, rgb_of(fill), x0, y0, x1, y1, 4));
                INFO("cell " << r << "," << d << " state " << static_cast<int>(cell.state));
                CHECK(filled > 0.5 * (x1 - x0) * (y1 - y0));
                ++checked;
            }
        CHECK(checked == 15);
        // Wednesday has no service in this school; Thursday's canteen can still change on Monday.
        CHECK(view.rows[1].cells[2].state == app::CellState::NotRun);
        CHECK(view.rows[1].cells[3].deadline == "modifiable jusqu'au mardi 10:00");
        CHECK(view.rows[1].cells[0].deadline == "délai dépassé");
    }
}

TEST_CASE("the long-period request shows its summary before the parent confirms") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        kiosk.tap(uid_labelled(kiosk, "Parent"));
        app::Intents intents;
        intents.commands.push_back(app::Command::OpenLongPeriod);
        kiosk.app().apply(intents);
        REQUIRE(kiosk.app().screen() == app::Screen::LongPeriod);
        app::Intents cancel;
        cancel.commands.push_back(app::Command::LongPeriodCancel);
        kiosk.app().apply(cancel);
        auto view = kiosk.app().long_period_view();
        auto image = kiosk.capture("long-period");
        CHECK(view.summary.find("changements") != std::string::npos);
        require_glyphs(image, view.summary, rgb_of(ui::theme().text));
        // The range is two weeks from next Monday; the Christmas holidays start after it.
        CHECK(view.range == "du 14 au 25 décembre 2026");
    }
}

TEST_CASE("the staff roster shows today's counts, the meals per diet and the children") {
    for (auto size : kSizes) {
        UiKiosk kiosk(size.w, size.h);
        kiosk.tap(first_booked_uid(kiosk)); // one child present
        kiosk.clock.advance(std::chrono::seconds{3});
        kiosk.pump(1);
        kiosk.tap(uid_labelled(kiosk, "Personnel"));
        REQUIRE(kiosk.app().screen() == app::Screen::StaffSignIn);
        app::Intents pin;
        for (char c : std::string(app::kDemoPin) + "\n") {
            pin.key = c;
            kiosk.app().apply(pin);
        }
        REQUIRE(kiosk.app().screen() == app::Screen::StaffRoster);
        auto view = kiosk.app().roster_view();
        CHECK(view.activity == 1); // the canteen, open now
        CHECK(view.counts.find("Présents 1") != std::string::npos);
        CHECK(view.diets.find("Sans porc") != std::string::npos);
        CHECK(view.lines.size() > 20);
        auto image = kiosk.capture("staff-roster");
        require_glyphs(image, view.counts, rgb_of(ui::theme().text));
        require_glyphs(image, view.lines.front().name,
                       rgb_of(view.lines.front().unexpected ? ui::theme().orange
                              : view.lines.front().missing  ? ui::theme().muted
                                                            : ui::theme().text));
    }
}

TEST_CASE("the sign-in keypad's keys are touch targets and the typed PIN is masked") {
    UiKiosk kiosk(800, 480);
    app::Intents open;
    open.commands.push_back(app::Command::OpenParents);
    kiosk.app().apply(open);
    auto image = kiosk.capture("parent-sign-in");
    for (const char* key : {"1", "5", "9", "0"}) {
        const ui::Target* target = ui::find_target(key);
        REQUIRE(target != nullptr);
        CHECK(target->max.y - target->min.y >= ui::theme().touch_target - 1);
    }
    (void)image;
}
