// DemoPortal: `portal init --demo`, `portal enroll`, then `portal serve` on port 0 with --port-file,
// each as a real child process, so that the demo exercises the same commands an admin types.
#include "demo_portal.hpp"

#include "badgeuse/core/paris_time.hpp"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace badgeuse::kiosk {
namespace {

using namespace std::chrono_literals;

// fork + exec of `exe args...`; with `out_fd`, its stdout comes back through a pipe. Everything is
// allocated before fork(): the kiosk has threads, and the child may only exec.
pid_t spawn(const std::filesystem::path& exe, const std::vector<std::string>& args, int* out_fd) {
    std::string exe_text = exe.string();
    std::vector<std::string> copies = args;
    std::vector<char*> argv;
    argv.push_back(exe_text.data());
    for (auto& a : copies)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    int pipe_fds[2] = {-1, -1};
    if (out_fd && pipe2(pipe_fds, O_CLOEXEC) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        // The demo's portal never outlives its kiosk, even one killed with SIGKILL.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        // The portal's stdout carries nothing the demo needs but the enrollment code; its log is on stderr.
        int target = out_fd ? pipe_fds[1] : open("/dev/null", O_WRONLY);
        dup2(target, STDOUT_FILENO);
        execv(exe_text.c_str(), argv.data());
        _exit(127);
    }
    if (out_fd) {
        close(pipe_fds[1]);
        if (pid < 0)
            close(pipe_fds[0]);
        else
            *out_fd = pipe_fds[0];
    }
    return pid;
}

struct Ran {
    int status = -1;
    std::string out;
};

Ran run(const std::filesystem::path& exe, const std::vector<std::string>& args) {
    int fd = -1;
    pid_t pid = spawn(exe, args, &fd);
    Ran ran;
    if (pid < 0)
        return ran;
    char chunk[1024];
    ssize_t n = 0;
    while ((n = read(fd, chunk, sizeof chunk)) > 0)
        ran.out.append(chunk, static_cast<std::size_t>(n));
    close(fd);
    int status = 0;
    waitpid(pid, &status, 0);
    ran.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return ran;
}

std::string quoted(const std::filesystem::path& path) {
    std::string text = path.string();
    std::string escaped;
    for (char c : text) {
        if (c == '\\' || c == '"')
            escaped += '\\';
        escaped += c;
    }
    return "\"" + escaped + "\"";
}

} // namespace

Result<std::unique_ptr<DemoPortal>> DemoPortal::start(const DemoPortalOptions& options) {
    if (access(options.portal_exe.c_str(), X_OK) != 0)
        return make_error("no portal executable at " + options.portal_exe.string() +
                          ": build it (make demo)");
    std::error_code ec;
    std::filesystem::remove_all(options.dir, ec);
    std::filesystem::create_directories(options.dir, ec);
    if (ec)
        return make_error("cannot create " + options.dir.string() + ": " + ec.message());

    std::unique_ptr<DemoPortal> portal(new DemoPortal());
    portal->m_config = options.dir / "portal.toml";
    {
        std::ofstream config(portal->m_config);
        config << "# Written by kiosk --demo at each start.\n"
               << "[calendar]\nfiles = [" << quoted(options.calendar_csv) << "]\n"
               << "[database]\nurl = \"sqlite://portal.sqlite\"\n";
        if (!config)
            return make_error("cannot write " + portal->m_config.string());
    }
    const std::string config_arg = portal->m_config.string();
    auto init = run(options.portal_exe, {"init", "--demo", "--config", config_arg});
    if (init.status != 0)
        return make_error("portal init --demo failed (exit " + std::to_string(init.status) + ")");
    auto enroll = run(options.portal_exe, {"enroll", "--site", options.site_name, "--name", "borne de démo",
                                           "--config", config_arg});
    std::istringstream first_line(enroll.out);
    std::getline(first_line, portal->m_code);
    if (enroll.status != 0 || portal->m_code.empty())
        return make_error("portal enroll failed (exit " + std::to_string(enroll.status) + ")");

    auto port_file = options.dir / "port";
    portal->m_pid =
        spawn(options.portal_exe,
              {"serve", "--config", config_arg, "--insecure-dev", "--listen", "127.0.0.1:0", "--port-file",
               port_file.string(), "--clock-start", paris::format_iso8601(options.clock_start)},
              nullptr);
    if (portal->m_pid < 0)
        return make_error("cannot start portal serve");
    auto until = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < until) {
        std::ifstream in(port_file);
        int port = 0;
        if (in >> port && port > 0) {
            portal->m_url = "http://127.0.0.1:" + std::to_string(port);
            return portal;
        }
        int status = 0;
        if (waitpid(portal->m_pid, &status, WNOHANG) == portal->m_pid) {
            portal->m_pid = -1;
            return make_error("portal serve ended at start (see its message above)");
        }
        std::this_thread::sleep_for(50ms);
    }
    return make_error("portal serve did not listen within 30 s");
}

DemoPortal::~DemoPortal() {
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        if (waitpid(m_pid, nullptr, WNOHANG) == m_pid)
            return;
        std::this_thread::sleep_for(50ms);
    }
    kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
}

} // namespace badgeuse::kiosk
