// KioskProcess: fork + execv with a pipe on stdin and stdout, stderr to a file.
#include "kiosk_process.hpp"

#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace badgeuse::sync_tests {

KioskProcess::KioskProcess(const std::vector<std::string>& args, const std::filesystem::path& log)
    : m_log(log) {
    int in[2];
    int out[2];
    // Close-on-exec: a portal the test starts later must not inherit the kiosk's stdin, or the kiosk
    // never sees it close.
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    m_pid = fork();
    if (m_pid < 0)
        throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err, 2);
        for (int fd : {in[0], in[1], out[0], out[1], err})
            close(fd);
        std::vector<std::string> copy = args;
        std::vector<char*> argv;
        for (auto& arg : copy)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    m_in = in[1];
    m_out = out[0];
    signal(SIGPIPE, SIG_IGN); // a kiosk that died must fail the test, not kill it
}

KioskProcess::~KioskProcess() {
    if (m_in >= 0)
        close(m_in);
    if (m_out >= 0)
        close(m_out);
    if (m_pid > 0) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
}

void KioskProcess::tap(const std::string& uid) {
    const std::string line = uid + "\n";
    if (write(m_in, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
        throw std::runtime_error("the kiosk does not read its stdin any more: " + log());
}

std::string KioskProcess::next_line(int timeout_ms) {
    for (;;) {
        if (const auto newline = m_pending.find('\n'); newline != std::string::npos) {
            std::string line = m_pending.substr(0, newline);
            m_pending.erase(0, newline + 1);
            return line;
        }
        pollfd fd{m_out, POLLIN, 0};
        if (poll(&fd, 1, timeout_ms) <= 0)
            return {};
        char buffer[4096];
        const auto n = read(m_out, buffer, sizeof buffer);
        if (n <= 0)
            return {};
        m_pending.append(buffer, static_cast<std::size_t>(n));
    }
}

int KioskProcess::finish() {
    close(m_in);
    m_in = -1;
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string KioskProcess::log() const {
    std::ifstream file(m_log);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

} // namespace badgeuse::sync_tests
