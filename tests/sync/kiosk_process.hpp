// A real `kiosk --headless` for the sync tests: UIDs written to its stdin one at a time, its JSON
// verdicts read from stdout, its log (stderr) kept in a file; stopped by closing stdin, as a script would.
#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace badgeuse::sync_tests {

class KioskProcess {
public:
    KioskProcess(const std::vector<std::string>& args, const std::filesystem::path& log);
    ~KioskProcess(); // SIGKILL if still running
    KioskProcess(const KioskProcess&) = delete;
    KioskProcess& operator=(const KioskProcess&) = delete;

    void tap(const std::string& uid);
    // The next line of stdout, waiting up to `timeout_ms`; empty if none came.
    std::string next_line(int timeout_ms = 5000);
    // Closes stdin and waits for the exit; gives the exit status (-1 when killed by a signal).
    int finish();
    std::string log() const;

private:
    pid_t m_pid = -1;
    int m_in = -1;
    int m_out = -1;
    std::string m_pending;
    std::filesystem::path m_log;
};

} // namespace badgeuse::sync_tests
