// Starting and stopping `portal serve` the way systemd would: a child process, SIGTERM to stop.
#include "portal_process.hpp"

#include "badgeuse/core/activity.hpp"
#include "badgeuse/core/people.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/portal/secrets.hpp"
#include "run_process.hpp"

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace badgeuse::testing {
namespace {

std::unique_ptr<portal::PortalStore> open_store(const std::filesystem::path& database) {
    auto store = portal::open_sqlite_portal_store(database, portal::OpenMode::MustExist);
    if (!store)
        throw std::runtime_error(store.error().message);
    return std::move(*store);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

} // namespace

PortalHome::PortalHome(const std::string& extra_toml)
    : pki(make_test_pki(dir / "pki")) {
    config = dir / "portal.toml";
    database = dir / "portal.sqlite";
    {
        std::ofstream file(config);
        file << "[database]\nurl = \"sqlite://portal.sqlite\"\n\n"
             << "[server]\ncertificate = \"pki/server.pem\"\nprivate_key = \"pki/server-key.pem\"\n"
             << extra_toml << "\n";
    }
    const auto init = run_process(BADGEUSE_PORTAL_EXE, {"init", "--config", config.string()});
    if (init.exit_code != 0)
        throw std::runtime_error("portal init failed: " + init.err);

    auto store = open_store(database);
    site = *store->add_site(Site{SiteId{}, "École Jules Ferry", "Laigneville"});
    other_site = *store->add_site(Site{SiteId{}, "École Curie", "Laigneville"});
    Child lea;
    lea.family = FamilyId{1};
    lea.first_name = "Léa";
    auto written =
        store->commit(site, {{protocol::ChangeKind::Upsert, Family{FamilyId{}, site, "JF-1", "Martin"}},
                             {protocol::ChangeKind::Upsert, lea},
                             {protocol::ChangeKind::Upsert, canteen(ActivityId{})}});
    if (!written)
        throw std::runtime_error(written.error().message);
    Child hugo;
    hugo.family = FamilyId{2};
    hugo.first_name = "Hugo";
    written = store->commit(other_site,
                            {{protocol::ChangeKind::Upsert, Family{FamilyId{}, other_site, "CU-1", "Curie"}},
                             {protocol::ChangeKind::Upsert, hugo},
                             {protocol::ChangeKind::Upsert, canteen(ActivityId{})}});
    if (!written)
        throw std::runtime_error(written.error().message);
}

std::string PortalHome::enrollment_code(SiteId for_site, const std::string& kiosk_name) const {
    auto store = open_store(database);
    const std::string code = *portal::make_enrollment_code();
    // Valid for a year: the tests move the portal's clock with --clock-start.
    const Instant expires = Instant{std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())} +
                            std::chrono::hours(24 * 365);
    auto added = store->add_enrollment_code(for_site, kiosk_name,
                                            portal::hash_secret(portal::normalise_code(code)), expires);
    if (!added)
        throw std::runtime_error(added.error().message);
    return code;
}

std::int64_t PortalHome::event_count() const {
    return *open_store(database)->event_count();
}

PortalProcess::PortalProcess(const PortalHome& home, std::vector<std::string> extra) {
    static int started = 0;
    const auto port_file = home.dir / ("port-" + std::to_string(++started));
    m_log = port_file.string() + ".log";
    std::vector<std::string> args = {BADGEUSE_PORTAL_EXE, "serve",       "--config",    home.config.string(),
                                     "--listen",          "127.0.0.1:0", "--port-file", port_file.string()};
    for (auto& arg : extra)
        args.push_back(std::move(arg));
    m_pid = fork();
    if (m_pid < 0)
        throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        const int log = open(m_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(log, 2);
        std::vector<char*> argv;
        for (auto& arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        if (std::filesystem::exists(port_file)) {
            m_port = static_cast<unsigned short>(std::stoi(read_file(port_file)));
            return;
        }
        if (!running())
            throw std::runtime_error("portal serve exited with " + std::to_string(m_status) + ": " + log());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop(SIGKILL);
    throw std::runtime_error("portal serve wrote no port within 20 s: " + log());
}

PortalProcess::~PortalProcess() {
    if (running())
        stop(SIGKILL);
}

bool PortalProcess::running() {
    if (m_status != -2)
        return false;
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return false;
    }
    return true;
}

int PortalProcess::stop(int signal_number) {
    if (m_status != -2)
        return m_status;
    kill(m_pid, signal_number);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return m_status;
}

std::string PortalProcess::log() const {
    return read_file(m_log);
}

} // namespace badgeuse::testing
