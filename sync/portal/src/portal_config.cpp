// Reading portal.toml with toml++; every bad value names the file and the key.
#include "badgeuse/portal/portal_config.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <string_view>

namespace badgeuse::portal {
namespace {

class Reader {
public:
    explicit Reader(std::filesystem::path path)
        : m_path(std::move(path)) {}

    [[noreturn]] void fail(std::string_view key, const std::string& expected) const {
        throw ConfigError(m_path.string() + ": " + std::string(key) + ": " + expected);
    }

    void refuse_unknown_keys(const toml::table& table, std::string_view prefix,
                             std::initializer_list<std::string_view> known) const {
        for (const auto& [key, node] : table) {
            bool ok = false;
            for (auto k : known)
                ok = ok || k == key.str();
            if (!ok) {
                std::string list;
                for (auto k : known)
                    list += (list.empty() ? "" : ", ") + std::string(k);
                fail(std::string(prefix) + std::string(key.str()), "unknown key; expected one of " + list);
            }
        }
    }

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

void read_booking(const Reader& reader, const toml::table& booking, DeadlineRule& rule) {
    reader.refuse_unknown_keys(booking, "booking.", {"days_before", "hour", "working_days"});
    if (const auto* node = booking.get("days_before")) {
        auto value = node->value<std::int64_t>();
        if (!node->is_integer() || !value || *value < 0 || *value > 30)
            reader.fail("booking.days_before", "expected a whole number of working days from 0 to 30");
        rule.working_days_before = static_cast<int>(*value);
    }
    if (const auto* node = booking.get("hour")) {
        auto text = node->value<std::string>();
        if (!text)
            reader.fail("booking.hour", "expected a time as a string, such as \"10:00\"");
        auto hour = TimeOfDay::parse(*text);
        if (!hour)
            reader.fail("booking.hour", hour.error().message);
        rule.hour = *hour;
    }
    if (const auto* node = booking.get("working_days")) {
        const auto* array = node->as_array();
        if (array == nullptr || array->empty())
            reader.fail("booking.working_days", "expected a list of weekdays, such as [\"mon\", \"tue\"]");
        WeekdaySet days;
        for (const auto& item : *array) {
            auto text = item.value<std::string>();
            if (!text)
                reader.fail("booking.working_days", "expected weekday names as strings (mon ... sun)");
            auto day = parse_weekday_key(*text);
            if (!day)
                reader.fail("booking.working_days", day.error().message);
            days.add(*day);
        }
        rule.working_days = days;
    }
}

void read_calendar(const Reader& reader, const toml::table& calendar, PortalConfig& config) {
    reader.refuse_unknown_keys(calendar, "calendar.", {"region", "files"});
    if (const auto* node = calendar.get("region")) {
        auto text = node->value<std::string>();
        if (text && *text == "metropole")
            config.region = HolidayRegion::Metropole;
        else if (text && *text == "alsace-moselle")
            config.region = HolidayRegion::AlsaceMoselle;
        else
            reader.fail("calendar.region", "expected \"metropole\" or \"alsace-moselle\"");
    }
    if (const auto* node = calendar.get("files")) {
        const auto* array = node->as_array();
        if (array == nullptr)
            reader.fail("calendar.files", "expected a list of .ics or .csv file names");
        for (const auto& item : *array) {
            auto text = item.value<std::string>();
            if (!text || text->empty())
                reader.fail("calendar.files", "expected file names as strings");
            std::filesystem::path file(*text);
            if (file.is_relative())
                file = reader.path().parent_path() / file;
            config.calendar_files.push_back(file);
        }
    }
}

void read_database(const Reader& reader, const toml::table& database, PortalConfig& config) {
    reader.refuse_unknown_keys(database, "database.", {"url"});
    const auto* node = database.get("url");
    if (node == nullptr)
        return;
    auto text = node->value<std::string>();
    if (!node->is_string() || !text)
        reader.fail("database.url", "expected a string such as \"sqlite:///var/lib/badgeuse/portal.sqlite\"");
    auto url = parse_database_url(*text, reader.path().parent_path());
    if (!url)
        reader.fail("database.url", url.error().message);
    config.database = std::move(*url);
}

// A whole number in [low, high], or fail naming the key.
std::int64_t read_bounded(const Reader& reader, const toml::table& table, std::string_view prefix,
                          std::string_view key, std::int64_t low, std::int64_t high, std::int64_t fallback) {
    const auto* node = table.get(key);
    if (node == nullptr)
        return fallback;
    auto value = node->value<std::int64_t>();
    if (!node->is_integer() || !value || *value < low || *value > high)
        reader.fail(std::string(prefix) + std::string(key),
                    "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return *value;
}

std::filesystem::path read_file_name(const Reader& reader, const toml::table& table, std::string_view key) {
    const auto* node = table.get(key);
    if (node == nullptr)
        return {};
    auto text = node->value<std::string>();
    if (!node->is_string() || !text || text->empty())
        reader.fail("server." + std::string(key), "expected a file name as a string");
    std::filesystem::path file(*text);
    if (file.is_relative())
        file = reader.path().parent_path() / file;
    return file;
}

void read_server(const Reader& reader, const toml::table& server, ServerConfig& config) {
    reader.refuse_unknown_keys(server, "server.",
                               {"listen", "certificate", "private_key", "requests_per_minute",
                                "max_body_bytes", "header_timeout_seconds", "body_timeout_seconds",
                                "idle_timeout_seconds", "metrics_token_file"});
    if (const auto* node = server.get("listen")) {
        auto text = node->value<std::string>();
        if (!node->is_string() || !text || text->find(':') == std::string::npos)
            reader.fail("server.listen", "expected \"HOST:PORT\", such as \"0.0.0.0:8443\"");
        config.listen = *text;
    }
    config.certificate = read_file_name(reader, server, "certificate");
    config.private_key = read_file_name(reader, server, "private_key");
    config.metrics_token_file = read_file_name(reader, server, "metrics_token_file");
    config.requests_per_minute = static_cast<int>(read_bounded(
        reader, server, "server.", "requests_per_minute", 1, 1000000, config.requests_per_minute));
    config.max_body_bytes = static_cast<std::size_t>(
        read_bounded(reader, server, "server.", "max_body_bytes", 1024, 64 * 1024 * 1024,
                     static_cast<std::int64_t>(config.max_body_bytes)));
    config.header_timeout = std::chrono::seconds(read_bounded(
        reader, server, "server.", "header_timeout_seconds", 1, 3600, config.header_timeout.count()));
    config.body_timeout = std::chrono::seconds(read_bounded(reader, server, "server.", "body_timeout_seconds",
                                                            1, 3600, config.body_timeout.count()));
    config.idle_timeout = std::chrono::seconds(read_bounded(reader, server, "server.", "idle_timeout_seconds",
                                                            1, 3600, config.idle_timeout.count()));
}

void read_status(const Reader& reader, const toml::table& status, StatusConfig& config) {
    reader.refuse_unknown_keys(status, "status.", {"silent_after_minutes"});
    config.silent_after_minutes = static_cast<int>(read_bounded(
        reader, status, "status.", "silent_after_minutes", 1, 525600, config.silent_after_minutes));
}

} // namespace

PortalConfig load_portal_config(const std::filesystem::path& path) {
    Reader reader(path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw ConfigError(path.string() + ": no such configuration file");
    toml::table root;
    try {
        root = toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        throw ConfigError(path.string() + ":" + std::to_string(where.line) + ":" +
                          std::to_string(where.column) + ": " + std::string(e.description()));
    }
    reader.refuse_unknown_keys(root, "", {"booking", "calendar", "server", "database", "status"});
    PortalConfig config;
    config.source = path;
    config.database.sqlite_path = path.parent_path() / "portal.sqlite";
    if (const auto* node = root.get("booking")) {
        const auto* table = node->as_table();
        if (table == nullptr)
            reader.fail("booking", "expected a table [booking]");
        read_booking(reader, *table, config.deadline);
    }
    if (const auto* node = root.get("calendar")) {
        const auto* table = node->as_table();
        if (table == nullptr)
            reader.fail("calendar", "expected a table [calendar]");
        read_calendar(reader, *table, config);
    }
    if (const auto* node = root.get("database")) {
        const auto* table = node->as_table();
        if (table == nullptr)
            reader.fail("database", "expected a table [database]");
        read_database(reader, *table, config);
    }
    if (const auto* node = root.get("server")) {
        const auto* table = node->as_table();
        if (table == nullptr)
            reader.fail("server", "expected a table [server]");
        read_server(reader, *table, config.server);
    }
    if (const auto* node = root.get("status")) {
        const auto* table = node->as_table();
        if (table == nullptr)
            reader.fail("status", "expected a table [status]");
        read_status(reader, *table, config.status);
    }
    return config;
}

} // namespace badgeuse::portal
