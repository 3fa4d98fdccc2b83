// UiMailbox: how worker threads (the reader, the sync client) hand news to the UI thread. They post a
// function; the UI thread runs the posted functions, in order, in KioskApp::update(). Posting never
// blocks on the UI and wakes it through the callback it was given.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

namespace badgeuse::app {

class KioskApp;

class UiMailbox {
public:
    using Letter = std::function<void(KioskApp&)>;

    // `wake` runs on the posting thread, outside the lock (the UI passes one that SDL_PushEvents).
    void set_wake(std::function<void()> wake);
    void post(Letter letter);
    // Everything posted so far, oldest first; the UI thread runs them.
    std::vector<Letter> take();

private:
    std::mutex m_mutex;
    std::function<void()> m_wake;
    std::vector<Letter> m_letters;
};

} // namespace badgeuse::app
