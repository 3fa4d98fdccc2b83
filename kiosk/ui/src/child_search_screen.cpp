// Staff search a child by name on the letter keyboard: what was typed, up to three matches as big
// buttons (the card, or the child to give a badge to), and the keyboard below.
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {

void draw_child_search(const app::ChildSearchView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("child_search");
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;

    float back_w = width * 0.16F;
    float title_w = width * 0.42F;
    if (big_button(view.back_button, ImVec2(back_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::Back);
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + title_w);
    text_coloured(t.bold, view.title, t.text);
    text_coloured(t.body, view.prompt, t.muted);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(back_w + title_w + 2 * gap + ImGui::GetStyle().WindowPadding.x);
    entry_box(view.query, width - back_w - title_w - 2 * gap, t.touch_target);

    float result_w = (width - 2 * gap) / 3;
    if (view.results.empty())
        ImGui::Dummy(ImVec2(width, t.touch_target));
    for (std::size_t i = 0; i < view.results.size(); ++i) {
        if (i)
            ImGui::SameLine();
        if (big_button(view.results[i], ImVec2(result_w, t.touch_target), ButtonKind::Primary,
                       "result" + std::to_string(i)))
            intents.pick = static_cast<int>(i);
    }
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - letter_keyboard_height() -
                         ImGui::GetStyle().WindowPadding.y);
    letter_keyboard(intents, width, {view.space_label, view.erase_label, view.clear_label});
    end_screen();
}

} // namespace badgeuse::ui
