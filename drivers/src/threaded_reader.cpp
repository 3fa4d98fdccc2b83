// ThreadedReader: one thread, its stop signal and the reader's core.
#include "badgeuse/drivers/threaded_reader.hpp"

#include "reader_core.hpp"
#include "stop_signal.hpp"

#include <thread>

namespace badgeuse::drivers {

struct ThreadedReader::State {
    explicit State(std::string id)
        : core(std::move(id)) {}
    ReaderCore core;
    StopSignal stop;
    std::thread thread;
};

ThreadedReader::ThreadedReader(std::string id)
    : m_state(std::make_unique<State>(std::move(id))) {}

// Derived readers have stopped already (their loop uses their members); this is for safety only.
ThreadedReader::~ThreadedReader() {
    stop();
}

Result<void> ThreadedReader::start(ReaderCallbacks callbacks) {
    if (m_state->thread.joinable())
        return make_error("the reader '" + m_state->core.id() + "' is already running");
    // Before prepare(), so that a status it sets (the simulator is listening) reaches the callbacks.
    m_state->core.set_callbacks(std::move(callbacks));
    if (auto prepared = prepare(); !prepared)
        return prepared;
    m_state->stop.reset();
    m_state->thread = std::thread([this] { run(); });
    return {};
}

void ThreadedReader::stop() {
    if (!m_state->thread.joinable())
        return;
    m_state->stop.request();
    m_state->thread.join();
    finish();
    m_state->core.set_status(ReaderState::Stopped, "");
}

ReaderStatus ThreadedReader::status() const {
    return m_state->core.status();
}
const std::string& ThreadedReader::id() const {
    return m_state->core.id();
}
ReaderCore& ThreadedReader::core() const {
    return m_state->core;
}
const StopSignal& ThreadedReader::stop_signal() const {
    return m_state->stop;
}

} // namespace badgeuse::drivers
