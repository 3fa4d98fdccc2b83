// CLI11 wiring of the import, PIN and export commands; the commands themselves take plain values.
#include "import_export_cli.hpp"

#include "badgeuse/portal/admin_commands.hpp"
#include "badgeuse/portal/export_commands.hpp"
#include "badgeuse/portal/import_calendar.hpp"
#include "badgeuse/portal/import_staff.hpp"
#include "badgeuse/portal/pin_reset_command.hpp"

namespace badgeuse::portal {

ImportExportCommands::ImportExportCommands(CLI::App& app, CLI::App& import, std::function<int()>& action,
                                           std::ostream& out, std::ostream& err) {
    constexpr const char* kConfigHelp = "portal.toml (default: the one in the current folder)";

    auto* calendar = import.add_subcommand(
        "calendar", "School holidays and closures (.ics or .csv) for every site, or the one of --site");
    calendar->add_option("file", m_file, "The .ics or .csv file (CSV columns in README.md)")->required();
    calendar->add_option("--site", m_site, "Only this site (default: every site)");
    calendar->add_flag("--replace", m_replace,
                       "Also remove the site's periods, of the file's kinds and within its dates, that the "
                       "file no longer has (a corrected calendar)");
    calendar->add_option("--config", m_config, kConfigHelp);
    calendar->callback([&, this] {
        action = [&, this] {
            return portal_import_calendar(load_portal_config(m_config), m_file, {m_site, m_replace}, out,
                                          err);
        };
    });

    auto* staff = import.add_subcommand("staff", "Staff members of one site and their badges (CSV)");
    staff->add_option("file", m_file, "The CSV file (columns in README.md)")->required();
    staff->add_option("--config", m_config, kConfigHelp);
    staff->callback([&, this] {
        action = [&, this] { return portal_import_staff(load_portal_config(m_config), m_file, out, err); };
    });

    m_pin = app.add_subcommand("pin", "PINs of families and staff");
    m_pin->require_subcommand(0, 1);
    auto* reset =
        m_pin->add_subcommand("reset", "Print a one-time code (valid 72 h) to choose a new PIN at a kiosk");
    auto* family = reset->add_option("--family", m_family, "The family's subscriber code, BLENFANCE-...");
    reset->add_option("--staff", m_staff, "The staff member's id")->excludes(family);
    reset->add_option("--config", m_config, kConfigHelp);
    reset->callback([&, this] {
        action = [&, this] {
            const SystemClock clock;
            return portal_pin_reset(load_portal_config(m_config), m_family, m_staff, clock, out, err);
        };
    });

    m_export = app.add_subcommand("export", "Export attendance or billing as CSV on stdout");
    m_export->require_subcommand(0, 1);
    auto* attendance = m_export->add_subcommand("attendance", "Arrivals and departures of the days");
    attendance->add_option("--from", m_from, "The first day, YYYY-MM-DD")->required();
    attendance->add_option("--to", m_to, "The last day, YYYY-MM-DD")->required();
    attendance->add_option("--site", m_site, "Only this site (default: every site)");
    attendance->add_option("--config", m_config, kConfigHelp);
    attendance->callback([&, this] {
        action = [&, this] {
            return portal_export_attendance(load_portal_config(m_config), m_from, m_to, m_site, out, err);
        };
    });
    auto* billing =
        m_export->add_subcommand("billing", "Each child's billed days of a month, with their category");
    billing->add_option("--month", m_month, "The month, YYYY-MM")->required();
    billing->add_option("--config", m_config, kConfigHelp);
    billing->callback([&, this] {
        action = [&, this] { return portal_export_billing(load_portal_config(m_config), m_month, out, err); };
    });
}

std::string ImportExportCommands::missing_subcommand() const {
    if (m_pin->parsed())
        return "portal pin needs: reset";
    if (m_export->parsed())
        return "portal export needs one of: attendance, billing";
    return {};
}

} // namespace badgeuse::portal
