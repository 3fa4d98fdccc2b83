// A screenless kiosk: `kiosk --headless` with a [reader] in kiosk.toml reads badges through that reader
// (here the simulator, tapped by badge-sim), writes each verdict as a JSON line, and stops cleanly on
// SIGTERM, as under systemd.
#include "badgeuse/demo/demo_school.hpp"
#include "run_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace badgeuse;
using namespace badgeuse::testing;
using namespace std::chrono_literals;

namespace {

// Reads from `fd` until a full line arrives or the time is up.
std::string read_line(int fd, std::string& buffer, std::chrono::seconds limit) {
    auto until = std::chrono::steady_clock::now() + limit;
    while (buffer.find('\n') == std::string::npos && std::chrono::steady_clock::now() < until) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0)
            continue;
        char chunk[4096];
        auto n = read(fd, chunk, sizeof chunk);
        if (n <= 0)
            break;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    auto end = buffer.find('\n');
    if (end == std::string::npos)
        return {};
    auto line = buffer.substr(0, end);
    buffer.erase(0, end + 1);
    return line;
}

} // namespace

TEST_CASE("kiosk --headless reads the configured reader, prints each verdict and stops on SIGTERM") {
    TempDir dir;
    auto socket = dir / "reader.sock";
    auto config = dir / "kiosk.toml";
    std::ofstream(config)
        << "[kiosk]\ndatabase = \"kiosk.sqlite\"\n[reader]\nkind = \"sim\"\nid = \"porte\"\n"
           "socket = \"reader.sock\"\n";
    int out[2];
    REQUIRE(pipe(out) == 0);
    pid_t kiosk = fork();
    REQUIRE(kiosk >= 0);
    if (kiosk == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        std::string config_text = config.string();
        const char* argv[] = {BADGEUSE_KIOSK_EXE, "--headless",        "--demo",
                              "--config",         config_text.c_str(), nullptr};
        execv(BADGEUSE_KIOSK_EXE, const_cast<char* const*>(argv));
        _exit(127);
    }
    close(out[1]);
    auto until = std::chrono::steady_clock::now() + 60s;
    while (!std::filesystem::exists(socket) && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(50ms);

    auto school = demo::generate_demo_school();
    std::string uid;
    for (const auto& badge : school.badges)
        if (badge.holder_kind == HolderKind::Child && badge.state == BadgeState::Active) {
            uid = badge.uid;
            break;
        }
    auto tapped = run_process(BADGEUSE_BADGE_SIM_EXE, {"tap", uid, "--socket", socket.string()});
    std::string buffer;
    auto line = read_line(out[0], buffer, 20s);

    kill(kiosk, SIGTERM);
    int status = 0;
    bool ended = false;
    for (int i = 0; i < 100 && !ended; ++i) {
        ended = waitpid(kiosk, &status, WNOHANG) == kiosk;
        if (!ended)
            std::this_thread::sleep_for(50ms);
    }
    if (!ended) {
        kill(kiosk, SIGKILL);
        waitpid(kiosk, &status, 0);
    }
    close(out[0]);

    CHECK(tapped.exit_code == 0);
    CHECK_THAT(line, Catch::Contains("\"uid\":\"" + uid + "\""));
    CHECK_THAT(line, Catch::Contains("\"verdict\":"));
    REQUIRE(ended);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
