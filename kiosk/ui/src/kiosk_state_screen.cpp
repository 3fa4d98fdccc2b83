// The kiosk's state for staff: reader, portal link, last sync, events waiting, clock, disk space and
// version, one line each (warnings in red), and "Synchroniser maintenant" (or why it is unavailable).
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

#include <algorithm>

namespace badgeuse::ui {

void draw_kiosk_state(const app::KioskStateView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("kiosk_state");
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float back_w = width * 0.2F;

    text_coloured(t.large, view.title, t.text);
    ImGui::SameLine(width - back_w + ImGui::GetStyle().WindowPadding.x);
    if (big_button(view.back_button, ImVec2(back_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::Back);

    float footer = t.touch_target + gap * 2;
    ImGui::BeginChild("lines", ImVec2(0, ImGui::GetContentRegionAvail().y - footer), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    drag_to_scroll();
    // The widest label sets the column, so that French's long ones never run into their values.
    float label_w = width * 0.25F;
    ImGui::PushFont(t.bold);
    for (const auto& line : view.lines)
        label_w = std::max(label_w, ImGui::CalcTextSize(line.label.c_str()).x + 2 * gap);
    ImGui::PopFont();
    label_w = std::min(label_w, width * 0.45F);
    for (const auto& line : view.lines) {
        text_coloured(t.bold, line.label, t.muted);
        ImGui::SameLine(label_w);
        text_coloured(t.body, line.value, line.warning ? t.red : t.text);
    }
    ImGui::EndChild();

    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - t.touch_target - ImGui::GetStyle().WindowPadding.y);
    float sync_w = width * 0.4F;
    ImGui::BeginDisabled(!view.can_sync);
    if (big_button(view.sync_button, ImVec2(sync_w, t.touch_target)))
        intents.commands.push_back(app::Command::SyncNow);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, (t.touch_target - t.bold->FontSize) / 2 - gap / 2));
    const std::string& note = view.can_sync ? view.message : view.sync_unavailable;
    if (!note.empty())
        text_coloured(t.bold, note, view.can_sync ? t.green : t.muted);
    ImGui::EndGroup();
    end_screen();
}

} // namespace badgeuse::ui
