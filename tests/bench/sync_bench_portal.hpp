// What the sync benchmarks share: a fresh portal folder under the work dir, the database URL for the
// chosen store, and the seeded portal itself (tests/e2e/support/portal_fixture.hpp).
#pragma once

#include "support/portal_fixture.hpp"
#include "sync_bench.hpp"

#include <filesystem>
#include <string>

namespace badgeuse::bench {

// A new PortalFixture in <work_dir>/<name> (emptied first), on SQLite or on a throwaway PostgreSQL.
testing::PortalFixture start_bench_portal(const SyncBenchOptions& options, const std::string& name,
                                          testing::PortalFixtureOptions fixture);

// "sqlite" → "" (the fixture's default file), "postgresql" → a new database on the private server.
std::string bench_database_url(const SyncBenchOptions& options);

} // namespace badgeuse::bench
