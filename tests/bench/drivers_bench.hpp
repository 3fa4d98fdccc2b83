// The badge reader benchmark: a card presented on the emulated PN532 -> the BadgeTap delivered by
// NfcReader through the real libnfc, median and p99, set against the configured polling period.
#pragma once

#include "bench_report.hpp"

#include <chrono>
#include <filesystem>
#include <vector>

namespace badgeuse::bench {

struct DriversBenchOptions {
    std::vector<std::chrono::milliseconds> poll_periods{std::chrono::milliseconds(150),
                                                        std::chrono::milliseconds(300)};
    int presentations = 60;         // per polling period
    std::filesystem::path work_dir; // the emulator's pty link goes here
};

Report run_drivers_bench(const DriversBenchOptions& options);

} // namespace badgeuse::bench
