// Sign-in: the family's subscriber code, then the PIN, on an on-screen keypad (no keyboard needed).
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {

void draw_sign_in(const app::SignInView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("sign_in");
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetContentRegionAvail().y;
    const float left_w = width * 0.45F;

    ImGui::BeginChild("explain", ImVec2(left_w, height), false, ImGuiWindowFlags_NoBackground);
    text_coloured(t.large, view.title, t.text);
    ImGui::Spacing();
    text_coloured(t.body, view.prompt, t.text);
    ImGui::Spacing();
    // The entry box: the fixed prefix in grey, then what was typed.
    ImVec2 at = ImGui::GetCursorScreenPos();
    float box_h = t.large->FontSize + t.margin * 2;
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + left_w, at.y + box_h), t.panel, 8 * t.scale);
    ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + left_w, at.y + box_h), t.muted, 8 * t.scale);
    ImGui::SetCursorScreenPos(ImVec2(at.x + t.margin, at.y + t.margin));
    if (!view.prefix.empty()) {
        text_coloured(t.body, view.prefix, t.muted);
        ImGui::SameLine(0, 0);
    }
    text_coloured(t.large, view.entry.empty() ? " " : view.entry, t.text);
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + box_h + t.margin));
    if (!view.message.empty())
        text_coloured(t.bold, view.message, view.locked ? t.red : t.orange);
    if (!view.reset_button.empty()) {
        ImGui::SetCursorPosY(height - 2 * t.touch_target - ImGui::GetStyle().ItemSpacing.y);
        if (big_button(view.reset_button, ImVec2(left_w, t.touch_target), ButtonKind::Secondary))
            intents.commands.push_back(app::Command::OpenPinReset);
    }
    ImGui::SetCursorPosY(height - t.touch_target);
    if (big_button(view.back_button, ImVec2(left_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::Back);
    ImGui::EndChild();

    ImGui::SameLine(0, t.margin * 2);
    ImGui::BeginChild("keypad", ImVec2(0, height), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    // Five rows of keys share the height; each stays at least a touch target.
    float key_w = ImGui::GetContentRegionAvail().x;
    float max_w = (height - ImGui::GetStyle().ItemSpacing.y * 5) / 5 / 0.45F * 3;
    keypad(intents, std::min(key_w, max_w), view.ok_button, view.clear_button);
    ImGui::EndChild();
    end_screen();
}

} // namespace badgeuse::ui
