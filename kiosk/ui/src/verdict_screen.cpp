// The verdict: the whole screen in the verdict's colour, a pictogram, the first name in large letters,
// what to do, the health marker staff recognise, and the verdicts still waiting.
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {
namespace {

constexpr ImU32 kWhite = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);

// A tick (welcome), an exclamation mark (see an adult), a cross (refused), two bars (already done):
// readable by a child who cannot read.
void pictogram(Tone tone, ImVec2 c, float r) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float w = r * 0.22F;
    draw->AddCircle(c, r, kWhite, 48, w * 0.6F);
    switch (tone) {
    case Tone::Green: {
        ImVec2 points[] = {ImVec2(c.x - r * 0.5F, c.y), ImVec2(c.x - r * 0.12F, c.y + r * 0.4F),
                           ImVec2(c.x + r * 0.52F, c.y - r * 0.38F)};
        draw->AddPolyline(points, 3, kWhite, 0, w);
        break;
    }
    case Tone::Orange:
        draw->AddLine(ImVec2(c.x, c.y - r * 0.55F), ImVec2(c.x, c.y + r * 0.15F), kWhite, w);
        draw->AddCircleFilled(ImVec2(c.x, c.y + r * 0.45F), w * 0.65F, kWhite);
        break;
    case Tone::Red:
        draw->AddLine(ImVec2(c.x - r * 0.4F, c.y - r * 0.4F), ImVec2(c.x + r * 0.4F, c.y + r * 0.4F), kWhite,
                      w);
        draw->AddLine(ImVec2(c.x + r * 0.4F, c.y - r * 0.4F), ImVec2(c.x - r * 0.4F, c.y + r * 0.4F), kWhite,
                      w);
        break;
    case Tone::Neutral:
        draw->AddLine(ImVec2(c.x - r * 0.45F, c.y - r * 0.18F), ImVec2(c.x + r * 0.45F, c.y - r * 0.18F),
                      kWhite, w);
        draw->AddLine(ImVec2(c.x - r * 0.45F, c.y + r * 0.18F), ImVec2(c.x + r * 0.45F, c.y + r * 0.18F),
                      kWhite, w);
        break;
    }
}

// A white badge with a red cross: the sign staff are trained to look for (allergy or PAI).
void health_marker(ImVec2 at, float size, std::string_view label) {
    const Theme& t = theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float text_w =
        t.bold->CalcTextSizeA(t.bold->FontSize, 10000, 0, label.data(), label.data() + label.size()).x;
    ImVec2 max(at.x + size + text_w + size * 0.5F, at.y + size);
    draw->AddRectFilled(at, max, kWhite, size * 0.2F);
    ImVec2 c(at.x + size * 0.5F, at.y + size * 0.5F);
    float arm = size * 0.32F;
    float thick = size * 0.12F;
    draw->AddRectFilled(ImVec2(c.x - thick, c.y - arm), ImVec2(c.x + thick, c.y + arm), t.red);
    draw->AddRectFilled(ImVec2(c.x - arm, c.y - thick), ImVec2(c.x + arm, c.y + thick), t.red);
    draw->AddText(t.bold, t.bold->FontSize, ImVec2(at.x + size, at.y + (size - t.bold->FontSize) / 2), t.red,
                  label.data(), label.data() + label.size());
}

} // namespace

void draw_verdict(const app::VerdictView& view, app::Intents& intents) {
    (void)intents; // a verdict takes no input: it goes by itself
    const Theme& t = theme();
    begin_screen("verdict", t.tone(view.tone));
    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    if (view.health_marker)
        health_marker(ImVec2(origin.x + t.margin * 2, origin.y + t.margin * 2), t.touch_target,
                      view.health_label);

    float radius = size.y * 0.13F;
    ImGui::Dummy(ImVec2(1, size.y * 0.06F));
    ImVec2 at = ImGui::GetCursorScreenPos();
    pictogram(view.tone, ImVec2(origin.x + size.x / 2, at.y + radius), radius);
    ImGui::Dummy(ImVec2(1, radius * 2 + t.margin));
    text_centred(t.huge, view.headline, kWhite);
    text_centred(t.large, view.message, kWhite);
    if (!view.detail.empty())
        text_centred(t.body, view.detail, kWhite);

    if (!view.waiting.empty()) {
        std::string next = "\xE2\x86\x92 "; // →, in DejaVu Sans
        for (std::size_t i = 0; i < view.waiting.size() && i < 4; ++i)
            next += (i ? " · " : "") + view.waiting[i];
        if (view.waiting.size() > 4)
            next += " \xE2\x80\xA6"; // …
        ImGui::SetCursorPosY(size.y - t.margin * 3 - t.body->FontSize * 2);
        text_centred(t.body, next, kWhite);
    }
    // How long this verdict stays: a bar that empties.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float bar = t.margin * 0.6F;
    draw->AddRectFilled(ImVec2(origin.x, origin.y + size.y - bar),
                        ImVec2(origin.x + size.x * (1.0F - view.elapsed), origin.y + size.y),
                        IM_COL32(255, 255, 255, 160));
    end_screen();
}

} // namespace badgeuse::ui
