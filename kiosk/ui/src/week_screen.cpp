// The parents' week planning, as on the portal: days x activities, each cell's state and whether it can
// still change; a tap books or cancels. Children as tabs, weeks back and forth, the recent changes.
#include "badgeuse/ui/screens.hpp"
#include "badgeuse/ui/widgets.hpp"

namespace badgeuse::ui {
namespace {

ImU32 cell_fill(const app::WeekCell& cell) {
    const Theme& t = theme();
    switch (cell.state) {
    case app::CellState::Reserved:
        return t.reserved;
    case app::CellState::NotReserved:
        return t.not_reserved;
    case app::CellState::Absent:
        return t.absent;
    case app::CellState::Closed:
    case app::CellState::NotRun:
        return t.closed;
    }
    return t.closed;
}

} // namespace

void draw_week(const app::WeekView& view, app::Intents& intents) {
    const Theme& t = theme();
    begin_screen("week");
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;

    // Header: the family, the countdown to the sign-out, and the sign-out itself.
    float sign_out_w = width * 0.24F;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(width - sign_out_w - gap);
    text_coloured(t.large, view.title, t.text);
    text_coloured(t.body, view.week + "  ·  " + view.sign_out_in, t.muted);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(width - sign_out_w);
    if (big_button(view.sign_out_button, ImVec2(sign_out_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::SignOut);

    // Children's tabs, then the week's navigation.
    float tab_w =
        std::min(width * 0.2F, (width * 0.5F) / std::max<float>(1, static_cast<float>(view.children.size())));
    for (std::size_t i = 0; i < view.children.size(); ++i) {
        if (i)
            ImGui::SameLine();
        auto kind = static_cast<int>(i) == view.child ? ButtonKind::Selected : ButtonKind::Unselected;
        if (big_button(view.children[i], ImVec2(tab_w, t.touch_target), kind, "child" + std::to_string(i)))
            intents.select_tab = static_cast<int>(i);
    }
    float nav_w = (width * 0.5F - 2 * gap) / 2;
    ImGui::SameLine(width - 2 * nav_w - gap);
    if (big_button(view.previous_button, ImVec2(nav_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::PreviousWeek);
    ImGui::SameLine();
    if (big_button(view.next_button, ImVec2(nav_w, t.touch_target), ButtonKind::Secondary))
        intents.commands.push_back(app::Command::NextWeek);

    // The grid: a column of activity names, then one column a day.
    float name_w = width * 0.2F;
    float day_w = (width - name_w - 5 * gap) / 5;
    float footer = t.touch_target + t.body->FontSize * 3 + t.margin * 3;
    float rows = std::max<float>(1, static_cast<float>(view.rows.size()));
    float cell_h = std::max(
        t.touch_target, (ImGui::GetContentRegionAvail().y - footer - t.bold->FontSize - gap) / rows - gap);
    const float base_x = ImGui::GetCursorPosX();
    ImGui::PushFont(t.bold);
    ImGui::Dummy(ImVec2(name_w, t.bold->FontSize));
    for (std::size_t d = 0; d < view.days.size(); ++d) {
        ImGui::SameLine(base_x + name_w + gap + static_cast<float>(d) * (day_w + gap));
        ImGui::TextUnformatted(view.days[d].c_str());
    }
    ImGui::PopFont();
    for (std::size_t r = 0; r < view.rows.size(); ++r) {
        const auto& row = view.rows[r];
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + name_w);
        ImGui::PushFont(t.bold);
        ImGui::TextUnformatted(row.activity.c_str());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine(base_x + name_w + gap);
        for (std::size_t d = 0; d < row.cells.size(); ++d) {
            const auto& cell = row.cells[d];
            if (d)
                ImGui::SameLine();
            std::string id = "cell" + std::to_string(r) + "-" + std::to_string(d);
            // The long text needs about 14 em; narrower cells get the short one.
            const auto& detail = day_w > t.body->FontSize * 14 ? cell.deadline : cell.deadline_short;
            if (cell_button(cell.label, detail, ImVec2(day_w, cell_h), cell_fill(cell), id) &&
                cell.can_change)
                intents.toggle_cell = app::CellRef{static_cast<int>(r), static_cast<int>(d)};
        }
    }

    // Footer: what the last tap did and the recent changes on the left (wrapped there: the buttons
    // share the bottom line), the absence and long-period requests on the right.
    float long_w = width * 0.30F;
    float absence_w = width * 0.24F;
    float left_w = width - long_w - absence_w - gap * 3;
    ImGui::BeginChild("footer", ImVec2(left_w, 0), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    if (!view.message.empty())
        text_coloured(t.bold, view.message, t.accent);
    text_coloured(t.bold, view.recent_title, t.muted);
    for (std::size_t i = 0; i < view.recent.size() && i < 3; ++i)
        text_coloured(t.body, view.recent[i].text + "  —  " + view.recent[i].state, t.text);
    ImGui::EndChild();
    ImGui::SetCursorPos(
        ImVec2(width - long_w - absence_w - gap + ImGui::GetStyle().WindowPadding.x,
               ImGui::GetWindowHeight() - t.touch_target - ImGui::GetStyle().WindowPadding.y));
    if (big_button(view.absence_button, ImVec2(absence_w, t.touch_target)))
        intents.commands.push_back(app::Command::OpenAbsence);
    ImGui::SameLine();
    if (big_button(view.long_period_button, ImVec2(long_w, t.touch_target)))
        intents.commands.push_back(app::Command::OpenLongPeriod);
    end_screen();
}

} // namespace badgeuse::ui
