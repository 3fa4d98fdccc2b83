// ThreadedReader: what every reader with a thread of its own shares (start, stop, status, id), so that a
// reader only gives its loop. A derived reader calls stop() first thing in its destructor.
#pragma once

#include "badgeuse/drivers/badge_reader.hpp"

#include <memory>
#include <string>

namespace badgeuse::drivers {

class ReaderCore;
class StopSignal;

class ThreadedReader : public BadgeReader {
public:
    ~ThreadedReader() override;
    ThreadedReader(const ThreadedReader&) = delete;
    ThreadedReader& operator=(const ThreadedReader&) = delete;

    Result<void> start(ReaderCallbacks callbacks) final;
    void stop() final;
    ReaderStatus status() const final;
    const std::string& id() const final;

protected:
    explicit ThreadedReader(std::string id);

    // On the caller's thread, before the reader's own starts: what can fail at once (binding a socket).
    virtual Result<void> prepare() { return {}; }
    // The reader's thread. Returns once stop_signal() is requested.
    virtual void run() = 0;
    // After the thread has ended (removing a socket file).
    virtual void finish() {}

    ReaderCore& core() const;
    const StopSignal& stop_signal() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace badgeuse::drivers
