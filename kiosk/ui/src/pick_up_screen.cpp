// Evening care's departure: the adults who may take the child as big buttons (guardians, then the
// authorised adults), or another name typed on the letter keyboard; a refusal is shown in red.
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {

void draw_pick_up(const app::PickUpView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("pick_up");
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float back_w = width * 0.2F;

    // A refusal takes the title's place, in red: staff must not miss it, and the keyboard needs the rest.
    ImGui::BeginChild("title", ImVec2(width - back_w - gap, t.touch_target), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    if (view.message.empty())
        text_coloured(t.large, view.title, t.text);
    else
        text_coloured(t.bold, view.message, t.red);
    ImGui::EndChild();
    ImGui::SameLine(width - back_w + ImGui::GetStyle().WindowPadding.x);
    if (big_button(view.back_button, ImVec2(back_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::Back);

    if (view.typing) {
        float confirm_w = width * 0.25F;
        entry_box(view.typed, width - confirm_w - gap, t.touch_target);
        ImGui::SameLine();
        if (big_button(view.confirm_button, ImVec2(confirm_w, t.touch_target)))
            intents.commands.push_back(app::Command::ConfirmOtherAdult);
        ImGui::SetCursorPosY(ImGui::GetWindowHeight() - letter_keyboard_height() -
                             ImGui::GetStyle().WindowPadding.y);
        letter_keyboard(intents, width, {view.space_label, view.erase_label, view.clear_label});
        end_screen();
        return;
    }

    // Two columns of adults, then "another person".
    float half = (width - gap) / 2;
    for (std::size_t i = 0; i < view.adults.size(); ++i) {
        if (i % 2)
            ImGui::SameLine();
        const auto& adult = view.adults[i];
        std::string label = adult.label + (adult.detail.empty() ? "" : "  ·  " + adult.detail);
        if (big_button(label, ImVec2(half, t.touch_target), ButtonKind::Secondary,
                       "adult" + std::to_string(i)))
            intents.pick = static_cast<int>(i);
    }
    if (big_button(view.other_button, ImVec2(half, t.touch_target)))
        intents.commands.push_back(app::Command::OtherAdult);
    end_screen();
}

} // namespace badgeuse::ui
