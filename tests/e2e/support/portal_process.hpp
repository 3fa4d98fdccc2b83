// A real `portal serve` child process for the end-to-end tests and the sync benchmarks: started on an
// ephemeral loopback port (read from --port-file), stopped or SIGKILLed, its CPU time read from /proc.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/types.h>

namespace badgeuse::testing {

enum class Transport { Tls, PlainInsecureDev };

struct PortalProcessOptions {
    std::filesystem::path executable; // the `portal` binary
    std::filesystem::path config;     // portal.toml ([server] certificate/private_key for TLS)
    Transport transport = Transport::Tls;
    std::string clock_start;   // --clock-start ISO8601, or empty for the real clock
    std::filesystem::path log; // stdout and stderr of the process go there
    std::chrono::seconds start_timeout{30};
};

class PortalProcess {
public:
    // Starts `portal serve ... --listen 127.0.0.1:0 --port-file F` and waits for the port. Throws
    // std::runtime_error with the log's end when it exits or stays silent past the timeout.
    explicit PortalProcess(PortalProcessOptions options);
    ~PortalProcess(); // SIGKILL if still running
    PortalProcess(const PortalProcess&) = delete;
    PortalProcess& operator=(const PortalProcess&) = delete;

    std::uint16_t port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    bool running() const { return m_pid > 0; }

    // SIGKILL, as a power cut or the OOM killer would: no chance to finish anything.
    void kill_hard();
    // SIGTERM and wait; gives the exit status.
    int stop();
    // The process's user + system CPU time so far (/proc/PID/stat).
    std::chrono::duration<double> cpu_time() const;
    // The last `bytes` of its log, for failure messages.
    std::string log_tail(std::size_t bytes = 2000) const;

private:
    int wait_for_exit();
    PortalProcessOptions m_options;
    pid_t m_pid = -1;
    std::uint16_t m_port = 0;
};

} // namespace badgeuse::testing
