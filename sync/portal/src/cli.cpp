// The portal's command line. CLI11 parses; each subcommand calls a function that takes its
// arguments as text and writes to the given streams, so tests run it without a process.
#include "badgeuse/portal/cli.hpp"

#include "badgeuse/portal/admin_commands.hpp"
#include "badgeuse/portal/demo_seed.hpp"
#include "badgeuse/portal/import_families.hpp"
#include "badgeuse/portal/rules_command.hpp"
#include "badgeuse/portal/serve_command.hpp"
#include "import_export_cli.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <ostream>

namespace badgeuse::portal {
namespace {

// Reads --config when given, the defaults otherwise.
PortalConfig config_from(const std::string& path) {
    if (path.empty())
        return PortalConfig{};
    return load_portal_config(path);
}

} // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"Badgeuse portal: the central service of the school attendance terminals", "portal"};
    // Subcommands are optional to CLI11 so that a misspelt one is reported by name (as an unexpected
    // argument) rather than as a missing subcommand; a missing one is reported after parsing.
    app.require_subcommand(0, 1);
    app.set_help_all_flag("--help-all", "Print the help of every subcommand");

    std::function<int()> action;
    std::string config_path;

    auto* rules =
        app.add_subcommand("rules", "The booking rules and the calendar, as the portal applies them");
    rules->require_subcommand(0, 1);

    std::string year;
    std::string region = "metropole";
    auto* holidays = rules->add_subcommand("holidays", "Print the French public holidays of a year");
    holidays->add_option("--year", year, "The year, 1900 to 2200")->required();
    holidays->add_option("--region", region, "metropole or alsace-moselle")
        ->check(CLI::IsMember({"metropole", "alsace-moselle"}));
    holidays->callback([&] {
        action = [&] {
            auto r = region == "alsace-moselle" ? HolidayRegion::AlsaceMoselle : HolidayRegion::Metropole;
            return rules_holidays(year, r, out, err);
        };
    });

    std::string day;
    auto* deadline =
        rules->add_subcommand("deadline", "Print the last moment a booking for a day is accepted");
    deadline->add_option("--day", day, "The day of the activity, YYYY-MM-DD")->required();
    deadline->add_option("--config", config_path, "portal.toml (the default rule without it)");
    deadline->callback(
        [&] { action = [&] { return rules_deadline(config_from(config_path), day, out, err); }; });

    std::string at;
    auto* check =
        rules->add_subcommand("check", "Say whether a booking for a day is still accepted at a moment");
    check->add_option("--day", day, "The day of the activity, YYYY-MM-DD")->required();
    check->add_option("--at", at, "The moment, YYYY-MM-DDTHH:MM:SS+hh:mm")->required();
    check->add_option("--config", config_path, "portal.toml (the default rule without it)");
    check->callback(
        [&] { action = [&] { return rules_check(config_from(config_path), day, at, out, err); }; });

    std::string from;
    auto* week = rules->add_subcommand("week", "Print seven days from a day: closures and deadlines");
    week->add_option("--from", from, "The first day, YYYY-MM-DD")->required();
    week->add_option("--config", config_path, "portal.toml (the default rule without it)");
    week->callback([&] { action = [&] { return rules_week(config_from(config_path), from, out, err); }; });

    auto* init = app.add_subcommand("init", "Create the portal's database (database.url), or upgrade it");
    init->add_option("--config", config_path, "portal.toml")->required();
    bool demo_school = false;
    init->add_flag("--demo", demo_school, "Seed a new database with the demo school (make demo)");
    init->callback([&] {
        action = [&] {
            return demo_school ? portal_init_demo(config_from(config_path), out, err)
                               : portal_init(config_from(config_path), out, err);
        };
    });

    std::string site;
    std::string kiosk_name;
    auto* enroll =
        app.add_subcommand("enroll", "Print a one-time code (valid 24 h) that enrolls a new kiosk");
    enroll->add_option("--site", site, "The site's name, as imported")->required();
    enroll->add_option("--name", kiosk_name, "The kiosk's name, such as \"préau\"")->required();
    std::string enroll_config = "portal.toml";
    enroll->add_option("--config", enroll_config, "portal.toml (default: the one in the current folder)");
    enroll->callback([&] {
        action = [&] {
            const SystemClock clock;
            return portal_enroll(load_portal_config(enroll_config), site, kiosk_name, clock, out, err);
        };
    });

