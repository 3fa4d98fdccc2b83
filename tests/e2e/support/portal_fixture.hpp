// A whole portal for the end-to-end tests and benchmarks, in a temporary folder: test PKI, portal.toml,
// a database seeded with one site (children, the canteen, enrollment codes) and a running `portal serve`.
#pragma once

#include "badgeuse/core/ids.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "portal_client.hpp"
#include "portal_process.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace badgeuse::testing {

struct SeededSite {
    SiteId site;
    std::string name;
    ActivityId canteen;
    std::vector<ChildId> children;
};

struct PortalFixtureOptions {
    std::filesystem::path executable; // the `portal` binary
    Transport transport = Transport::Tls;
    int children = 3;
    int kiosk_codes = 1;              // one-time codes made before the start; enroll() uses them in turn
    std::string clock_start;          // --clock-start, empty for the real clock
    std::string database_url;         // [database] url; empty: sqlite://portal.sqlite beside portal.toml
    int requests_per_minute = 100000; // the rate limit per token: the tests and benchmarks are not abuse
    // More data for the benchmarks, written before the portal starts.
    std::function<void(portal::PortalStore&, const SeededSite&)> extra_seed;
};

class PortalFixture {
public:
    PortalFixture(std::filesystem::path dir, PortalFixtureOptions options);

    const SeededSite& site() const { return m_site; }
    PortalProcess& process() { return *m_process; }
    std::uint16_t port() const { return m_process->port(); }
    const std::filesystem::path& config() const { return m_config; }
    std::filesystem::path database() const { return m_dir / "portal.sqlite"; }
    // The CA to trust with TLS, nullopt with --insecure-dev.
    std::optional<std::filesystem::path> ca() const;

    // A client straight to the portal (no proxy), without a token.
    PortalClient client() const { return PortalClient(port(), ca()); }
    // Enrolls a kiosk with the next code through POST /v1/enroll; gives its token. Throws on failure.
    std::string enroll(const std::string& kiosk_name);

    // Starts `portal serve` again on the same database (after process().kill_hard()); a new port.
    void restart();

private:
    void start();
    std::filesystem::path m_dir;
    PortalFixtureOptions m_options;
    std::filesystem::path m_config;
    SeededSite m_site;
    std::vector<std::string> m_codes;
    std::size_t m_next_code = 0;
    std::unique_ptr<PortalProcess> m_process;
};

} // namespace badgeuse::testing
