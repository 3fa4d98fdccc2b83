// The check-in path benchmark: decision plus durable insert (synchronous=FULL) on a large site, against
// a bare single-row SQLite insert with the same settings, measured interleaved in the same run.
#pragma once

#include "bench_report.hpp"

#include <filesystem>

namespace badgeuse::bench {

struct CheckInBenchOptions {
    int children = 5000;
    std::size_t past_events = 1'000'000;
    int taps = 2000;
    std::filesystem::path work_dir; // the database goes here (a real disk: fsync must cost what it costs)
};

Report run_checkin_bench(const CheckInBenchOptions& options);

} // namespace badgeuse::bench
