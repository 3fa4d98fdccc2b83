// The private PostgreSQL server of a test process. PostgreSQL refuses to run as root, so when the tests
// run as root (make test under sudo) its programs run through `runuser -u postgres --` in a folder
// chowned to that user; clients connect over the unix socket with trust authentication as "postgres".
#include "pg_server.hpp"

#include "run_process.hpp"

#include <arpa/inet.h>
#include <array>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <optional>
#include <pwd.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <vector>

namespace badgeuse::testing {
namespace {

namespace fs = std::filesystem;

// Debian's postgresql package installs the server under /usr/lib/postgresql/<major>/bin; the newest wins.
// BADGEUSE_PG_BIN names another folder (the tests check the message for missing binaries with it).
std::optional<fs::path> find_server_binaries() {
    std::error_code ec;
    if (const char* forced = std::getenv("BADGEUSE_PG_BIN"); forced != nullptr && *forced != '\0') {
        const fs::path bin(forced);
        if (fs::exists(bin / "initdb", ec) && fs::exists(bin / "pg_ctl", ec))
            return bin;
        return std::nullopt;
    }
    std::optional<fs::path> best;
    int best_major = -1;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const fs::path bin = entry.path() / "bin";
        if (!fs::exists(bin / "initdb", ec) || !fs::exists(bin / "pg_ctl", ec))
            continue;
        int major = -1;
        try {
            major = std::stoi(entry.path().filename().string());
        } catch (const std::exception&) {
            continue;
        }
        if (major > best_major) {
            best_major = major;
            best = bin;
        }
    }
    return best;
}

// A TCP port nobody listens on now. The server only listens on its own socket folder, where the port
// just names the socket file, but a free port keeps `psql -p` style tools unambiguous.
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw std::runtime_error("cannot create a socket to find a free port for PostgreSQL");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t size = sizeof address;
    int port = -1;
    // The socket API takes a sockaddr*: the cast is how its C interface is meant to be used.
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0)
        port = ntohs(address.sin_port);
    close(fd);
    if (port <= 0)
        throw std::runtime_error("cannot find a free port for PostgreSQL");
    return port;
}

// The server's files go to RAM (/dev/shm) when it has room, as they need not survive: copying a
// cluster and creating databases on a busy disk costs seconds per test case.
fs::path scratch_base() {
    struct statvfs info {};
    constexpr unsigned long long kEnough = 1ULL << 30;
    if (statvfs("/dev/shm", &info) == 0 &&
        static_cast<unsigned long long>(info.f_bavail) * info.f_frsize >= kEnough &&
        access("/dev/shm", W_OK) == 0)
        return "/dev/shm";
    return fs::temp_directory_path();
}

