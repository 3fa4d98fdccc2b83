// Sounds: one short generated tune per verdict tone (green, orange, red, neutral) through SDL audio.
// Without an audio device (CI, Xvfb, a kiosk with no speaker) it logs once and stays silent.
#pragma once

#include "badgeuse/core/check_in.hpp"

#include <SDL.h>

#include <cstdint>
#include <string>
#include <vector>

namespace badgeuse::ui {

// 16-bit mono samples at kSampleRate: rising notes for green, two even notes for orange, a low
// falling pair for red, one soft note for neutral. Pure, so that tests can check them.
inline constexpr int kSampleRate = 22050;
std::vector<std::int16_t> tone_samples(Tone tone);

class Sounds {
public:
    Sounds();
    Sounds(const Sounds&) = delete;
    Sounds& operator=(const Sounds&) = delete;
    ~Sounds();

    // Queues the tone, cutting short one still playing (the newest verdict is what the child sees).
    void play(Tone tone);
    bool available() const { return m_device != 0; }
    const std::string& problem() const { return m_problem; }

private:
    SDL_AudioDeviceID m_device = 0;
    bool m_audio_ready = false;
    std::string m_problem;
};

} // namespace badgeuse::ui
