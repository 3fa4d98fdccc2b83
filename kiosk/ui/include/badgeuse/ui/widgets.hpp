// Touch widgets shared by the screens: the full-screen root, big buttons, the PIN keypad, centred
// text, drag-to-scroll, the dimming veil, and the record of where each button was drawn (for tests).
#pragma once

#include "badgeuse/app/views.hpp"
#include "badgeuse/ui/theme.hpp"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace badgeuse::ui {

// The theme the screens draw with; the Window sets it when it builds the fonts.
const Theme& theme();
void set_theme(const Theme& theme);

enum class ButtonKind { Primary, Secondary, Selected, Unselected };
// Compact buttons may be smaller than a touch target: only the demo panel uses them.
enum class Sizing { TouchTarget, Compact };

// Where a button or a text was drawn in the last frame, by its visible label: the scripted tests press
// buttons, the screenshot tests look for a text's glyphs in its rectangle.
struct Target {
    std::string label;
    ImVec2 min;
    ImVec2 max;
    ImVec2 centre() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};
void clear_targets();
const std::vector<Target>& targets();
const Target* find_target(std::string_view label);

// The root window covering the whole screen; every screen draws between these two. The background is
// not drawn by ImGui but cleared by the renderer (screen_background()): a full-screen textured quad
// costs a software renderer tens of milliseconds at 1920x1080, a clear almost nothing.
void begin_screen(const char* id, ImU32 background = 0);
void end_screen();
ImU32 screen_background();

// A button at least theme().touch_target high. `id` keeps labels that repeat apart.
bool big_button(std::string_view label, ImVec2 size, ButtonKind kind = ButtonKind::Primary,
                std::string_view id = {}, Sizing sizing = Sizing::TouchTarget);
// A button coloured like a cell of the planning, with two lines of text.
bool cell_button(std::string_view label, std::string_view detail, ImVec2 size, ImU32 fill,
                 std::string_view id);

// Text centred horizontally in the window at the cursor's line.
void text_centred(ImFont* font, std::string_view text, ImU32 colour);
void text_coloured(ImFont* font, std::string_view text, ImU32 colour);

// The 4x3 digit keypad with its confirm key; keys go to intents.key.
void keypad(app::Intents& intents, float width, std::string_view ok_label, std::string_view clear_label);

// The AZERTY letter keyboard for names (no physical keyboard is ever needed): four rows of keys at
// least a touch target each, the letters, '-', erase, clear and space; keys go to intents.letter.
struct LetterLabels {
    std::string_view space;
    std::string_view erase;
    std::string_view clear;
};
void letter_keyboard(app::Intents& intents, float width, const LetterLabels& labels);
// The height letter_keyboard takes for a given width.
float letter_keyboard_height();

// A filled tag with its label, as staff know the PAI / allergy marker (recorded as a target).
void marker(std::string_view label, ImU32 fill, ImU32 text_colour);

// A box showing what was typed, `height` high.
void entry_box(std::string_view text, float width, float height);

// In a scrolling child: dragging with a finger scrolls it (there are no scrollbars).
void drag_to_scroll();

// Darkens the screen after a long idle time.
void dim_veil();

} // namespace badgeuse::ui
