// Widgets: thin layers over ImGui buttons and the draw list, sized for fingers.
#include "badgeuse/ui/widgets.hpp"

#include <algorithm>

namespace badgeuse::ui {
namespace {

Theme g_theme;
ImU32 g_background = 0;
std::vector<Target> g_targets;

// How much to shrink a text of `width` to fit in `room`, down to 60 % (below that it would be unreadable).
float fit_scale(float width, float room) {
    if (width <= room || width <= 0 || room <= 0)
        return 1.0F;
    return std::max(0.6F, room / width);
}

std::string_view visible(std::string_view label) {
    return label.substr(0, label.find("##"));
}

void record(std::string_view label) {
    g_targets.push_back({std::string(visible(label)), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

ImU32 with_alpha(ImU32 c, float alpha) {
    auto a = static_cast<ImU32>(std::clamp(alpha, 0.0F, 1.0F) * 255.0F);
    return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

} // namespace

const Theme& theme() {
    return g_theme;
}
void set_theme(const Theme& t) {
    g_theme = t;
}

void clear_targets() {
    g_targets.clear();
}
const std::vector<Target>& targets() {
    return g_targets;
}
const Target* find_target(std::string_view label) {
    for (const auto& t : g_targets)
        if (t.label == label)
            return &t;
    return nullptr;
}

ImU32 screen_background() {
    return g_background ? g_background : g_theme.background;
}

void begin_screen(const char* id, ImU32 background) {
    g_background = background ? background : g_theme.background;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);
}

void end_screen() {
    ImGui::End();
}

bool big_button(std::string_view label, ImVec2 size, ButtonKind kind, std::string_view id, Sizing sizing) {
    const Theme& t = theme();
    if (sizing == Sizing::TouchTarget)
        size.y = std::max(size.y, t.touch_target);
    ImU32 fill = t.accent;
    ImU32 text = t.on_accent;
    if (kind == ButtonKind::Secondary || kind == ButtonKind::Unselected) {
        fill = t.panel;
        text = t.accent;
    } else if (kind == ButtonKind::Selected) {
        fill = t.accent;
    }
    ImGui::PushStyleColor(ImGuiCol_Button, fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, fill);
    ImGui::PushStyleColor(ImGuiCol_Text, text);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, kind == ButtonKind::Primary ? 0.0F : 2.0F * t.scale);
    ImGui::PushStyleColor(ImGuiCol_Border, t.accent);
    ImGui::PushFont(sizing == Sizing::Compact ? t.body : t.bold);
    std::string full = std::string(label) + (id.empty() ? "" : "##" + std::string(id));
    // A label wider than its button is drawn smaller rather than cut: French labels run long.
    float room =
        (size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x) - 2 * ImGui::GetStyle().FramePadding.x;
    float fit = fit_scale(ImGui::CalcTextSize(label.data(), label.data() + label.size()).x, room);
    ImGui::SetWindowFontScale(fit);
    bool pressed = ImGui::Button(full.c_str(), size);
    ImGui::SetWindowFontScale(1.0F);
    ImGui::PopFont();
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar();
    record(label);
    return pressed;
}

bool cell_button(std::string_view label, std::string_view detail, ImVec2 size, ImU32 fill,
                 std::string_view id) {
    const Theme& t = theme();
    ImVec2 at = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(std::string(id).c_str(), size);
    record(id);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 fill_now = ImGui::IsItemActive() ? with_alpha(fill, 0.7F) : fill;
    draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), fill_now, 8.0F * t.scale);
    draw->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), t.muted, 8.0F * t.scale, 0, 1.0F);
    float pad = 6.0F * t.scale;
    ImVec4 clip(at.x + pad, at.y, at.x + size.x - pad, at.y + size.y);
    float label_w =
        t.bold->CalcTextSizeA(t.bold->FontSize, 1e6F, 0, label.data(), label.data() + label.size()).x;
    float label_size = t.bold->FontSize * fit_scale(label_w, size.x - 2 * pad);
    draw->AddText(t.bold, label_size, ImVec2(at.x + pad, at.y + pad), t.text, label.data(),
                  label.data() + label.size(), size.x - 2 * pad, &clip);
    float small = t.body->FontSize * 0.75F;
    float detail_h =
        t.body->CalcTextSizeA(small, 1e6F, size.x - 2 * pad, detail.data(), detail.data() + detail.size()).y;
    draw->AddText(t.body, small,
                  ImVec2(at.x + pad, std::max(at.y + pad + label_size, at.y + size.y - pad - detail_h)),
                  t.muted, detail.data(), detail.data() + detail.size(), size.x - 2 * pad, &clip);
    return pressed;
}

