// The theme: fonts into ImGui's atlas, one style with no hover feedback (a touchscreen has no hover).
#include "badgeuse/ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace badgeuse::ui {
namespace {

// Latin-1, Latin Extended-A (œ, Œ, ŷ...), General Punctuation (– — ’ “ … ‹ ›), the euro sign and arrows.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F,
                                    0x20AC, 0x20AC, 0x2190, 0x2193, 0};
// The huge font (names, "Passe ton badge") needs letters, the apostrophe and the ellipsis only: its
// glyphs are the atlas's largest, and each one left out saves memory.
constexpr ImWchar kHugeGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2019, 0x2019, 0x2026, 0x2026, 0};

ImVec4 colour(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

double channel(double c) {
    c /= 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 c) {
    double r = channel(static_cast<double>((c >> IM_COL32_R_SHIFT) & 0xFF));
    double g = channel(static_cast<double>((c >> IM_COL32_G_SHIFT) & 0xFF));
    double b = channel(static_cast<double>((c >> IM_COL32_B_SHIFT) & 0xFF));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

} // namespace

ImU32 Theme::tone(Tone t) const {
    switch (t) {
    case Tone::Green:
        return green;
    case Tone::Orange:
        return orange;
    case Tone::Red:
        return red;
    case Tone::Neutral:
        return neutral;
    }
    return neutral;
}

float scale_for(int width, int height) {
    return std::max(0.5F, std::min(static_cast<float>(width) / 800.0F, static_cast<float>(height) / 480.0F));
}

double contrast_ratio(ImU32 a, ImU32 b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Result<Theme> make_theme(const std::filesystem::path& font_dir, float scale) {
    Theme theme;
    theme.scale = scale;
    theme.touch_target = std::round(64.0F * scale);
    theme.margin = std::round(12.0F * scale);
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    auto regular = (font_dir / "DejaVuSans.ttf").string();
    auto bold = (font_dir / "DejaVuSans-Bold.ttf").string();
    for (const auto& file : {regular, bold})
        if (!std::filesystem::exists(file))
            return make_error("the font " + file + " is missing: install fonts-dejavu-core");
    // Small text needs horizontal oversampling to keep thin letters (l, i) crisp; large sizes do not,
    // and leaving it out keeps the atlas small.
    ImFontConfig small;
    small.OversampleH = 2;
    small.OversampleV = 1;
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    theme.body =
        io.Fonts->AddFontFromFileTTF(regular.c_str(), std::round(22.0F * scale), &small, kGlyphRanges);
    theme.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), std::round(22.0F * scale), &small, kGlyphRanges);
    theme.large =
        io.Fonts->AddFontFromFileTTF(bold.c_str(), std::round(32.0F * scale), &config, kGlyphRanges);
    theme.huge =
        io.Fonts->AddFontFromFileTTF(bold.c_str(), std::round(60.0F * scale), &config, kHugeGlyphRanges);
    if (!theme.body || !theme.bold || !theme.large || !theme.huge)
        return make_error("the DejaVu fonts in " + font_dir.string() + " could not be loaded");
    io.FontDefault = theme.body;

    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle{};
    style.WindowPadding = ImVec2(theme.margin, theme.margin);
    style.FramePadding = ImVec2(theme.margin, theme.margin * 0.6F);
    style.ItemSpacing = ImVec2(theme.margin * 0.7F, theme.margin * 0.7F);
    style.FrameRounding = 10.0F * scale;
    style.WindowRounding = 0;
    style.ChildRounding = 8.0F * scale;
    style.ScrollbarSize = 0; // dragging scrolls; thin bars are too small for fingers
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.TouchExtraPadding = ImVec2(4.0F * scale, 4.0F * scale);
    auto& c = style.Colors;
    c[ImGuiCol_Text] = colour(theme.text);
    c[ImGuiCol_WindowBg] = colour(theme.background);
    c[ImGuiCol_ChildBg] = colour(theme.panel);
    c[ImGuiCol_Button] = colour(theme.accent);
    c[ImGuiCol_ButtonHovered] = colour(theme.accent); // no hover on a touchscreen
    c[ImGuiCol_ButtonActive] = colour(IM_COL32(0x08, 0x3A, 0x66, 0xFF));
    c[ImGuiCol_FrameBg] = colour(theme.panel);
    c[ImGuiCol_Border] = colour(theme.muted);
    return theme;
}

} // namespace badgeuse::ui
