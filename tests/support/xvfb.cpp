// Xvfb with -displayfd: the server picks a free display number and writes it to our pipe once it
// accepts connections, so there is no race with other tests' servers and no sleep.
#include "xvfb.hpp"

#include <csignal>
#include <cstdlib>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace badgeuse::testing {
namespace {

pid_t g_server = 0;

void stop_server() {
    if (g_server > 0) {
        kill(g_server, SIGTERM);
        waitpid(g_server, nullptr, 0);
        g_server = 0;
    }
}

} // namespace

std::string start_private_xvfb() {
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    if (g_server > 0)
        return {};
    int fds[2];
    if (pipe(fds) != 0)
        return "pipe() failed";
    pid_t child = fork();
    if (child < 0)
        return "fork() failed";
    if (child == 0) {
        // The server goes with the test: a test that crashes leaves no Xvfb behind.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        close(fds[0]);
        std::string fd = std::to_string(fds[1]);
        execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1920x1080x24", "-nolisten", "tcp",
               "-noreset", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    std::string number;
    char c = 0;
    while (read(fds[0], &c, 1) == 1 && c != '\n')
        number += c;
    close(fds[0]);
    if (number.empty()) {
        waitpid(child, nullptr, 0);
        return "Xvfb did not start (is the xvfb package installed?)";
    }
    g_server = child;
    std::atexit(stop_server);
    setenv("DISPLAY", (":" + number).c_str(), 1);
    return {};
}

} // namespace badgeuse::testing
