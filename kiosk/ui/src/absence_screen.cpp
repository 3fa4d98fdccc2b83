// Parents declare an absence: first and last day a day at a time, a reason from the short list, the
// summary, and the confirmation (disabled, with the reason, until the request is valid).
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {
namespace {

void day_row(const app::AbsenceView& view, std::string_view label, const std::string& day,
             app::Command earlier, app::Command later, std::string_view id, app::Intents& intents,
             float width) {
    const Theme& t = theme();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float label_w = width * 0.2F;
    float step_w = width * 0.18F;
    float day_w = width - label_w - 2 * step_w - 3 * gap;
    float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + (t.touch_target - t.bold->FontSize) / 2);
    text_coloured(t.bold, label, t.muted);
    ImGui::SameLine(label_w + gap + ImGui::GetStyle().WindowPadding.x);
    ImGui::SetCursorPosY(y);
    if (big_button(view.earlier_button, ImVec2(step_w, t.touch_target), ButtonKind::Secondary,
                   std::string(id) + "earlier"))
        intents.commands.push_back(earlier);
    ImGui::SameLine();
    float x = ImGui::GetCursorPosX();
    ImGui::SetCursorPosY(y + (t.touch_target - t.large->FontSize) / 2);
    ImGui::PushFont(t.large);
    float w = ImGui::CalcTextSize(day.c_str()).x;
    ImGui::PopFont();
    ImGui::SetCursorPosX(x + std::max(0.0F, (day_w - w) / 2));
    text_coloured(t.large, day, t.text);
    ImGui::SameLine(x + day_w + gap);
    ImGui::SetCursorPosY(y);
    if (big_button(view.later_button, ImVec2(step_w, t.touch_target), ButtonKind::Secondary,
                   std::string(id) + "later"))
        intents.commands.push_back(later);
}

} // namespace

void draw_absence(const app::AbsenceView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("absence");
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    text_coloured(t.large, view.title, t.text);

    day_row(view, view.from_label, view.from, app::Command::AbsenceFromEarlier,
            app::Command::AbsenceFromLater, "from", intents, width);
    day_row(view, view.to_label, view.to, app::Command::AbsenceToEarlier, app::Command::AbsenceToLater, "to",
            intents, width);

    text_coloured(t.bold, view.reason_label, t.muted);
    float reason_w = (width - gap * static_cast<float>(view.reasons.size() - 1)) /
                     std::max<float>(1, static_cast<float>(view.reasons.size()));
    for (std::size_t i = 0; i < view.reasons.size(); ++i) {
        if (i)
            ImGui::SameLine();
        auto kind = static_cast<int>(i) == view.reason ? ButtonKind::Selected : ButtonKind::Unselected;
        if (big_button(view.reasons[i], ImVec2(reason_w, t.touch_target), kind, "reason" + std::to_string(i)))
            intents.pick = static_cast<int>(i);
    }
    if (!view.summary.empty())
        text_coloured(t.bold, view.summary, t.text);
    if (!view.problem.empty())
        text_coloured(t.bold, view.problem, t.red);

    float half = (width - gap) / 2;
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - t.touch_target - ImGui::GetStyle().WindowPadding.y);
    if (big_button(view.back_button, ImVec2(half, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::Back);
    ImGui::SameLine();
    ImGui::BeginDisabled(!view.can_confirm);
    if (big_button(view.confirm_button, ImVec2(half, t.touch_target)))
        intents.commands.push_back(app::Command::ConfirmAbsence);
    ImGui::EndDisabled();
    end_screen();
}

} // namespace badgeuse::ui
