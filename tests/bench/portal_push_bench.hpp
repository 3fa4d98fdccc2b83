// The portal's push benchmark: events ingested through PortalStore::ingest in the kiosks' batches, on
// SQLite and on PostgreSQL, each against the bare single-row insert rate of its own backend measured
// interleaved in the same run (the ratio the target is about).
#pragma once

#include "bench_report.hpp"

#include <filesystem>

namespace badgeuse::bench {

struct PortalPushBenchOptions {
    int events = 10'000;
    int batch = 200;
    std::filesystem::path work_dir; // the SQLite files go here
};

// One report per backend: "portal-push-sqlite" and "portal-push-postgres". PostgreSQL runs on a private
// throwaway server (tests/support/pg_server) with fsync off, like its bare insert.
std::vector<Report> run_portal_push_bench(const PortalPushBenchOptions& options);

} // namespace badgeuse::bench
