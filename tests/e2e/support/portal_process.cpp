// PortalProcess (see portal_process.hpp): fork + execv, output to a log file, port from --port-file.
#include "portal_process.hpp"

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace badgeuse::testing {

PortalProcess::PortalProcess(PortalProcessOptions options)
    : m_options(std::move(options)) {
    if (m_options.log.empty())
        m_options.log = m_options.config.parent_path() / "portal-serve.log";
    const std::filesystem::path port_file =
        m_options.log.parent_path() / (m_options.log.stem().string() + ".port");
    std::filesystem::remove(port_file);

    std::vector<std::string> args{m_options.executable.string(),
                                  "serve",
                                  "--config",
                                  m_options.config.string(),
                                  "--listen",
                                  "127.0.0.1:0",
                                  "--port-file",
                                  port_file.string()};
    if (m_options.transport == Transport::PlainInsecureDev)
        args.emplace_back("--insecure-dev");
    if (!m_options.clock_start.empty()) {
        args.emplace_back("--clock-start");
        args.push_back(m_options.clock_start);
    }
    const int log_fd = ::open(m_options.log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log_fd < 0)
        throw std::runtime_error("cannot write " + m_options.log.string());
    m_pid = fork();
    if (m_pid < 0)
        throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        dup2(log_fd, 1);
        dup2(log_fd, 2);
        const int null_fd = ::open("/dev/null", O_RDONLY);
        dup2(null_fd, 0);
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    ::close(log_fd);

    const auto deadline = std::chrono::steady_clock::now() + m_options.start_timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            throw std::runtime_error("portal serve exited during start-up:\n" + log_tail());
        }
        std::ifstream in(port_file);
        int port = 0;
        if (in >> port && port > 0 && port < 65536) {
            m_port = static_cast<std::uint16_t>(port);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill_hard();
    throw std::runtime_error("portal serve wrote no port file within the start timeout:\n" + log_tail());
}

PortalProcess::~PortalProcess() {
    if (m_pid > 0)
        kill_hard();
}

int PortalProcess::wait_for_exit() {
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_pid = -1;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

void PortalProcess::kill_hard() {
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGKILL);
    wait_for_exit();
}

int PortalProcess::stop() {
    if (m_pid <= 0)
        return -1;
    ::kill(m_pid, SIGTERM);
    return wait_for_exit();
}

std::chrono::duration<double> PortalProcess::cpu_time() const {
    std::ifstream in("/proc/" + std::to_string(m_pid) + "/stat");
    std::string line;
    std::getline(in, line);
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const std::size_t close = line.rfind(')');
    if (close == std::string::npos)
        return std::chrono::duration<double>(0);
    std::istringstream fields(line.substr(close + 2));
    std::string field;
    double utime = 0;
    double stime = 0;
    for (int index = 3; fields >> field; ++index) {
        if (index == 14)
            utime = std::stod(field);
        if (index == 15) {
            stime = std::stod(field);
            break;
        }
    }
    return std::chrono::duration<double>((utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK)));
}

std::string PortalProcess::log_tail(std::size_t bytes) const {
    std::ifstream in(m_options.log, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.size() > bytes ? text.substr(text.size() - bytes) : text;
}

} // namespace badgeuse::testing
