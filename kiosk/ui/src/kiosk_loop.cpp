// KioskLoop: event-driven. A frame is drawn after input (twice: ImGui sees a click on the frame after
// the press), after the app changed, and at ~30 Hz only while a verdict is on screen (its bar moves).
#include "badgeuse/ui/kiosk_loop.hpp"

#include "badgeuse/ui/screens.hpp"

#include <algorithm>

namespace badgeuse::ui {
namespace {

using namespace std::chrono_literals;

Uint32 wake_event() {
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}

bool is_input(const SDL_Event& e) {
    switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
        return true;
    default:
        return false;
    }
}

} // namespace

KioskLoop::KioskLoop(Window& window, app::KioskApp& app, app::TapQueue& taps, Sounds* sounds,
                     QuitKeys quit_keys, LoopHooks hooks)
    : m_window(&window)
    , m_app(&app)
    , m_taps(&taps)
    , m_sounds(sounds)
    , m_quit_keys(quit_keys)
    , m_hooks(std::move(hooks)) {
    (void)wake_event(); // registered on the UI thread, before any reader may push one
}

void KioskLoop::wake() {
    SDL_Event event{};
    event.type = wake_event();
    SDL_PushEvent(&event);
}

void KioskLoop::request_stop() {
    SDL_Event event{};
    event.type = SDL_QUIT;
    SDL_PushEvent(&event);
}

void KioskLoop::run() {
    while (step(std::chrono::minutes{1})) {
    }
}

void KioskLoop::handle(const SDL_Event& e) {
    if (e.type == SDL_QUIT) {
        m_running = false;
        return;
    }
    if (e.type == SDL_WINDOWEVENT) {
        m_frames_pending = std::max(m_frames_pending, 1); // exposed, resized: redraw
        return;
    }
    if (!is_input(e))
        return;
    m_window->process_event(e);
    m_input = true;
    if (e.type == SDL_KEYDOWN) {
        SDL_Keycode key = e.key.keysym.sym;
        if (key == SDLK_ESCAPE && m_quit_keys == QuitKeys::Allowed)
            m_running = false;
        // The demo's keyboard shortcuts: 1..9 tap the demo panel's badges.
        if (key >= SDLK_1 && key <= SDLK_9)
            for (const auto& badge : m_app->badge_view().demo_badges)
                if (badge.key == static_cast<char>('1' + (key - SDLK_1)))
                    m_taps->push({badge.uid, "demo", std::chrono::steady_clock::now()});
    }
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN || e.type == SDL_KEYDOWN)
        m_app->handle_touch();
}

bool KioskLoop::step(std::chrono::milliseconds max_wait) {
    auto wait = std::min(max_wait, m_app->time_to_next_change());
    if (m_app->screen() == app::Screen::Verdict)
        wait = std::min(wait, 33ms);
    if (m_frames_pending > 0 || m_taps->size() > 0)
        wait = 0ms;
    SDL_Event event;
    // +1 ms: SDL rounds down, and waking a hair early would only find nothing to do.
    int timeout = static_cast<int>(wait.count()) + (wait.count() > 0 ? 1 : 0);
    if (timeout > 0 ? SDL_WaitEventTimeout(&event, timeout) : SDL_PollEvent(&event))
        handle(event);
    while (SDL_PollEvent(&event))
        handle(event);
    if (!m_running)
        return false;
    for (auto& tap : m_taps->drain()) {
        m_taps_to_show.push_back(tap.at);
        m_app->handle_tap(tap);
    }
    m_app->update();
    bool needed = m_input || m_frames_pending > 0 || m_app->generation() != m_drawn_generation ||
                  m_app->screen() == app::Screen::Verdict;
    if (needed)
        draw_frame();
    return m_running;
}

void KioskLoop::draw_frame() {
    frame(nullptr);
}

Result<Image> KioskLoop::capture() {
    Image image;
    frame(&image);
    if (image.rgba.empty())
        return make_error("the frame could not be read back");
    return image;
}

void KioskLoop::frame(Image* capture_into) {
    bool had_input = m_input;
    m_input = false;
    m_frames_pending = std::max(0, m_frames_pending - 1);
    m_drawn_generation = m_app->generation();
    m_window->begin_frame();
    app::Intents intents;
    draw_kiosk(*m_app, intents);
    m_window->render();
    if (capture_into)
        if (auto pixels = m_window->read_pixels())
            *capture_into = std::move(*pixels);
    m_window->present();
    ++m_frames;
    auto shown = std::chrono::steady_clock::now();
    if (m_hooks.on_tap_shown)
        for (auto at : m_taps_to_show)
            m_hooks.on_tap_shown(shown - at);
    m_taps_to_show.clear();
    if (auto tone = m_app->take_sound(); tone && m_sounds)
        m_sounds->play(*tone);
    if (m_hooks.on_frame)
        m_hooks.on_frame();
    auto before = m_app->generation();
    m_app->apply(intents);
    // Input needs a second frame (a press becomes a click on the next one); intents change the view.
    if (had_input)
        m_frames_pending = std::max(m_frames_pending, 1);
    if (m_app->generation() != before)
        m_frames_pending = std::max(m_frames_pending, 1);
}

} // namespace badgeuse::ui
