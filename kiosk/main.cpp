// kiosk: the attendance terminal. Full screen by default; --windowed, --demo (the demo school with an
// on-screen panel of demo badges), --headless (no window: the configured reader's taps, or UIDs on stdin
// without one; one JSON verdict a line out).
#include "badgeuse/app/headless.hpp"
#include "badgeuse/app/kiosk_demo.hpp"
#include "badgeuse/app/kiosk_enroll.hpp"
#include "badgeuse/app/kiosk_runtime.hpp"
#include "badgeuse/app/sync_wiring.hpp"
#include "badgeuse/app/system_clock.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/drivers/reader_config.hpp"
#include "badgeuse/ui/kiosk_loop.hpp"
#include "configured_reader.hpp"
#include "demo_portal.hpp"
#include "kiosk_config.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>

using namespace badgeuse;

namespace {

// SIGINT and SIGTERM, blocked in every thread and taken by sigwait() in the headless loop.
sigset_t& stop_signals() {
    static sigset_t set = [] {
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, SIGINT);
        sigaddset(&s, SIGTERM);
        return s;
    }();
    return set;
}

int run_headless(app::KioskRuntime& runtime) {
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty() || line.front() == '#')
            continue;
        app::apply_pulled_changes(runtime); // the activities and calendar as the last pull left them
        auto outcome = runtime.check_in->tap(line);
        std::cout << (outcome ? app::verdict_json(*outcome) : app::error_json(line, outcome.error().message))
                  << std::endl;
    }
    return 0;
}

// With a reader: its taps, until SIGINT or SIGTERM (a screenless reader runs as a service).
int run_headless_reader(app::KioskRuntime& runtime) {
    std::mutex mutex;
    std::condition_variable woken;
    bool stop = false;
    runtime.taps.set_wake([&] {
        std::lock_guard lock(mutex);
        woken.notify_one();
    });
    std::thread signals([&] {
        int received = 0;
        sigwait(&stop_signals(), &received);
        std::lock_guard lock(mutex);
        stop = true;
        woken.notify_one();
    });
    std::unique_lock lock(mutex);
    while (!stop) {
        woken.wait_for(lock, std::chrono::seconds(1), [&] { return stop || runtime.taps.size() > 0; });
        lock.unlock();
        for (auto& tap : runtime.taps.drain()) {
            app::apply_pulled_changes(runtime);
            auto outcome = runtime.check_in->tap(tap.uid);
            std::cout << (outcome ? app::verdict_json(*outcome)
                                  : app::error_json(tap.uid, outcome.error().message))
                      << std::endl;
        }
        lock.lock();
    }
    lock.unlock();
    signals.join();
    return 0;
}

struct EnrollArgs {
    std::string code;
    std::string server;
    std::string ca;
    bool force = false;
};

// `kiosk --enroll CODE --server URL [--ca FILE] [--config kiosk.toml]`: the token goes to [sync]
// token_file (or ./token), the site to the kiosk's database. --server and --ca default to [sync]'s.
int run_enroll(const EnrollArgs& args, const kiosk::KioskConfig& config) {
    app::EnrollCommand command;
    command.code = args.code;
    command.server = !args.server.empty() ? args.server : config.sync ? config.sync->server : "";
    if (command.server.empty()) {
        std::cerr << "kiosk: --enroll needs --server URL (or [sync] server in kiosk.toml)\n";
        return 2;
    }
    command.ca = !args.ca.empty() ? std::filesystem::path(args.ca) : config.sync ? config.sync->ca : "";
    command.token_file = config.sync ? config.sync->token_file : std::filesystem::path("token");
    command.database = config.database;
    char host[256] = {};
    command.kiosk_name = gethostname(host, sizeof host - 1) == 0 && host[0] ? host : "kiosk";
    command.overwrite = args.force ? app::TokenOverwrite::Force : app::TokenOverwrite::Refuse;
    auto enrolled = app::enroll_kiosk(command);
    if (!enrolled) {
        std::cerr << "kiosk: " << enrolled.error().message << '\n';
        return 1;
    }
    std::cout << "enrolled at site \"" << enrolled->site_name << "\" (" << enrolled->site.value
              << "); token written to " << command.token_file.string() << " (mode 0600)\n";
    return 0;
}

