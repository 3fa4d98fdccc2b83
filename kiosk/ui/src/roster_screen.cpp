// The staff roster: today's activities as tabs, the counts, meals per diet for the kitchen, the list
// of children (drag to scroll), the emergency roll call, and the kiosk's state.
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {

void draw_roster(const app::RosterView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("roster");
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;

    float side_w = width * 0.22F;
    text_coloured(t.large, view.title, t.text);
    ImGui::SameLine(width - side_w + ImGui::GetStyle().WindowPadding.x);
    if (big_button(view.sign_out_button, ImVec2(side_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::SignOut);

    float tab_w = (width - side_w - gap * static_cast<float>(view.activities.size())) /
                  std::max<float>(1, static_cast<float>(view.activities.size()));
    for (std::size_t i = 0; i < view.activities.size(); ++i) {
        if (i)
            ImGui::SameLine();
        auto kind = static_cast<int>(i) == view.activity ? ButtonKind::Selected : ButtonKind::Unselected;
        if (big_button(view.activities[i], ImVec2(tab_w, t.touch_target), kind,
                       "activity" + std::to_string(i)))
            intents.select_tab = static_cast<int>(i);
    }
    ImGui::SameLine();
    if (big_button(view.roll_call_button, ImVec2(side_w, t.touch_target)))
        intents.commands.push_back(app::Command::RollCall);

    text_coloured(t.bold, view.counts, t.text);
    if (!view.diets.empty())
        text_coloured(t.body, view.diets, t.text);

    float list_h = ImGui::GetContentRegionAvail().y - t.touch_target - gap * 2;
    ImGui::BeginChild("list", ImVec2(0, list_h), false, ImGuiWindowFlags_NoScrollbar);
    drag_to_scroll();
    float name_w = width * 0.42F;
    float class_w = width * 0.12F;
    for (const auto& line : view.lines) {
        float y = ImGui::GetCursorPosY();
        ImU32 colour = line.unexpected ? t.orange : line.missing ? t.muted : t.text;
        text_coloured(t.bold, line.name, colour);
        ImGui::SameLine(name_w);
        text_coloured(t.body, line.class_name, t.muted);
        ImGui::SameLine(name_w + class_w);
        text_coloured(t.body, line.status + (line.health_marker ? "   + PAI / allergie" : ""),
                      line.health_marker ? t.red : colour);
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), y + t.bold->FontSize * 1.5F));
    }
    ImGui::EndChild();
    // The staff's other tools; the kiosk's state has its own screen.
    float tool_w = (width - 2 * gap) / 3;
    if (big_button(view.search_button, ImVec2(tool_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::OpenChildSearch);
    ImGui::SameLine();
    if (big_button(view.unheld_badges_button, ImVec2(tool_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::OpenUnheldBadges);
    ImGui::SameLine();
    if (big_button(view.kiosk_state_button, ImVec2(tool_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::OpenKioskState);
    end_screen();
}

} // namespace badgeuse::ui
