// Sounds: sine notes with a short attack and release, so that they do not click.
#include "badgeuse/ui/sounds.hpp"

#include <spdlog/spdlog.h>

#include <cmath>
#include <numbers>
#include <utility>

namespace badgeuse::ui {
namespace {

void append_note(std::vector<std::int16_t>& out, double frequency, double seconds, double volume) {
    auto count = static_cast<std::size_t>(seconds * kSampleRate);
    const double ramp = 0.01 * kSampleRate;
    for (std::size_t i = 0; i < count; ++i) {
        double t = static_cast<double>(i) / kSampleRate;
        double envelope =
            std::min({1.0, static_cast<double>(i) / ramp, static_cast<double>(count - i) / ramp});
        double v = std::sin(2.0 * std::numbers::pi * frequency * t) * envelope * volume;
        out.push_back(static_cast<std::int16_t>(v * 32767.0));
    }
}

} // namespace

std::vector<std::int16_t> tone_samples(Tone tone) {
    std::vector<std::int16_t> s;
    switch (tone) {
    case Tone::Green: // C5 E5 G5: a cheerful rise
        append_note(s, 523.25, 0.12, 0.5);
        append_note(s, 659.25, 0.12, 0.5);
        append_note(s, 783.99, 0.20, 0.5);
        break;
    case Tone::Orange: // two A4: "attention"
        append_note(s, 440.0, 0.18, 0.5);
        append_note(s, 0.0, 0.08, 0.0);
        append_note(s, 440.0, 0.18, 0.5);
        break;
    case Tone::Red: // a low falling pair
        append_note(s, 311.13, 0.22, 0.55);
        append_note(s, 233.08, 0.32, 0.55);
        break;
    case Tone::Neutral:
        append_note(s, 587.33, 0.15, 0.35);
        break;
    }
    return s;
}

Sounds::Sounds() {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        m_problem = std::string("no audio: ") + SDL_GetError();
        spdlog::info("sounds off ({}); verdicts are shown without sound", m_problem);
        return;
    }
    m_audio_ready = true;
    SDL_AudioSpec want{};
    want.freq = kSampleRate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    SDL_AudioSpec have{};
    m_device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (m_device == 0) {
        m_problem = std::string("no audio device: ") + SDL_GetError();
        spdlog::info("sounds off ({}); verdicts are shown without sound", m_problem);
        return;
    }
    SDL_PauseAudioDevice(m_device, 0);
}

Sounds::~Sounds() {
    if (m_device != 0)
        SDL_CloseAudioDevice(m_device);
    if (m_audio_ready)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void Sounds::play(Tone tone) {
    if (m_device == 0)
        return;
    auto samples = tone_samples(tone);
    SDL_ClearQueuedAudio(m_device);
    SDL_QueueAudio(m_device, samples.data(), static_cast<Uint32>(samples.size() * sizeof(std::int16_t)));
}

} // namespace badgeuse::ui
