// The long-period request: whole weeks from a Monday, weekdays, activities, book or cancel, with the
// summary of what will change and what cannot (too late, closed) before the parent confirms.
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {

void draw_long_period(const app::LongPeriodView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("long_period");
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    text_coloured(t.large, view.title + " · " + view.child, t.text);

    float step_w = width * 0.25F;
    if (big_button(view.shorter_button, ImVec2(step_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::LongPeriodShorter);
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, (t.touch_target - t.bold->FontSize) / 2 - gap / 2));
    text_coloured(t.bold, view.range, t.text);
    ImGui::EndGroup();
    ImGui::SameLine(width - step_w + ImGui::GetStyle().WindowPadding.x);
    if (big_button(view.longer_button, ImVec2(step_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::LongPeriodLonger);

    float day_w = (width - 4 * gap) / 5;
    for (std::size_t i = 0; i < view.weekday_labels.size(); ++i) {
        if (i)
            ImGui::SameLine();
        auto kind = view.weekdays[i] ? ButtonKind::Selected : ButtonKind::Unselected;
        if (big_button(view.weekday_labels[i], ImVec2(day_w, t.touch_target), kind, "wd" + std::to_string(i)))
            intents.toggle_weekday = static_cast<int>(i);
    }
    float activity_w = (width - 2 * gap) / 3;
    for (std::size_t i = 0; i < view.activity_labels.size(); ++i) {
        if (i)
            ImGui::SameLine();
        auto kind = view.activities[i] ? ButtonKind::Selected : ButtonKind::Unselected;
        if (big_button(view.activity_labels[i], ImVec2(activity_w, t.touch_target), kind,
                       "act" + std::to_string(i)))
            intents.toggle_activity = static_cast<int>(i);
    }
    float half = (width - gap) / 2;
    if (big_button(view.action_book, ImVec2(half, t.touch_target),
                   view.cancel ? ButtonKind::Unselected : ButtonKind::Selected))
        intents.commands.push_back(app::Command::LongPeriodBook);
    ImGui::SameLine();
    if (big_button(view.action_cancel, ImVec2(half, t.touch_target),
                   view.cancel ? ButtonKind::Selected : ButtonKind::Unselected))
        intents.commands.push_back(app::Command::LongPeriodCancel);

    text_coloured(t.bold, view.summary, t.text);
    // As many of the reasons as fit above the buttons.
    float bottom = ImGui::GetWindowHeight() - t.touch_target - ImGui::GetStyle().WindowPadding.y - gap;
    for (const auto& line : view.lines) {
        if (ImGui::GetCursorPosY() + t.body->FontSize > bottom)
            break;
        text_coloured(t.body, line, t.muted);
    }

    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - t.touch_target - ImGui::GetStyle().WindowPadding.y);
    if (big_button(view.back_button, ImVec2(half, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::Back);
    ImGui::SameLine();
    ImGui::BeginDisabled(!view.can_confirm);
    if (big_button(view.confirm_button, ImVec2(half, t.touch_target)))
        intents.commands.push_back(app::Command::ConfirmLongPeriod);
    ImGui::EndDisabled();
    end_screen();
}

} // namespace badgeuse::ui
