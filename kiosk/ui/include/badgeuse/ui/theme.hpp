// Theme: the kiosk's one look: colours (text contrast at least 4.5:1 on its background), the sizes that
// scale with the screen from 800x480 to 1920x1080, and the DejaVu fonts with the glyphs French needs.
#pragma once

#include "badgeuse/core/check_in.hpp"
#include "badgeuse/core/result.hpp"

#include <imgui.h>

#include <filesystem>

namespace badgeuse::ui {

struct Theme {
    float scale = 1;         // 1 at 800x480
    float touch_target = 64; // pixels: at least 12 mm on a 7" 800x480 panel (~5.3 px/mm)
    float margin = 12;
    ImFont* body = nullptr; // ~22 px at scale 1
    ImFont* bold = nullptr;
    ImFont* large = nullptr; // headings and buttons
    ImFont* huge = nullptr;  // the child's first name, the clock

    // Backgrounds and their text: each pair passes WCAG AA (see tests/ui, contrast).
    ImU32 background = IM_COL32(0xF4, 0xF1, 0xEA, 0xFF);
    ImU32 panel = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 text = IM_COL32(0x1B, 0x1F, 0x24, 0xFF);
    ImU32 muted = IM_COL32(0x4A, 0x50, 0x57, 0xFF);
    ImU32 accent = IM_COL32(0x0B, 0x4F, 0x8A, 0xFF); // buttons, white text on it
    ImU32 on_accent = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 green = IM_COL32(0x1B, 0x7A, 0x3A, 0xFF);  // white text: 5.4:1
    ImU32 orange = IM_COL32(0xB3, 0x4F, 0x00, 0xFF); // white text: 4.8:1
    ImU32 red = IM_COL32(0xB0, 0x1E, 0x23, 0xFF);    // white text: 6.6:1
    ImU32 neutral = IM_COL32(0x3B, 0x47, 0x56, 0xFF);
    ImU32 reserved = IM_COL32(0xCF, 0xEB, 0xD6, 0xFF);
    ImU32 not_reserved = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 absent = IM_COL32(0xFC, 0xE3, 0xC8, 0xFF);
    ImU32 closed = IM_COL32(0xDD, 0xDD, 0xDD, 0xFF);

    ImU32 tone(Tone tone) const;
};

// Scale from the window size: the smaller of width/800 and height/480.
float scale_for(int width, int height);

// Loads DejaVu Sans and Sans Bold at the theme's sizes with Latin-1, Latin Extended-A and General
// Punctuation (so "é", "œ", "€", "–" and "…" render) into ImGui's atlas, and sets the style.
Result<Theme> make_theme(const std::filesystem::path& font_dir, float scale);

// Contrast ratio of two sRGB colours (WCAG 2.1), 1 to 21.
double contrast_ratio(ImU32 a, ImU32 b);

} // namespace badgeuse::ui
