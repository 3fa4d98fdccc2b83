// Badges tapped today that nobody holds: each UID with its taps, and "Donner ce badge à…" to search
// the child who should have it.
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {

void draw_unheld_badges(const app::UnheldBadgesView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("unheld_badges");
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float back_w = width * 0.2F;

    // The title wraps beside the button rather than running under it on a small screen.
    ImGui::BeginChild("title", ImVec2(width - back_w - gap, t.touch_target), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    text_coloured(t.large, view.title, t.text);
    ImGui::EndChild();
    ImGui::SameLine(width - back_w + ImGui::GetStyle().WindowPadding.x);
    if (big_button(view.back_button, ImVec2(back_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::Back);
    if (!view.message.empty())
        text_coloured(t.bold, view.message, t.green);
    if (view.badges.empty())
        text_coloured(t.body, view.empty, t.muted);

    ImGui::BeginChild("badges", ImVec2(0, 0), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    drag_to_scroll();
    float give_w = width * 0.34F;
    for (std::size_t i = 0; i < view.badges.size(); ++i) {
        const auto& badge = view.badges[i];
        float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(y + (t.touch_target - t.bold->FontSize - t.body->FontSize) / 2);
        ImGui::BeginGroup();
        text_coloured(t.bold, badge.uid, t.text);
        text_coloured(t.body, badge.detail, t.muted);
        ImGui::EndGroup();
        ImGui::SameLine(width - give_w);
        ImGui::SetCursorPosY(y);
        if (big_button(view.give_button, ImVec2(give_w, t.touch_target), ButtonKind::Primary,
                       "give" + std::to_string(i)))
            intents.pick = static_cast<int>(i);
        ImGui::SetCursorPosY(y + t.touch_target + gap);
    }
    ImGui::EndChild();
    end_screen();
}

} // namespace badgeuse::ui