// [sync] configured: start the client (its health on screen, or in the log when headless).
bool start_configured_sync(app::KioskRuntime& runtime, const kiosk::KioskConfig& config, const Clock& clock,
                           bool headless) {
    if (!config.sync)
        return true;
    auto log = [](sync::LogLevel level, std::string_view line) {
        const auto spd = level == sync::LogLevel::Error     ? spdlog::level::err
                         : level == sync::LogLevel::Warning ? spdlog::level::warn
                                                            : spdlog::level::info;
        spdlog::log(spd, "sync: {}", line);
    };
    auto started =
        app::start_sync(runtime, *config.sync, clock,
                        headless ? app::HealthDelivery::LogOnly : app::HealthDelivery::Mailbox, log);
    if (!started)
        std::cerr << "kiosk: sync: " << started.error().message << '\n';
    return started.ok();
}

// --demo --with-portal: a local portal on the demo school, and this kiosk enrolled with it. Fails soft:
// without it the demo still runs, alone, and says why.
std::unique_ptr<kiosk::DemoPortal> start_demo_portal(kiosk::KioskConfig& config, const Clock& clock,
                                                     const demo::DemoSchool& school) {
    kiosk::DemoPortalOptions options;
    options.portal_exe = BADGEUSE_PORTAL_EXE;
    options.dir = std::filesystem::absolute(config.database).parent_path() / "portal";
    options.calendar_csv = BADGEUSE_CALENDAR_CSV;
    options.clock_start = clock.now();
    options.site_name = school.site.name;
    auto portal = kiosk::DemoPortal::start(options);
    if (!portal) {
        spdlog::warn("demo: no portal: {}", portal.error().message);
        return nullptr;
    }
    app::SyncConfig sync;
    sync.server = (*portal)->url();
    sync.token_file = options.dir / "kiosk-token";
    sync.pull_every = std::chrono::seconds{10};
    app::EnrollCommand command;
    command.code = (*portal)->enrollment_code();
    command.server = sync.server;
    command.token_file = sync.token_file;
    command.database = config.database;
    command.kiosk_name = "borne de démo";
    command.overwrite = app::TokenOverwrite::Force;
    if (auto enrolled = app::enroll_kiosk(command); !enrolled) {
        spdlog::warn("demo: enrollment with the demo portal failed: {}", enrolled.error().message);
        return nullptr;
    }
    spdlog::info("demo: portal on {} (database {}); try: portal status --config {}", sync.server,
                 (options.dir / "portal.sqlite").string(), (*portal)->config().string());
    config.sync = sync;
    return std::move(*portal);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Badgeuse kiosk: the attendance terminal of the school canteens and care", "kiosk"};
    std::string config_path;
    std::string db_path;
    std::string language_text;
    std::string size_text;
    bool windowed = false;
    bool demo = false;
    bool headless = false;
    bool software = false;
    int exit_after_frames = 0;
    cli.add_option("--config", config_path, "kiosk.toml")->check(CLI::ExistingFile);
    cli.add_option("--db", db_path, "The kiosk database (overrides kiosk.database)");
    cli.add_flag("--windowed", windowed, "A window instead of full screen");
    cli.add_flag("--demo", demo, "The built-in demo school, with an on-screen panel of demo badges");
    bool with_portal = false;
    cli.add_flag("--with-portal", with_portal,
                 "With --demo: also run a local portal on the demo school and sync with it (make demo)");
    cli.add_flag(
        "--headless", headless,
        "No window: the reader's taps (UIDs on stdin without [reader]), one JSON verdict a line on stdout");
    cli.add_option("--language", language_text, "fr or en");
    cli.add_option("--size", size_text, "Window size, WIDTHxHEIGHT (with --windowed)");
    cli.add_flag("--software", software, "Draw without the GPU (Xvfb, virtual machines)");
    cli.add_option("--exit-after-frames", exit_after_frames, "Quit after this many frames (start-up timing)");
    std::string clock_start;
    cli.add_option(
        "--clock-start", clock_start,
        "Tests only: the kiosk's clock starts at this instant (2026-12-10T11:40:00+01:00) and runs on");
    EnrollArgs enroll;
    cli.add_option("--enroll", enroll.code,
                   "Enroll this kiosk with the one-time code `portal enroll` printed");
    cli.add_option("--server", enroll.server, "With --enroll: the portal's URL, https://HOST:PORT");
    cli.add_option("--ca", enroll.ca, "With --enroll: the portal's CA certificate (PEM)");
    cli.add_flag("--force", enroll.force, "With --enroll: replace the token of an enrolled kiosk");
    CLI11_PARSE(cli, argc, argv);
    spdlog::set_default_logger(spdlog::stderr_color_mt("kiosk"));

    kiosk::KioskConfig config;
    config.assets = BADGEUSE_ASSETS_DIR;
    try {
        if (!config_path.empty())
            config = kiosk::read_kiosk_config(config_path, config);
    } catch (const kiosk::ConfigError& e) {
        std::cerr << "kiosk: " << e.what() << '\n';
        return 2;
    }
    if (!language_text.empty()) {
        auto language = app::parse_language_key(language_text);
        if (!language) {
            std::cerr << "kiosk: --language: " << language.error().message << '\n';
            return 2;
        }
        config.language = *language;
    }
    if (!size_text.empty()) {
        auto x = size_text.find('x');
        try {
            config.width = std::stoi(size_text.substr(0, x));
            config.height = std::stoi(size_text.substr(x + 1));
        } catch (const std::exception&) {
            std::cerr << "kiosk: --size: expected WIDTHxHEIGHT, such as 800x480, got \"" << size_text
                      << "\"\n";
            return 2;
        }
    }
    // The demo is for a developer's desk: a window unless the configuration asks for full screen.
    if (windowed || (demo && config_path.empty()))
        config.fullscreen = false;
    if (!db_path.empty())
        config.database = db_path;
    else if (demo)
        config.database = "build/demo/kiosk.sqlite";
    if (!enroll.code.empty())
        return run_enroll(enroll, config);

    // The window comes first: without a display, say so before spending time on the data.
    std::unique_ptr<ui::Window> window;
    if (!headless) {
        ui::WindowOptions options;
        options.mode = config.fullscreen ? ui::WindowMode::Fullscreen : ui::WindowMode::Windowed;
        options.width = config.width;
        options.height = config.height;
        options.renderer = software ? ui::RendererKind::Software : ui::RendererKind::Accelerated;
        options.font_dir = config.fonts;
        auto created = ui::Window::create(options);
        if (!created) {
            std::cerr << "kiosk: " << created.error().message << '\n';
            return 1;
        }
        window = std::move(*created);
        if (config.fullscreen)
            SDL_ShowCursor(SDL_DISABLE); // a touchscreen kiosk shows no pointer
    }

    app::SystemClock system_clock;
    std::unique_ptr<app::ShiftedClock> demo_clock;
    app::RuntimeOptions options;
    options.database = config.database;
    options.assets = config.assets;
    options.language = config.language;
    options.dim_after = config.dim_after;
    options.sessions = {config.max_pin_failures, config.lockout, config.idle_sign_out};
    if (demo) {
        options.demo = app::DemoData::Rebuild;
        // The demo plays a canteen service whatever the hour: its clock is moved to 11:45 on a school day.
        auto school = demo::generate_demo_school(options.demo_options);
        auto start = app::demo_start_time(school, system_clock.now());
        demo_clock = std::make_unique<app::ShiftedClock>(system_clock, start - system_clock.now());
    }
    if (!clock_start.empty()) {
        auto start = paris::parse_iso8601(clock_start);
        if (!start) {
            std::cerr << "kiosk: --clock-start: " << start.error().message << '\n';
            return 2;
        }
        demo_clock = std::make_unique<app::ShiftedClock>(system_clock, *start - system_clock.now());
    }
    const Clock& clock = demo_clock ? static_cast<const Clock&>(*demo_clock) : system_clock;
    options.sync = config.sync;
    app::SystemUuidSource uuids;
    auto built = app::make_runtime(options, clock, uuids);
    if (!built) {
        std::cerr << "kiosk: " << built.error().message << '\n';
        return 1;
    }
    auto& runtime = **built;
    std::unique_ptr<kiosk::DemoPortal> demo_portal;
    if (demo && with_portal && !config.sync) {
        demo_portal = start_demo_portal(config, clock, *runtime.school);
        // The runtime was built before the demo's portal existed: give the staff's button its client.
        if (demo_portal)
            runtime.app->set_sync_now([live = &runtime] {
                if (live->sync)
                    live->sync->sync_now();
            });
    }
    // A headless kiosk with a reader stops on SIGINT/SIGTERM through sigwait(): block them before any
    // thread (sync, reader) exists, so that every thread inherits the mask.
    if (headless && config.reader)
        pthread_sigmask(SIG_BLOCK, &stop_signals(), nullptr);
    if (!start_configured_sync(runtime, config, clock, headless))
        return 1;
    // The reader of kiosk.toml's [reader]; the demo, unless configured otherwise, runs the simulated
    // reader (drivers/sim) beside its on-screen panel, so that `badge-sim tap UID --socket <path>` taps
    // the running demo through the same driver path a real reader takes.
    auto reader_config = config.reader;
    // --headless without [reader] reads UIDs on stdin (the tests' and scripts' way in).
    if (!reader_config && demo && !headless) {
        reader_config.emplace();
        reader_config->kind = drivers::ReaderKind::Sim;
        reader_config->id = "badge-sim";
        reader_config->socket = std::filesystem::absolute(config.database).parent_path() / "badge-sim.sock";
    }
    std::unique_ptr<kiosk::ConfiguredReader> reader;
    if (reader_config) {
        reader =
            std::make_unique<kiosk::ConfiguredReader>(*reader_config, runtime.taps, runtime.app->mailbox());
        if (auto started = reader->start(); !started) {
            std::cerr << "kiosk: reader: " << started.error().message << '\n';
            return 1;
        }
        if (reader_config->kind == drivers::ReaderKind::Sim)
            spdlog::info("simulated reader on {} (badge-sim tap UID --socket {})",
                         reader_config->socket.string(), reader_config->socket.string());
    } else {
        runtime.app->set_reader_health(
            {app::ReaderLink::None, "", "Aucun lecteur configuré : ajoutez [reader] dans kiosk.toml", "", 0});
    }
    if (headless)
        return reader ? run_headless_reader(runtime) : run_headless(runtime);

    runtime.taps.set_wake([] { ui::KioskLoop::wake(); });
    ui::Sounds sounds;
    ui::LoopHooks hooks;
    ui::KioskLoop* loop_ptr = nullptr;
    if (exit_after_frames > 0)
        hooks.on_frame = [&] {
            if (loop_ptr && static_cast<int>(loop_ptr->frames()) >= exit_after_frames)
                ui::KioskLoop::request_stop();
        };
    ui::KioskLoop loop(*window, *runtime.app, runtime.taps, &sounds,
                       config.fullscreen ? ui::QuitKeys::Ignored : ui::QuitKeys::Allowed, hooks);
    loop_ptr = &loop;
    if (demo)
        spdlog::info("demo: {} children; tap the badges on the right, or press 1-9; Escape quits",
                     runtime.school->children.size());
    loop.run();
    if (reader)
        reader->stop();
    return 0;
}
