// The command-line side of the admin's data commands: `import calendar`, `import staff`, `pin reset`,
// `export attendance` and `export billing`, added to cli.cpp's CLI11 app. Each sets `action` to the
// command with its parsed options, as the other subcommands do.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>

namespace badgeuse::portal {

class ImportExportCommands {
public:
    // `import` is the app's `import` subcommand; `pin` and `export` are added to `app`.
    ImportExportCommands(CLI::App& app, CLI::App& import, std::function<int()>& action, std::ostream& out,
                         std::ostream& err);

    // The message for `portal pin` or `portal export` given without its subcommand, or "".
    std::string missing_subcommand() const;

private:
    CLI::App* m_pin = nullptr;
    CLI::App* m_export = nullptr;
    std::string m_config = "portal.toml";
    std::string m_file;
    std::string m_site;
    bool m_replace = false;
    std::string m_family;
    std::string m_staff;
    std::string m_from;
    std::string m_to;
    std::string m_month;
};

} // namespace badgeuse::portal
