// The wall clock, for the executables only: everything below them is handed a Clock.
// Kept in the app layer, the one place that may read the time of the machine.
#pragma once

#include "badgeuse/core/clock.hpp"

namespace badgeuse::app {

class SystemClock final : public Clock {
public:
    Instant now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    }
};

} // namespace badgeuse::app
