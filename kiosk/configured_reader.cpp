// ConfiguredReader: the reader's callbacks run on its thread; they only copy, count and post.
#include "configured_reader.hpp"

#include "badgeuse/app/kiosk_app.hpp"

#include <spdlog/spdlog.h>

namespace badgeuse::kiosk {

app::ReaderHealth reader_health(const drivers::ReaderStatus& status, std::string reader_id,
                                std::uint64_t dropped_taps) {
    app::ReaderHealth health;
    health.reader_id = std::move(reader_id);
    health.detail = status.text;
    health.dropped_taps = dropped_taps;
    switch (status.state) {
    case drivers::ReaderState::Connected:
        health.link = app::ReaderLink::Connected;
        health.text = "Lecteur connecté";
        break;
    case drivers::ReaderState::Searching:
        health.link = app::ReaderLink::Searching;
        health.text = "Lecteur non trouvé : vérifiez son câble USB (recherche en cours)";
        break;
    case drivers::ReaderState::Error:
        health.link = app::ReaderLink::Error;
        health.text = "Lecteur en panne : voir l'écran Personnel";
        break;
    case drivers::ReaderState::Stopped:
        health.link = app::ReaderLink::None;
        health.text = "Lecteur arrêté";
        break;
    }
    return health;
}

app::ReaderHealth ConfiguredReader::State::health() const {
    std::lock_guard lock(mutex);
    return reader_health(status, id, limiter.dropped() + queue_full.load());
}

ConfiguredReader::ConfiguredReader(drivers::ReaderConfig config, app::TapQueue& taps, app::UiMailbox& mailbox)
    : m_config(std::move(config))
    , m_taps(&taps)
    , m_mailbox(&mailbox)
    , m_state(std::make_shared<State>(
          m_config.rate,
          m_config.id.empty() ? std::string(drivers::reader_kind_key(m_config.kind)) : m_config.id)) {}

ConfiguredReader::~ConfiguredReader() {
    stop();
}

void ConfiguredReader::publish(const std::shared_ptr<State>& state, app::UiMailbox& mailbox) {
    if (state->letter_pending.exchange(true))
        return;
    mailbox.post([state](app::KioskApp& app) {
        state->letter_pending = false;
        app.set_reader_health(state->health());
    });
}

Result<void> ConfiguredReader::start() {
    auto made = drivers::make_reader(m_config);
    if (!made)
        return made.error();
    m_reader = std::move(*made);
    drivers::ReaderCallbacks callbacks;
    auto state = m_state;
    auto* taps = m_taps;
    auto* mailbox = m_mailbox;
    callbacks.on_tap = [state, taps, mailbox](drivers::BadgeTap tap) {
        if (!state->limiter.admit(tap.at)) {
            publish(state, *mailbox); // the staff screen's dropped count
            return;
        }
        if (!taps->push(app::BadgeTap{std::move(tap.uid), std::move(tap.reader), tap.at})) {
            ++state->queue_full;
            publish(state, *mailbox);
        }
    };
    callbacks.on_status = [state, mailbox](const drivers::ReaderStatus& status) {
        {
            std::lock_guard lock(state->mutex);
            state->status = status;
        }
        publish(state, *mailbox);
    };
    callbacks.on_log = [state](drivers::LogLevel level, std::string_view line) {
        switch (level) {
        case drivers::LogLevel::Info:
            spdlog::info("reader {}: {}", state->id, line);
            break;
        case drivers::LogLevel::Warning:
            spdlog::warn("reader {}: {}", state->id, line);
            break;
        case drivers::LogLevel::Error:
            spdlog::error("reader {}: {}", state->id, line);
            break;
        }
    };
    if (auto started = m_reader->start(std::move(callbacks)); !started) {
        m_reader.reset();
        return started.error();
    }
    // The reader may have set its state before the callbacks were in place.
    {
        std::lock_guard lock(m_state->mutex);
        m_state->status = m_reader->status();
    }
    publish(m_state, *m_mailbox);
    return {};
}

void ConfiguredReader::stop() {
    if (m_reader)
        m_reader->stop();
}

app::ReaderHealth ConfiguredReader::health() const {
    return m_state->health();
}

std::uint64_t ConfiguredReader::dropped() const {
    return m_state->limiter.dropped() + m_state->queue_full.load();
}

} // namespace badgeuse::kiosk
