// The sync benchmarks' portal (see sync_bench_portal.hpp).
#include "sync_bench_portal.hpp"

#include "pg_server.hpp"

#include <stdexcept>

namespace badgeuse::bench {

std::string bench_database_url(const SyncBenchOptions& options) {
    if (options.database == "sqlite")
        return {};
    if (options.database == "postgresql")
        return testing::create_pg_database();
    throw std::runtime_error("--database " + options.database + ": expected sqlite or postgresql");
}

testing::PortalFixture start_bench_portal(const SyncBenchOptions& options, const std::string& name,
                                          testing::PortalFixtureOptions fixture) {
    const std::filesystem::path dir = options.work_dir / name;
    std::filesystem::remove_all(dir);
    fixture.executable = options.portal_exe;
    fixture.transport = testing::Transport::Tls;
    fixture.database_url = bench_database_url(options);
    return testing::PortalFixture(dir, std::move(fixture));
}

} // namespace badgeuse::bench
