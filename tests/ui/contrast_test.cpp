// The theme's colour pairs pass WCAG AA (4.5:1) for text, and the verdict tones are told apart.
#include "badgeuse/ui/sounds.hpp"
#include "badgeuse/ui/theme.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;
using namespace badgeuse::ui;

TEST_CASE("every text colour of the theme has a contrast of at least 4.5:1 on its background") {
    Theme t;
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    CHECK(contrast_ratio(t.text, t.background) >= 4.5);
    CHECK(contrast_ratio(t.muted, t.background) >= 4.5);
    CHECK(contrast_ratio(t.text, t.reserved) >= 4.5);
    CHECK(contrast_ratio(t.text, t.absent) >= 4.5);
    CHECK(contrast_ratio(t.muted, t.closed) >= 4.5);
    CHECK(contrast_ratio(t.on_accent, t.accent) >= 4.5);
    CHECK(contrast_ratio(t.accent, t.panel) >= 4.5);
    CHECK(contrast_ratio(t.green, t.background) >= 4.5);
    for (auto tone : {Tone::Green, Tone::Orange, Tone::Red, Tone::Neutral})
        CHECK(contrast_ratio(white, t.tone(tone)) >= 4.5);
    CHECK(contrast_ratio(t.red, white) >= 4.5);
}

TEST_CASE("each verdict tone has its own sound, short enough not to overlap the next verdict") {
    auto green = tone_samples(Tone::Green);
    auto orange = tone_samples(Tone::Orange);
    auto red = tone_samples(Tone::Red);
    auto neutral = tone_samples(Tone::Neutral);
    for (const auto* s : {&green, &orange, &red, &neutral}) {
        CHECK(!s->empty());
        CHECK(s->size() < static_cast<std::size_t>(kSampleRate)); // under a second
    }
    CHECK(green != orange);
    CHECK(orange != red);
    CHECK(red != neutral);
}
