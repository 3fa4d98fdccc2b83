// A child's card for staff: class, diet, the PAI / allergy marker with the health note, guardians and
// authorised adults on the left; on the right, the roster's activity, the child's status there and the
// manual arrival, departure and undo, with what the last one did.
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {

void draw_child_card(const app::ChildCardView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("child_card");
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float right_w = width * 0.38F;
    const float left_w = width - right_w - gap * 2;

    ImGui::BeginChild("card", ImVec2(left_w, 0), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    drag_to_scroll();
    ImGui::PushTextWrapPos(left_w);
    text_coloured(t.large, view.name, t.text);
    text_coloured(t.body, view.class_name + "   ·   " + view.diet, t.muted);
    if (view.health_marker) {
        // The marker staff know from the roster and the verdicts: white on red.
        marker(view.health_label, t.red, t.on_accent);
        text_coloured(t.bold, view.health_note, t.red);
    }
    ImGui::Spacing();
    text_coloured(t.bold, view.guardians_title, t.muted);
    for (const auto& line : view.guardians)
        text_coloured(t.body, line.label + (line.detail.empty() ? "" : "  ·  " + line.detail), t.text);
    ImGui::Spacing();
    text_coloured(t.bold, view.adults_title, t.muted);
    for (const auto& line : view.adults)
        text_coloured(t.body, line.label + (line.detail.empty() ? "" : "  ·  " + line.detail), t.text);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();

    ImGui::SameLine(0, gap * 2);
    ImGui::BeginGroup();
    if (big_button(view.back_button, ImVec2(right_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::Back);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + right_w);
    text_coloured(t.bold, view.activity, t.text);
    text_coloured(t.body, view.status, t.text);
    ImGui::PopTextWrapPos();
    if (big_button(view.arrival_button, ImVec2(right_w, t.touch_target)))
        intents.commands.push_back(app::Command::ManualArrival);
    if (view.can_depart && big_button(view.departure_button, ImVec2(right_w, t.touch_target)))
        intents.commands.push_back(app::Command::ManualDeparture);
    if (big_button(view.undo_button, ImVec2(right_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::UndoLast);
    if (!view.message.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + right_w);
        text_coloured(t.bold, view.message, view.message_is_refusal ? t.red : t.green);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndGroup();
    end_screen();
}

} // namespace badgeuse::ui
