// kiosk-bench: the kiosk's own figures under Xvfb, written to <out>/kiosk.json.
//   tap to verdict on screen: from the tap entering the app's queue to the SDL_RenderPresent of the frame
//     that shows its verdict (1920x1080, software renderer, no vsync), median and p99;
//   idle CPU on the badge screen (share of one core over the window of time);
//   RSS after start and its growth after N taps (each tap a durable check-in and a drawn verdict);
//   start to first frame of the kiosk executable on an existing database.
#include "badgeuse/app/kiosk_runtime.hpp"
#include "badgeuse/app/system_clock.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/ui/kiosk_loop.hpp"
#include "bench_report.hpp"
#include "bench_stats.hpp"
#include "temp_dir.hpp"
#include "xvfb.hpp"

#include <CLI/CLI.hpp>

#include <ctime>
#include <fstream>
#include <iostream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace badgeuse;
using namespace std::chrono_literals;

namespace {

double rss_mib() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

std::chrono::nanoseconds cpu_time() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return std::chrono::seconds{ts.tv_sec} + std::chrono::nanoseconds{ts.tv_nsec};
}

// Runs the kiosk executable until its first frame is presented; the wall time of the whole process.
std::chrono::nanoseconds time_start(const std::string& kiosk, const std::filesystem::path& db) {
    auto start = std::chrono::steady_clock::now();
    pid_t child = fork();
    if (child == 0) {
        execl(kiosk.c_str(), kiosk.c_str(), "--db", db.c_str(), "--windowed", "--software", "--size",
              "1920x1080", "--exit-after-frames", "1", static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(kiosk + " did not start cleanly (status " + std::to_string(status) + ")");
    return std::chrono::steady_clock::now() - start;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Badgeuse kiosk benchmarks (under a private Xvfb)", "kiosk-bench"};
    std::string out = "build/bench";
    std::string kiosk;
    bool quick = false;
    int taps = 1000;
    int memory_taps = 10000;
    int idle_seconds = 60;
    cli.add_option("--out", out, "Folder for kiosk.json");
    cli.add_option("--kiosk", kiosk, "The kiosk executable, for the start-up time");
    cli.add_flag("--quick", quick, "Small counts, to check that the benchmark runs (figures mean little)");
    cli.add_option("--taps", taps, "Taps timed from queue to screen");
    cli.add_option("--memory-taps", memory_taps, "Taps before the second RSS reading");
    cli.add_option("--idle-seconds", idle_seconds, "How long to watch the idle badge screen");
    CLI11_PARSE(cli, argc, argv);
    if (quick) {
        taps = 20;
        memory_taps = 30;
        idle_seconds = 2;
    }
    if (auto problem = testing::start_private_xvfb(); !problem.empty()) {
        std::cerr << "kiosk-bench: " << problem << '\n';
        return 1;
    }
    try {
        std::filesystem::create_directories(out);
        auto db = std::filesystem::absolute(std::filesystem::path(out) / "kiosk-bench.sqlite");
        ManualClock clock(
            paris::to_instant(Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{7}},
                              TimeOfDay::at(11, 31)));
        app::SystemUuidSource uuids;
        app::RuntimeOptions options;
        options.database = db;
        options.demo = app::DemoData::Rebuild;
        options.assets = BADGEUSE_SOURCE_DIR "/assets";
        auto built = app::make_runtime(options, clock, uuids);
        if (!built)
            throw std::runtime_error(built.error().message);
        auto& runtime = **built;
        ui::WindowOptions window_options;
        window_options.mode = ui::WindowMode::Windowed;
        window_options.width = 1920;
        window_options.height = 1080;
        window_options.renderer = ui::RendererKind::Software;
        window_options.vsync = ui::VSync::Off;
        auto window = ui::Window::create(window_options);
        if (!window)
            throw std::runtime_error(window.error().message);
        bench::Samples latency;
        ui::LoopHooks hooks;
        hooks.on_tap_shown = [&](std::chrono::nanoseconds age) { latency.add(age); };
        runtime.taps.set_wake([] { ui::KioskLoop::wake(); });
        ui::KioskLoop loop(**window, *runtime.app, runtime.taps, nullptr, ui::QuitKeys::Allowed, hooks);
        loop.draw_frame();
        double rss_start = rss_mib();
        const std::string atlas = std::to_string(ImGui::GetIO().Fonts->TexWidth) + "x" +
                                  std::to_string(ImGui::GetIO().Fonts->TexHeight);

        std::vector<std::string> uids;
        for (const auto& badge : runtime.school->badges)
            if (badge.holder_kind == HolderKind::Child && badge.state == BadgeState::Active)
                uids.push_back(badge.uid);

        // Tap to verdict: each tap from another thread (as a reader's), the loop asleep until it comes.
        auto tap_once = [&](std::size_t i) {
            // The reader pushes while the UI thread sleeps in SDL_WaitEventTimeout: its wake is timed too.
            std::thread reader([&] {
                std::this_thread::sleep_for(2ms);
                runtime.taps.push({uids[i % uids.size()], "bench", std::chrono::steady_clock::now()});
            });
            loop.step(1s);
            reader.join();
            clock.advance(3s); // the verdict ends: the next tap starts from the badge screen
            loop.step(0ms);
        };
        for (int i = 0; i < taps; ++i)
            tap_once(static_cast<std::size_t>(i));
        auto tap_summary = latency.summary();

        // Where the time goes: the durable check-in alone, and drawing one verdict frame alone.
        bench::Samples durable;
        bench::Samples frame;
        for (int i = 0; i < std::min(taps, 50); ++i) {
            const auto& uid = uids[(static_cast<std::size_t>(i) * 7 + 3) % uids.size()];
            durable.add(bench::time_it([&] {
                runtime.app->handle_tap({uid, "bench", std::chrono::steady_clock::now()});
            }));
            frame.add(bench::time_it([&] { loop.draw_frame(); }));
            clock.advance(3s);
            loop.step(0ms);
        }

        // Memory: RSS after more taps (durable check-ins, verdicts drawn), without waiting for each
        // verdict to end: a queue of verdicts is the heavier case for memory.
        for (int i = 0; i < memory_taps; ++i) {
            runtime.taps.push({uids[static_cast<std::size_t>(taps + i) % uids.size()], "bench",
                               std::chrono::steady_clock::now()});
            loop.step(0ms);
            clock.advance(1s);
        }
        clock.advance(1min);
        loop.step(0ms);
        double rss_after = rss_mib();

        // Idle: a second kiosk on the same database and the system clock, so that the clock's minute
        // ticks wake it as they do on a real kiosk; the loop sleeps in between.
        app::SystemClock system_clock;
        app::RuntimeOptions idle_options = options;
        idle_options.demo = app::DemoData::None;
        auto idle_built = app::make_runtime(idle_options, system_clock, uuids);
        if (!idle_built)
            throw std::runtime_error(idle_built.error().message);
        ui::KioskLoop idle_loop(**window, *(*idle_built)->app, (*idle_built)->taps, nullptr,
                                ui::QuitKeys::Allowed);
        idle_loop.draw_frame();
        auto cpu_before = cpu_time();
        auto wall_before = std::chrono::steady_clock::now();
        auto frames_before = idle_loop.frames();
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::seconds{idle_seconds});
            ui::KioskLoop::request_stop();
        });
        idle_loop.run();
        stopper.join();
        auto idle_wall = std::chrono::steady_clock::now() - wall_before;
        auto idle_cpu = cpu_time() - cpu_before;
        double idle_share = 100.0 * std::chrono::duration<double>(idle_cpu).count() /
                            std::chrono::duration<double>(idle_wall).count();

        bench::Report report("kiosk");
        report.add("machine", bench::machine_description());
        report.add("display", std::string("Xvfb 1920x1080, SDL software renderer, no vsync"));
        report.add_summary("tap_to_verdict_on_screen", tap_summary);
        report.add_summary("durable_check_in", durable.summary());
        report.add_summary("verdict_frame", frame.summary());
        report.add("idle_cpu_percent_of_one_core", idle_share, "%");
        report.add("idle_seconds", std::chrono::duration<double>(idle_wall).count(), "s");
        report.add("idle_frames", static_cast<double>(idle_loop.frames() - frames_before));
        report.add("rss_after_start", rss_start, "MiB");
        report.add("font_atlas", atlas);
        report.add("rss_growth_after_taps", rss_after - rss_start, "MiB");
        report.add("taps_before_second_rss", static_cast<double>(taps + memory_taps));
        if (!kiosk.empty()) {
            bench::Samples start;
            for (int i = 0; i < (quick ? 2 : 5); ++i)
                start.add(time_start(kiosk, db));
            report.add_summary("start_to_first_frame", start.summary());
        }
        report.print();
        std::cout << "written: " << report.write_json(out).string() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "kiosk-bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
