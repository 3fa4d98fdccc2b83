// The UI tests' kiosk: the demo school in a temporary store, a manual clock on a canteen Monday, a real
// window under Xvfb with the real renderer, and helpers to capture frames and press buttons.
#pragma once

#include "badgeuse/app/kiosk_runtime.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/ui/kiosk_loop.hpp"
#include "badgeuse/ui/widgets.hpp"
#include "temp_dir.hpp"
#include "xvfb.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace badgeuse::testing {

// Monday 7 December 2026 at 11:45 in Paris: the canteen is open, Thursday's meal can still change.
inline Instant canteen_monday() {
    return paris::to_instant(Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{7}},
                             TimeOfDay::at(11, 45));
}

struct UiKiosk {
    TempDir dir;
    ManualClock clock{canteen_monday()};
    app::SequenceUuidSource uuids;
    std::unique_ptr<app::KioskRuntime> runtime;
    std::unique_ptr<ui::Window> window;
    std::unique_ptr<ui::KioskLoop> loop;
    int width;
    int height;

    UiKiosk(int w, int h)
        : width(w)
        , height(h) {
        auto problem = start_private_xvfb();
        INFO(problem);
        REQUIRE(problem.empty());
        app::RuntimeOptions options;
        options.database = dir / "kiosk.sqlite";
        options.demo = app::DemoData::Rebuild;
        options.assets = BADGEUSE_SOURCE_DIR "/assets";
        auto built = app::make_runtime(options, clock, uuids);
        INFO((built ? std::string("ok") : built.error().message));
        REQUIRE(built.ok());
        runtime = std::move(*built);
        ui::WindowOptions window_options;
        window_options.mode = ui::WindowMode::Windowed;
        window_options.width = w;
        window_options.height = h;
        window_options.renderer = ui::RendererKind::Software;
        window_options.vsync = ui::VSync::Off;
        auto created = ui::Window::create(window_options);
        INFO((created ? std::string("ok") : created.error().message));
        REQUIRE(created.ok());
        window = std::move(*created);
        loop = std::make_unique<ui::KioskLoop>(*window, *runtime->app, runtime->taps, nullptr,
                                               ui::QuitKeys::Allowed);
    }

    app::KioskApp& app() { return *runtime->app; }
    store::Store& store() { return *runtime->store; }
    const demo::DemoSchool& school() { return *runtime->school; }

    // Two frames (ImGui settles its layout on the second), the second read back and saved as
    // <build>/screenshots/<name>-<w>x<h>.png.
    ui::Image capture(const std::string& name) {
        loop->draw_frame();
        auto image = loop->capture();
        REQUIRE(image.ok());
        REQUIRE(image->width == width);
        REQUIRE(image->height == height);
        auto path = std::filesystem::path(BADGEUSE_BINARY_DIR) / "screenshots" /
                    (name + "-" + std::to_string(width) + "x" + std::to_string(height) + ".png");
        REQUIRE(ui::write_png(path, *image).ok());
        return std::move(*image);
    }

    // A press and release at the centre of the button labelled `label` in the last frame, through SDL's
    // event queue and the pointer (the ImGui backend reads the pointer's position from SDL).
    void press(const std::string& label) {
        const ui::Target* target = ui::find_target(label);
        INFO("no button labelled \"" << label << "\" on screen " << app::screen_key(app().screen()));
        REQUIRE(target != nullptr);
        press_at(static_cast<int>(target->centre().x), static_cast<int>(target->centre().y));
    }

    void press_at(int x, int y) {
        SDL_WarpMouseInWindow(window->sdl_window(), x, y);
        pump(2);
        SDL_Event down{};
        down.type = SDL_MOUSEBUTTONDOWN;
        down.button.button = SDL_BUTTON_LEFT;
        down.button.state = SDL_PRESSED;
        down.button.clicks = 1;
        down.button.x = x;
        down.button.y = y;
        down.button.windowID = SDL_GetWindowID(window->sdl_window());
        SDL_PushEvent(&down);
        pump(1);
        SDL_Event up = down;
        up.type = SDL_MOUSEBUTTONUP;
        up.button.state = SDL_RELEASED;
        SDL_PushEvent(&up);
        pump(3);
    }

    // Runs the loop without waiting, `turns` times (each draws the frames that are due).
    void pump(int turns) {
        for (int i = 0; i < turns; ++i) {
            loop->step(std::chrono::milliseconds{0});
            loop->draw_frame();
        }
    }

    void tap(const std::string& uid) {
        runtime->taps.push({uid, "test", std::chrono::steady_clock::now()});
        pump(1);
    }
};

// How many pixels of `image` within [x0,x1)x[y0,y1) are within `tolerance` of `rgb` on each channel.
inline std::size_t count_colour(const ui::Image& image, std::uint32_t rgb, int x0, int y0, int x1, int y1,
                                int tolerance = 8) {
    std::size_t n = 0;
    for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y)
        for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x) {
            auto p = image.at(x, y);
            auto close = [&](int shift) {
                return std::abs(static_cast<int>((p >> shift) & 0xFF) -
                                static_cast<int>((rgb >> shift) & 0xFF)) <= tolerance;
            };
            n += close(16) && close(8) && close(0) ? 1 : 0;
        }
    return n;
}

inline std::uint32_t rgb_of(ImU32 c) {
    return (((c >> IM_COL32_R_SHIFT) & 0xFF) << 16) | (((c >> IM_COL32_G_SHIFT) & 0xFF) << 8) |
           ((c >> IM_COL32_B_SHIFT) & 0xFF);
}

} // namespace badgeuse::testing
