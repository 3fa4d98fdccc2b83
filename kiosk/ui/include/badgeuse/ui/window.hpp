// Window: the kiosk's SDL window and renderer with Dear ImGui on top (SDL2 platform backend, SDL_Renderer
// backend), owned through RAII; frames begin and end here, and pixels can be read back for screenshots.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/ui/theme.hpp"

#include <SDL.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace badgeuse::ui {

struct SdlWindowDeleter {
    void operator()(SDL_Window* window) const { SDL_DestroyWindow(window); }
};
struct SdlRendererDeleter {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};
using SdlWindowHandle = std::unique_ptr<SDL_Window, SdlWindowDeleter>;
using SdlRendererHandle = std::unique_ptr<SDL_Renderer, SdlRendererDeleter>;

enum class WindowMode { Fullscreen, Windowed };
// Software is what Xvfb offers and what the screenshot tests use; kiosks try the GPU first.
enum class RendererKind { Accelerated, Software };
// Without vsync a frame is presented as soon as it is drawn: the tap-to-verdict benchmark measures that.
enum class VSync { On, Off };

struct WindowOptions {
    WindowMode mode = WindowMode::Fullscreen;
    int width = 1280; // windowed size; full screen takes the display's
    int height = 800;
    RendererKind renderer = RendererKind::Accelerated;
    VSync vsync = VSync::On;
    std::filesystem::path font_dir = "/usr/share/fonts/truetype/dejavu";
    std::string title = "Badgeuse";
};

// RGBA pixels, row by row from the top.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;

    std::uint32_t at(int x, int y) const; // 0xRRGGBB
};

class Window {
    struct Private {};

public:
    explicit Window(Private) {}
    // Initialises SDL's video, creates the window, the renderer and ImGui's context with the fonts.
    // Fails with a sentence when there is no display (no DISPLAY, no Wayland): --headless works then.
    static Result<std::unique_ptr<Window>> create(const WindowOptions& options);
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    // Feeds an SDL event to ImGui.
    void process_event(const SDL_Event& event);
    void begin_frame();
    // render() then present().
    void end_frame();
    // Draws ImGui's draw data into the back buffer; present() shows it.
    void render();
    void present();
    // The pixels of the frame rendered and not yet presented (SDL's back buffer is undefined after a
    // present, so screenshots are taken between render() and present()).
    Result<Image> read_pixels() const;

    int width() const { return m_width; }
    int height() const { return m_height; }
    const Theme& theme() const { return m_theme; }
    SDL_Window* sdl_window() const { return m_window.get(); }

private:
    SdlWindowHandle m_window;
    SdlRendererHandle m_renderer;
    Theme m_theme;
    int m_width = 0;
    int m_height = 0;
    bool m_imgui_ready = false;
    bool m_font_data_released = false;
    bool m_sdl_ready = false;
};

Result<void> write_png(const std::filesystem::path& path, const Image& image);

} // namespace badgeuse::ui
