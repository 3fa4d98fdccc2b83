// A real `portal serve` for the tests: a portal folder with its portal.toml (TLS with the test PKI,
// a SQLite database seeded with a site, a child and the canteen), and the process started on
// 127.0.0.1 port 0, its port read from --port-file, its stderr kept in a file.
#pragma once

#include "badgeuse/core/ids.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace badgeuse::testing {

// The portal's folder: portal.toml, portal.sqlite and the PKI. Two sites: "École Jules Ferry"
// (child 1 "Léa", canteen = activity 1) and "École Curie" (child 2, activity 2).
struct PortalHome {
    explicit PortalHome(const std::string& extra_toml = "");

    TempDir dir;
    TestPki pki;
    std::filesystem::path config;
    std::filesystem::path database;
    SiteId site;
    SiteId other_site;

    // A one-time enrollment code for a kiosk of `for_site`, written straight into the database.
    std::string enrollment_code(SiteId for_site, const std::string& kiosk_name = "préau") const;
    std::int64_t event_count() const;
};

class PortalProcess {
public:
    // Starts `portal serve --config home.config --listen 127.0.0.1:0 --port-file ...` plus `extra`,
    // and waits (up to 20 s) for the port. Throws if the portal exits first, with its stderr.
    explicit PortalProcess(const PortalHome& home, std::vector<std::string> extra = {});
    ~PortalProcess();
    PortalProcess(const PortalProcess&) = delete;
    PortalProcess& operator=(const PortalProcess&) = delete;

    unsigned short port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    bool running();
    // Sends `signal_number` and waits for the exit; gives the exit status (-1 if killed by a signal).
    int stop(int signal_number);
    // What the portal wrote on stderr so far (its log).
    std::string log() const;

private:
    pid_t m_pid = -1;
    unsigned short m_port = 0;
    std::filesystem::path m_log;
    int m_status = -2;
};

} // namespace badgeuse::testing