void text_centred(ImFont* font, std::string_view text, ImU32 colour) {
    ImGui::PushFont(font);
    float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetWindowFontScale(
        fit_scale(ImGui::CalcTextSize(text.data(), text.data() + text.size()).x, avail));
    float width = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0F, (avail - width) / 2));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0F);
    ImGui::PopFont();
    record(text);
}

void text_coloured(ImFont* font, std::string_view text, ImU32 colour) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0F);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    record(text);
}

void keypad(app::Intents& intents, float width, std::string_view ok_label, std::string_view clear_label) {
    const Theme& t = theme();
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float key_w = (width - 2 * gap) / 3;
    float key_h = std::max(t.touch_target, key_w * 0.45F);
    static constexpr const char* kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "<"};
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0)
            ImGui::SameLine();
        if (i == 9) {
            if (big_button(clear_label, ImVec2(key_w, key_h), ButtonKind::Secondary, "clear"))
                intents.key = 'C';
            continue;
        }
        std::string_view label = kKeys[i];
        if (big_button(label, ImVec2(key_w, key_h), ButtonKind::Secondary,
                       std::string("key") + std::to_string(i)))
            intents.key = i == 11 ? '<' : kKeys[i][0];
    }
    if (big_button(ok_label, ImVec2(width, key_h), ButtonKind::Primary, "ok"))
        intents.key = '\n';
}

float letter_keyboard_height() {
    return 4 * theme().touch_target + 3 * ImGui::GetStyle().ItemSpacing.y;
}

void letter_keyboard(app::Intents& intents, float width, const LetterLabels& labels) {
    const Theme& t = theme();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float key_w = (width - 9 * gap) / 10; // ten keys on the widest row
    const float key_h = t.touch_target;
    auto keys = [&](std::string_view row) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i)
                ImGui::SameLine();
            std::string label(1, row[i]);
            if (big_button(label, ImVec2(key_w, key_h), ButtonKind::Secondary, "letter" + label))
                intents.letter = row[i];
        }
    };
    keys("AZERTYUIOP");
    keys("QSDFGHJKLM");
    keys("WXCVBN-");
    ImGui::SameLine();
    if (big_button(labels.erase, ImVec2(3 * key_w + 2 * gap, key_h), ButtonKind::Secondary, "erase"))
        intents.letter = '<';
    if (big_button(labels.clear, ImVec2(3 * key_w + 2 * gap, key_h), ButtonKind::Secondary, "clearall"))
        intents.letter = '#';
    ImGui::SameLine();
    if (big_button(labels.space, ImVec2(7 * key_w + 6 * gap, key_h), ButtonKind::Secondary, "space"))
        intents.letter = ' ';
}

void marker(std::string_view label, ImU32 fill, ImU32 text_colour) {
    const Theme& t = theme();
    ImVec2 size = t.bold->CalcTextSizeA(t.bold->FontSize, 1e6F, 0, label.data(), label.data() + label.size());
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImVec2 box(size.x + 2 * t.margin, size.y + t.margin);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + box.x, at.y + box.y), fill, 6 * t.scale);
    draw->AddText(t.bold, t.bold->FontSize, ImVec2(at.x + t.margin, at.y + t.margin / 2), text_colour,
                  label.data(), label.data() + label.size());
    ImGui::Dummy(box);
    g_targets.push_back({std::string(label), at, ImVec2(at.x + box.x, at.y + box.y)});
}

void entry_box(std::string_view text, float width, float height) {
    const Theme& t = theme();
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), t.panel, 8 * t.scale);
    draw->AddRect(at, ImVec2(at.x + width, at.y + height), t.muted, 8 * t.scale);
    // A caret after the text shows where the next letter goes.
    std::string shown = std::string(text) + "_";
    ImVec2 size = t.large->CalcTextSizeA(t.large->FontSize, 1e6F, 0, shown.c_str());
    float font = t.large->FontSize * fit_scale(size.x, width - 2 * t.margin);
    draw->AddText(t.large, font, ImVec2(at.x + t.margin, at.y + (height - font) / 2), t.text, shown.c_str());
    ImGui::Dummy(ImVec2(width, height));
    g_targets.push_back({std::string(text), at, ImVec2(at.x + width, at.y + height)});
}

void drag_to_scroll() {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(0, 4.0F))
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

void dim_veil() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::GetForegroundDrawList()->AddRectFilled(
        viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y),
        IM_COL32(0, 0, 0, 190));
}

} // namespace badgeuse::ui