    auto* import = app.add_subcommand("import", "Import the town's data into the portal");
    import->require_subcommand(0, 1);
    std::string families_file;
    std::string import_config = "portal.toml";
    auto* families =
        import->add_subcommand("families", "Families, guardians, children and badges of one site (CSV)");
    families->add_option("file", families_file, "The CSV file (columns in README.md)")->required();
    families->add_option("--config", import_config, "portal.toml (default: the one in the current folder)");
    families->callback([&] {
        action = [&] {
            return portal_import_families(load_portal_config(import_config), families_file, out, err);
        };
    });
    // `portal import calendar|staff`, `portal pin reset`, `portal export attendance|billing`.
    const ImportExportCommands import_export(app, *import, action, out, err);

    // `portal serve`, `portal status`, `portal web-token` (serve_command.hpp).
    ServeOptions serve_options;
    std::string serve_config = "portal.toml";
    auto* serve = app.add_subcommand("serve", "Serve the kiosks' API and the web portal's over HTTPS");
    serve->add_option("--config", serve_config, "portal.toml (default: the one in the current folder)");
    serve->add_option("--listen", serve_options.listen, "HOST:PORT (default: [server] listen, 0.0.0.0:8443)");
    serve->add_flag("--insecure-dev", serve_options.insecure_dev,
                    "Plain HTTP, for development: refused unless the address is loopback");
    serve->add_option("--port-file", serve_options.port_file, "Write the bound port there once listening");
    serve->add_option("--clock-start", serve_options.clock_start,
                      "Tests only: the portal's clock starts at this Europe/Paris time and runs on");
    serve->callback(
        [&] { action = [&] { return portal_serve(load_portal_config(serve_config), serve_options, err); }; });

    std::string status_config = "portal.toml";
    auto* status = app.add_subcommand("status", "Print each kiosk's last contact; exit 3 if any is silent");
    status->add_option("--config", status_config, "portal.toml (default: the one in the current folder)");
    status->callback([&] {
        action = [&] {
            const SystemClock clock;
            return portal_status(load_portal_config(status_config), clock, out, err);
        };
    });

    std::string web_token_name;
    std::string web_token_config = "portal.toml";
    auto* web_token = app.add_subcommand("web-token", "Print a new token for the web portal's API");
    web_token->add_option("--name", web_token_name, "Who the token is for, such as \"site-mairie\"")
        ->required();
    web_token->add_option("--config", web_token_config,
                          "portal.toml (default: the one in the current folder)");
    web_token->callback([&] {
        action = [&] {
            const SystemClock clock;
            return portal_web_token(load_portal_config(web_token_config), web_token_name, clock, out, err);
        };
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return kExitOk;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return kExitOk;
    } catch (const CLI::ParseError& e) {
        // CLI11 throws CallForHelp from the subcommand too; any other parse error is a usage error.
        if (e.get_exit_code() == 0) {
            out << app.help();
            return kExitOk;
        }
        err << "portal: " << e.what() << " (see portal --help)\n";
        return kExitUsage;
    }
    if (!action) {
        const std::string missing = import_export.missing_subcommand();
        const std::string which = rules->parsed()
                                      ? "portal rules needs one of holidays, deadline, check, week"
                                  : import->parsed() ? "portal import needs one of: families, calendar, staff"
                                  : !missing.empty() ? missing
                                                     : "a subcommand is required: init, import, enroll, "
                                                       "serve, status, web-token, pin, export or rules";
        err << "portal: " << which << " (see portal --help)\n";
        return kExitUsage;
    }
    try {
        return action();
    } catch (const ConfigError& e) {
        err << "portal: " << e.what() << '\n';
        return kExitUsage;
    }
}

} // namespace badgeuse::portal