// A fresh folder under scratch_base(), removed with everything in it at the end.
class ScratchDir {
public:
    ScratchDir() {
        std::string pattern = (scratch_base() / "badgeuse-pg-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot create a folder for the tests' PostgreSQL server: " + pattern);
        m_path = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

class PgServer {
public:
    PgServer() {
        const auto bin = find_server_binaries();
        if (!bin)
            throw std::runtime_error("the PostgreSQL tests need the PostgreSQL server (initdb, pg_ctl under "
                                     "/usr/lib/postgresql/<version>/bin): install Debian's postgresql "
                                     "package (apt-get install postgresql, or make deps)");
        m_bin = *bin;
        m_data = m_dir.path() / "data";
        m_socket = m_dir.path() / "socket";
        fs::create_directory(m_socket);
        if (geteuid() == 0)
            hand_over_to_postgres_user();
        m_port = free_port();
        make_data_directory();
        // fsync and synchronous commit are off: the tests' data need not survive a power cut.
        const std::string options = "-c listen_addresses='' -c unix_socket_directories='" +
                                    m_socket.string() + "' -c port=" + std::to_string(m_port) +
                                    " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                                    " -c shared_buffers=16MB -c max_connections=30";
        expect_ok(
            server_command("pg_ctl", {"-D", m_data.string(), "-l", (m_dir.path() / "server.log").string(),
                                      "-o", options, "-w", "-t", "60", "start"}),
            "pg_ctl start");
        m_started = true;
        start_watchdog();
    }

    ~PgServer() {
        if (m_started)
            (void)server_command("pg_ctl", {"-D", m_data.string(), "-m", "immediate", "-w", "stop"});
    }

    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    std::string create_database() {
        const std::string name = "badgeuse_" + std::to_string(++m_databases);
        expect_ok(
            run_process((m_bin / "createdb").string(),
                        {"-h", m_socket.string(), "-p", std::to_string(m_port), "-U", "postgres", name}),
            "createdb " + name);
        return url(name);
    }

    std::string query(const std::string& url, const std::string& sql) const {
        const ProcessResult result =
            run_process((m_bin / "psql").string(),
                        {"-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql});
        expect_ok(result, "psql -c \"" + sql + "\"");
        std::string rows = result.out;
        while (!rows.empty() && rows.back() == '\n')
            rows.pop_back();
        return rows;
    }

    std::string url(const std::string& database) const {
        return "postgresql://postgres@/" + database + "?host=" + m_socket.string() +
               "&port=" + std::to_string(m_port);
    }

private:
    // initdb takes seconds on a busy machine and every test case is a process of its own: the first
    // one keeps a pristine cluster under the temporary folder, and the others copy it.
    void make_data_directory() {
        const fs::path pristine =
            scratch_base() / ("badgeuse-pg-pristine-v1-" + m_bin.parent_path().filename().string() + "-" +
                              std::to_string(geteuid()));
        std::optional<ScratchDir> fresh;
        fs::path source = pristine;
        if (!usable_pristine(pristine)) {
            fresh.emplace();
            if (!m_run_as.empty())
                give_to_run_as(fresh->path());
            const fs::path data = fresh->path() / "data";
            expect_ok(server_command("initdb", {"-D", data.string(), "-U", "postgres", "--auth=trust",
                                                "--no-sync", "-E", "UTF8", "--locale=C"}),
                      "initdb");
            std::error_code ec;
            fs::rename(data, pristine, ec); // another process may have won the race: either copy will do
            // A leftover we may not use (another user's, in a /dev/shm shared with a chroot) stays in the
            // way: then this cluster is copied from where initdb made it.
            if (!usable_pristine(pristine))
                source = data;
        }
        const ProcessResult copied = run_process("/bin/cp", {"-a", source.string(), m_data.string()});
        if (copied.exit_code != 0 || !fs::exists(m_data / "PG_VERSION"))
            throw std::runtime_error("the tests' PostgreSQL server: cannot copy " + source.string() + ": " +
                                     copied.err);
    }

    // A pristine cluster is used only if it is complete and its owner's alone (not planted by another user).
    bool usable_pristine(const fs::path& pristine) const {
        struct stat info {};
        if (stat(pristine.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || (info.st_mode & 077) != 0)
            return false;
        const uid_t owner = m_run_as.empty() ? geteuid() : m_run_as_uid;
        return info.st_uid == owner && fs::exists(pristine / "PG_VERSION") &&
               fs::exists(pristine / "global" / "pg_control");
    }

    void give_to_run_as(const fs::path& path) const {
        if (chown(path.c_str(), m_run_as_uid, m_run_as_gid) != 0)
            throw std::runtime_error("cannot give " + path.string() + " to the postgres user");
    }

    // A test process killed by a timeout or a crash skips the static destructor: a small child waits
    // for this process to go (its end of a pipe closes) and then stops the server and removes the
    // folder, so that no server outlives its test.
    void start_watchdog() const {
        std::string stop =
            "'" + (m_bin / "pg_ctl").string() + "' -D '" + m_data.string() + "' -m immediate -w stop";
        if (!m_run_as.empty())
            stop = "/usr/sbin/runuser -u " + m_run_as + " -- " + stop;
        const std::string script = "cd / && " + stop + "; rm -rf '" + m_dir.path().string() + "'";
        std::array<int, 2> pipe_fds{};
        if (pipe2(pipe_fds.data(), O_CLOEXEC) != 0)
            return;
        const pid_t pid = fork();
        if (pid == 0) {
            // Only async-signal-safe calls from here: the test process may have threads.
            close(pipe_fds[1]);
            const int null_fd = open("/dev/null", O_RDWR);
            for (int fd = 0; fd <= 2; ++fd)
                dup2(null_fd, fd);
            char byte = 0;
            while (read(pipe_fds[0], &byte, 1) > 0) {
            }
            execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        close(pipe_fds[0]);
        // The write end stays open, unwritten, for the life of this process (closed at exec by CLOEXEC).
    }

    void hand_over_to_postgres_user() {
        const passwd* user = getpwnam("postgres");
        if (user == nullptr)
            throw std::runtime_error("the PostgreSQL tests run as root and need the `postgres` system user, "
                                     "which Debian's postgresql package creates: install it");
        m_run_as = "postgres";
        m_run_as_uid = user->pw_uid;
        m_run_as_gid = user->pw_gid;
        for (const fs::path& path : {m_dir.path(), m_socket})
            give_to_run_as(path);
    }

    // Runs a server program, through runuser when this process is root.
    ProcessResult server_command(const std::string& program, const std::vector<std::string>& args) const {
        const std::string executable = (m_bin / program).string();
        if (m_run_as.empty())
            return run_process(executable, args);
        // From "/": the test's own folder may be one the postgres user cannot enter (a clone under
        // /root), and the server programs change back to their starting folder.
        std::vector<std::string> wrapped = {"-C", "/", "/usr/sbin/runuser", "-u", m_run_as, "--", executable};
        wrapped.insert(wrapped.end(), args.begin(), args.end());
        return run_process("/usr/bin/env", wrapped);
    }

    // The folder goes with this object, so the server's log is quoted in the error (its end).
    void expect_ok(const ProcessResult& result, const std::string& what) const {
        if (result.exit_code == 0)
            return;
        std::ifstream log(m_dir.path() / "server.log");
        std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
        constexpr std::size_t kTail = 2000;
        if (text.size() > kTail)
            text = text.substr(text.size() - kTail);
        throw std::runtime_error("the tests' PostgreSQL server: " + what + " failed (exit " +
                                 std::to_string(result.exit_code) + "): " + result.err + result.out +
                                 (text.empty() ? "" : " server log: " + text));
    }

    ScratchDir m_dir;
    fs::path m_bin;
    fs::path m_data;
    fs::path m_socket;
    std::string m_run_as;
    uid_t m_run_as_uid = 0;
    gid_t m_run_as_gid = 0;
    int m_port = 0;
    bool m_started = false;
    int m_databases = 0;
};

std::mutex g_mutex;

// Started on first use and stopped by the static destructor at exit. A failed start is remembered,
// so that every PostgreSQL test case of the process fails with the same message, quickly.
PgServer& server() {
    static std::unique_ptr<PgServer> instance;
    static std::string failure;
    if (!instance && failure.empty()) {
        try {
            instance = std::make_unique<PgServer>();
        } catch (const std::exception& e) {
            failure = e.what();
        }
    }
    if (!instance)
        throw std::runtime_error(failure);
    return *instance;
}

} // namespace

std::string create_pg_database() {
    std::lock_guard lock(g_mutex);
    return server().create_database();
}

std::string pg_query(const std::string& url, const std::string& sql) {
    std::lock_guard lock(g_mutex);
    return server().query(url, sql);
}

std::string missing_pg_database() {
    std::lock_guard lock(g_mutex);
    return server().url("no_such_database");
}

} // namespace badgeuse::testing
