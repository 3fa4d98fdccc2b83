// The sync benchmarks, each against a real `portal serve` over TLS on loopback: the first full pull of
// a large site, a push of many events against the bare insert rate of the portal's store, and a fleet
// of simulated kiosks syncing every few seconds (request latency and the portal process's CPU).
#pragma once

#include "bench_report.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace badgeuse::bench {

struct SyncBenchOptions {
    std::filesystem::path portal_exe; // the `portal` binary
    std::filesystem::path work_dir;   // the portal's folder and database go under it (a real disk)
    std::string database = "sqlite";  // "sqlite" or "postgresql" (a private server, tests/support)
    // sync-pull
    int pull_children = 2000;
    int pull_school_days = 144; // a school year of canteen days (four a week, 36 weeks)
    int pull_page_limit = 500;  // the kiosk client's own page size (sync/client ClientSettings::pull_limit)
    std::size_t pull_apply_batch = 5000; // the client's own (ClientSettings::apply_batch)
    // sync-push
    int push_events = 10'000;
    int push_batch = 200; // the kiosk client's own batch (sync/client ClientSettings::push_batch)
    // sync-fleet
    int fleet_kiosks = 200;
    std::chrono::seconds fleet_period{10};
    std::chrono::seconds fleet_duration{60};
    int fleet_threads = 4;
};

Report run_sync_pull_bench(const SyncBenchOptions& options);
Report run_sync_push_bench(const SyncBenchOptions& options);
Report run_sync_fleet_bench(const SyncBenchOptions& options);

} // namespace badgeuse::bench
