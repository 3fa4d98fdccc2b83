// Instants and the injected clock: core never reads the wall clock, it is handed one.
// The edges (kiosk, portal) provide the system clock; tests and simulations use ManualClock.
#pragma once

#include <atomic>
#include <chrono>

namespace badgeuse {

// A moment in time, UTC, to the millisecond.
using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

// A clock that moves only when told to; safe to read from several threads.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Instant start)
        : m_ms(start.time_since_epoch().count()) {}
    Instant now() const override { return Instant{std::chrono::milliseconds{m_ms.load()}}; }
    void set(Instant at) { m_ms.store(at.time_since_epoch().count()); }
    void advance(std::chrono::milliseconds by) { m_ms.fetch_add(by.count()); }

private:
    std::atomic<std::chrono::milliseconds::rep> m_ms;
};

} // namespace badgeuse
