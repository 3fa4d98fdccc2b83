// Window: SDL + ImGui set-up and teardown in the order both libraries require.
#include "badgeuse/ui/window.hpp"

#include "badgeuse/ui/widgets.hpp"
#include "imgui_impl_sdl.h"
#include "imgui_impl_sdlrenderer.h"

#include <cstdlib>
#include <stb_image_write.h>

namespace badgeuse::ui {

std::uint32_t Image::at(int x, int y) const {
    auto i =
        (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
    return (std::uint32_t{rgba[i]} << 16) | (std::uint32_t{rgba[i + 1]} << 8) | rgba[i + 2];
}

Result<std::unique_ptr<Window>> Window::create(const WindowOptions& options) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland) && !std::getenv("SDL_VIDEODRIVER"))
        return make_error("no display: DISPLAY is not set (run under X, or use --headless, or xvfb-run)");
    auto window = std::make_unique<Window>(Private{});
    // A kiosk's screen must not blank while it waits for badges, and touches become mouse clicks.
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    // Drawing in software (Xvfb, no GPU): SDL would otherwise copy each frame through an OpenGL
    // texture of Mesa's software rasteriser, which costs time and a hundred MiB of memory for nothing.
    if (options.renderer == RendererKind::Software)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return make_error(std::string("SDL could not open the display: ") + SDL_GetError());
    window->m_sdl_ready = true;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_SHOWN;
    if (options.mode == WindowMode::Fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    window->m_window.reset(SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                            SDL_WINDOWPOS_CENTERED, options.width, options.height, flags));
    if (!window->m_window)
        return make_error(std::string("SDL could not create the window: ") + SDL_GetError());
    Uint32 renderer_flags =
        options.renderer == RendererKind::Software ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
    if (options.vsync == VSync::On)
        renderer_flags |= SDL_RENDERER_PRESENTVSYNC;
    window->m_renderer.reset(SDL_CreateRenderer(window->m_window.get(), -1, renderer_flags));
    if (!window->m_renderer && options.renderer == RendererKind::Accelerated) // no GPU: software will do
        window->m_renderer.reset(SDL_CreateRenderer(window->m_window.get(), -1, SDL_RENDERER_SOFTWARE));
    if (!window->m_renderer)
        return make_error(std::string("SDL could not create a renderer: ") + SDL_GetError());
    SDL_GetRendererOutputSize(window->m_renderer.get(), &window->m_width, &window->m_height);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    window->m_imgui_ready = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    auto theme = make_theme(options.font_dir, scale_for(window->m_width, window->m_height));
    if (!theme)
        return theme.error();
    window->m_theme = *theme;
    set_theme(window->m_theme);
    ImGui_ImplSDL2_InitForSDLRenderer(window->m_window.get());
    ImGui_ImplSDLRenderer_Init(window->m_renderer.get());
    return window;
}

Window::~Window() {
    if (m_imgui_ready) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    m_renderer.reset();
    m_window.reset();
    if (m_sdl_ready)
        SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

void Window::process_event(const SDL_Event& event) {
    ImGui_ImplSDL2_ProcessEvent(&event);
}

void Window::begin_frame() {
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
}

void Window::end_frame() {
    render();
    present();
}

void Window::present() {
    SDL_RenderPresent(m_renderer.get());
}

void Window::render() {
    ImGui::Render();
    SDL_Renderer* r = m_renderer.get();
    auto bg = screen_background();
    SDL_SetRenderDrawColor(r, static_cast<Uint8>(bg >> IM_COL32_R_SHIFT),
                           static_cast<Uint8>(bg >> IM_COL32_G_SHIFT),
                           static_cast<Uint8>(bg >> IM_COL32_B_SHIFT), 0xFF);
    SDL_RenderClear(r);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

Result<Image> Window::read_pixels() const {
    Image image;
    image.width = m_width;
    image.height = m_height;
    image.rgba.resize(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height) * 4);
    if (SDL_RenderReadPixels(m_renderer.get(), nullptr, SDL_PIXELFORMAT_ABGR8888, image.rgba.data(),
                             m_width * 4) != 0)
        return make_error(std::string("could not read the screen back: ") + SDL_GetError());
    return image;
}

Result<void> write_png(const std::filesystem::path& path, const Image& image) {
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path());
    if (stbi_write_png(path.string().c_str(), image.width, image.height, 4, image.rgba.data(),
                       image.width * 4) == 0)
        return make_error("could not write " + path.string());
    return {};
}

} // namespace badgeuse::ui
