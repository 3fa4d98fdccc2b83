// KioskLoop: the UI thread's event loop. It sleeps in SDL_WaitEventTimeout until an input, a tap (other
// threads wake it with SDL_PushEvent) or the app's next timed change, draws a frame only when something
// changed, then applies the frame's intents and plays the verdict's sound.
#pragma once

#include "badgeuse/app/kiosk_app.hpp"
#include "badgeuse/app/tap_queue.hpp"
#include "badgeuse/ui/sounds.hpp"
#include "badgeuse/ui/window.hpp"

#include <chrono>
#include <cstdint>
#include <functional>

namespace badgeuse::ui {

struct LoopHooks {
    // After the SDL_RenderPresent of the frame that first shows a tap's verdict: the tap's age then.
    std::function<void(std::chrono::nanoseconds)> on_tap_shown;
    // After each frame is presented (tests and the benchmarks).
    std::function<void()> on_frame;
};

// What Escape and the window's close button do: a kiosk in full screen ignores them.
enum class QuitKeys { Ignored, Allowed };

class KioskLoop {
public:
    KioskLoop(Window& window, app::KioskApp& app, app::TapQueue& taps, Sounds* sounds, QuitKeys quit_keys,
              LoopHooks hooks = {});

    // Wakes the UI thread from any thread (a tap, sync news). Safe before SDL's video is up: it only
    // pushes an event.
    static void wake();
    // Asks the loop to return, from any thread.
    static void request_stop();

    // Until the window is closed or request_stop().
    void run();
    // One turn: waits at most `max_wait` (or less if the app changes sooner), handles what came and
    // draws if needed. False once the loop should stop.
    bool step(std::chrono::milliseconds max_wait);
    // Draws and presents a frame now, applying its intents; used by step() and the screenshot tests.
    void draw_frame();
    // Draws a frame and reads its pixels before presenting it.
    Result<Image> capture();

    std::uint64_t frames() const { return m_frames; }

private:
    void handle(const SDL_Event& event);
    void frame(Image* capture_into);

    Window* m_window;
    app::KioskApp* m_app;
    app::TapQueue* m_taps;
    Sounds* m_sounds;
    QuitKeys m_quit_keys;
    LoopHooks m_hooks;
    bool m_running = true;
    bool m_input = false;
    int m_frames_pending = 1; // the first frame
    std::uint64_t m_drawn_generation = ~std::uint64_t{0};
    std::uint64_t m_frames = 0;
    std::vector<std::chrono::steady_clock::time_point> m_taps_to_show;
};

} // namespace badgeuse::ui
