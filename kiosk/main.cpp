// kiosk: the attendance terminal. Full screen by default; --windowed, --demo (the demo school with an
// on-screen panel of demo badges), --headless (no window: UIDs on stdin, one JSON verdict a line out).
#include "badgeuse/app/headless.hpp"
#include "badgeuse/app/kiosk_demo.hpp"
#include "badgeuse/app/kiosk_runtime.hpp"
#include "badgeuse/app/system_clock.hpp"
#include "badgeuse/drivers/reader_config.hpp"
#include "badgeuse/drivers/tap_rate_limiter.hpp"
#include "badgeuse/ui/kiosk_loop.hpp"
#include "kiosk_config.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

using namespace badgeuse;

namespace {

int run_headless(app::KioskRuntime& runtime) {
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty() || line.front() == '#')
            continue;
        auto outcome = runtime.check_in->tap(line);
        std::cout << (outcome ? app::verdict_json(*outcome) : app::error_json(line, outcome.error().message))
                  << std::endl;
    }
    return 0;
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
    cli.add_flag("--headless", headless, "No window: UIDs on stdin, one JSON verdict a line on stdout");
    cli.add_option("--language", language_text, "fr or en");
    cli.add_option("--size", size_text, "Window size, WIDTHxHEIGHT (with --windowed)");
    cli.add_flag("--software", software, "Draw without the GPU (Xvfb, virtual machines)");
    cli.add_option("--exit-after-frames", exit_after_frames, "Quit after this many frames (start-up timing)");
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
    const Clock& clock = demo_clock ? static_cast<const Clock&>(*demo_clock) : system_clock;
    app::SystemUuidSource uuids;
    auto built = app::make_runtime(options, clock, uuids);
    if (!built) {
        std::cerr << "kiosk: " << built.error().message << '\n';
        return 1;
    }
    auto& runtime = **built;
    if (headless)
        return run_headless(runtime);

    // The demo runs the simulated reader (drivers/sim) beside its on-screen panel, so that
    // `badge-sim tap UID --socket <path>` taps the running demo through the same driver path a real
    // reader takes. kiosk.toml's [reader] (nfc, hid) is not read yet: outside the demo no reader runs.
    std::unique_ptr<drivers::BadgeReader> reader;
    drivers::TapRateLimiter limiter;
    if (demo) {
        drivers::ReaderConfig reader_config;
        reader_config.kind = drivers::ReaderKind::Sim;
        reader_config.id = "badge-sim";
        reader_config.socket = std::filesystem::absolute(config.database).parent_path() / "badge-sim.sock";
        auto made = drivers::make_reader(reader_config);
        if (made) {
            reader = std::move(*made);
            drivers::ReaderCallbacks callbacks;
            callbacks.on_tap = drivers::limit_taps(limiter, [&runtime](drivers::BadgeTap tap) {
                runtime.taps.push(app::BadgeTap{std::move(tap.uid), std::move(tap.reader), tap.at});
            });
            callbacks.on_log = [](drivers::LogLevel, std::string_view line) {
                spdlog::info("reader: {}", line);
            };
            if (auto started = reader->start(std::move(callbacks)); !started) {
                spdlog::warn("demo: the simulated reader did not start: {}", started.error().message);
                reader.reset();
            } else {
                spdlog::info("demo: simulated reader on {} (badge-sim tap UID --socket {})",
                             reader_config.socket.string(), reader_config.socket.string());
            }
        }
    }
    if (demo)
        runtime.app->set_reader_health({app::ReaderLink::Connected, "badge-sim",
                                        "Lecteur de démonstration : touchez un badge à droite", 0});
    else
        runtime.app->set_reader_health(
            {app::ReaderLink::Error, "",
             "Lecteur non trouvé : vérifiez son câble USB puis redémarrez la borne", 0});
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
