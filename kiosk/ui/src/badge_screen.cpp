// The badge screen: what is open now, the counts, "Passe ton badge" with its pictogram, the kiosk's
// state, and the doors to the parents' and staff's screens (and, in --demo, the demo badges).
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {
namespace {

// A card with NFC waves: children who cannot read know it from the reader's sticker.
void badge_pictogram(ImVec2 centre, float size) {
    const Theme& t = theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 card_min(centre.x - size * 0.55F, centre.y - size * 0.35F);
    ImVec2 card_max(centre.x + size * 0.15F, centre.y + size * 0.35F);
    draw->AddRectFilled(card_min, card_max, t.accent, size * 0.08F);
    draw->AddRectFilled(ImVec2(card_min.x + size * 0.1F, card_min.y + size * 0.12F),
                        ImVec2(card_min.x + size * 0.3F, card_min.y + size * 0.28F), t.on_accent,
                        size * 0.03F);
    for (int i = 1; i <= 3; ++i) {
        float r = size * (0.12F + 0.13F * static_cast<float>(i));
        draw->PathArcTo(ImVec2(centre.x + size * 0.1F, centre.y), r, -0.8F, 0.8F, 16);
        draw->PathStroke(t.accent, 0, size * 0.06F);
    }
}

} // namespace

void draw_badge(const app::BadgeView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("badge");
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetContentRegionAvail().y;
    const bool demo = !view.demo_badges.empty();
    const float main_width = demo ? width * 0.72F : width;

    ImGui::BeginChild("main", ImVec2(main_width, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    // Top line: the clock and date on the left, sync and reader on the right.
    text_coloured(t.large, view.clock + "  " + view.date, t.text);
    text_coloured(t.body, view.sync, t.muted);
    text_coloured(t.body, view.reader, view.reader_ok ? t.muted : t.red);
    ImGui::Spacing();
    text_centred(t.large, view.activity, view.activity_open ? t.green : t.muted);
    if (!view.counts.empty())
        text_centred(t.body, view.counts, t.text);

    float bottom = t.touch_target + t.margin;
    float space = ImGui::GetContentRegionAvail().y - bottom - t.huge->FontSize - t.margin * 3;
    float picto = std::max(0.0F, std::min(space, main_width * 0.3F));
    ImVec2 at = ImGui::GetCursorScreenPos();
    badge_pictogram(ImVec2(at.x + main_width / 2, at.y + picto * 0.5F + t.margin), picto);
    ImGui::Dummy(ImVec2(main_width, picto + t.margin));
    text_centred(t.huge, view.prompt, t.text);

    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - bottom);
    float button_w = (main_width - 3 * t.margin) / 3;
    if (big_button(view.parents_button, ImVec2(button_w, t.touch_target)))
        intents.commands.push_back(app::Command::OpenParents);
    ImGui::SameLine();
    if (big_button(view.staff_button, ImVec2(button_w, t.touch_target)))
        intents.commands.push_back(app::Command::OpenStaff);
    ImGui::SameLine();
    if (big_button(view.language_button, ImVec2(button_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::ToggleLanguage);
    ImGui::EndChild();

    if (demo) {
        ImGui::SameLine();
        ImGui::BeginChild("demo", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
        text_coloured(t.bold, view.demo_title, t.muted);
        auto count = static_cast<float>(view.demo_badges.size());
        float button_h = (ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y * count) / count;
        for (const auto& badge : view.demo_badges) {
            std::string label = std::string(1, badge.key) + "  " + badge.label;
            // Secondary style: the panel is the demo's, not part of the kiosk's own face.
            if (big_button(label, ImVec2(-1, button_h), ButtonKind::Secondary, badge.uid, Sizing::Compact))
                intents.demo_tap = badge.uid;
        }
        ImGui::EndChild();
    }
    end_screen();
}

} // namespace badgeuse::ui
