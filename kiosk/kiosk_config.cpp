// Reading kiosk.toml with toml++: every value is checked for its type and range.
#include "kiosk_config.hpp"

#include "badgeuse/sync/server_url.hpp"

#include <toml++/toml.h>

#include <initializer_list>

namespace badgeuse::kiosk {
namespace {

class Reader {
public:
    explicit Reader(std::filesystem::path path)
        : m_path(std::move(path)) {}

    [[noreturn]] void fail(std::string_view key, std::string_view expected) const {
        throw ConfigError(m_path.string() + ": " + std::string(key) + ": " + std::string(expected));
    }

    // For messages that already name their key (the drivers' checks).
    [[noreturn]] void refuse(std::string_view message) const {
        throw ConfigError(m_path.string() + ": " + std::string(message));
    }

    void only(const toml::table& table, std::string_view prefix,
              std::initializer_list<std::string_view> known) const {
        for (const auto& [key, node] : table) {
            bool found = false;
            std::string list;
            for (auto k : known) {
                found = found || k == key.str();
                list += (list.empty() ? "" : ", ") + std::string(k);
            }
            if (!found)
                fail(std::string(prefix) + std::string(key.str()), "unknown key; expected one of " + list);
        }
    }

    const toml::table* section(const toml::table& root, std::string_view name) const {
        const auto* node = root.get(name);
        if (!node)
            return nullptr;
        if (!node->is_table())
            fail(name, "expected a table ([" + std::string(name) + "])");
        return node->as_table();
    }

    int integer(const toml::table& table, std::string_view prefix, std::string_view key, int value, int low,
                int high) const {
        const auto* node = table.get(key);
        if (!node)
            return value;
        auto read = node->value<std::int64_t>();
        if (!node->is_integer() || !read || *read < low || *read > high)
            fail(std::string(prefix) + std::string(key),
                 "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high));
        return static_cast<int>(*read);
    }

    std::string text(const toml::table& table, std::string_view prefix, std::string_view key,
                     std::string value) const {
        const auto* node = table.get(key);
        if (!node)
            return value;
        auto read = node->value<std::string>();
        if (!node->is_string() || !read || read->empty())
            fail(std::string(prefix) + std::string(key), "expected a non-empty string");
        return *read;
    }

    double number(const toml::table& table, std::string_view prefix, std::string_view key, double value,
                  double low, double high) const {
        const auto* node = table.get(key);
        if (!node)
            return value;
        auto read = node->value<double>();
        if (!(node->is_integer() || node->is_floating_point()) || !read || *read < low || *read > high)
            fail(std::string(prefix) + std::string(key),
                 "expected a number from " + std::to_string(low) + " to " + std::to_string(high));
        return *read;
    }

    std::filesystem::path path_value(const toml::table& table, std::string_view prefix, std::string_view key,
                                     std::filesystem::path value) const {
        const auto* node = table.get(key);
        if (!node)
            return value;
        auto text = node->value<std::string>();
        if (!node->is_string() || !text || text->empty())
            fail(std::string(prefix) + std::string(key), "expected a path as a non-empty string");
        std::filesystem::path p(*text);
        return p.is_relative() ? m_path.parent_path() / p : p;
    }

private:
    std::filesystem::path m_path;
};

drivers::ReaderConfig read_reader(const Reader& reader, const toml::table& table) {
    reader.only(table, "reader.",
                {"kind", "id", "connstring", "device", "format", "socket", "poll_ms", "rearm_ms", "reopen_ms",
                 "taps_per_second", "tap_burst"});
    drivers::ReaderConfig config;
    if (!table.get("kind"))
        reader.fail("reader.kind", "missing; expected \"nfc\", \"hid\" or \"sim\"");
    auto kind = drivers::parse_reader_kind(reader.text(table, "reader.", "kind", ""));
    if (!kind)
        reader.refuse(kind.error().message);
    config.kind = *kind;
    config.id = reader.text(table, "reader.", "id", std::string(drivers::reader_kind_key(config.kind)));
    config.connstring = reader.text(table, "reader.", "connstring", config.connstring);
    config.device = reader.path_value(table, "reader.", "device", config.device);
    config.socket = reader.path_value(table, "reader.", "socket", config.socket);
    auto format = reader.text(table, "reader.", "format", "decimal");
    if (format == "decimal")
        config.format = drivers::WedgeFormat::Decimal;
    else if (format == "hex")
        config.format = drivers::WedgeFormat::Hex;
    else
        reader.fail("reader.format", "expected \"decimal\" or \"hex\", got \"" + format + "\"");
    auto ms = [&](std::string_view key, std::chrono::milliseconds value, int low, int high) {
        return std::chrono::milliseconds{
            reader.integer(table, "reader.", key, static_cast<int>(value.count()), low, high)};
    };
    config.poll = ms("poll_ms", config.poll, 20, 2000);
    config.rearm = ms("rearm_ms", config.rearm, 100, 60000);
    config.reopen = ms("reopen_ms", config.reopen, 100, 60000);
    config.rate.per_second =
        reader.number(table, "reader.", "taps_per_second", config.rate.per_second, 0.1, 1000);
    config.rate.burst = reader.integer(table, "reader.", "tap_burst", config.rate.burst, 1, 1000);
    // The drivers' own checks (a hid reader needs its device, ...), reported with the key they name.
    if (auto valid = drivers::validate(config); !valid)
        reader.refuse(valid.error().message);
    return config;
}

// [sync]: server is required; ca and token_file are paths relative to the file (token_file defaults to
// "token" beside it); the URL is checked here so that a typo stops the kiosk at start-up.
app::SyncConfig read_sync(const Reader& reader, const toml::table& table, const std::filesystem::path& file) {
    reader.only(table, "sync.", {"server", "ca", "token_file", "pull_seconds"});
    app::SyncConfig config;
    if (!table.get("server"))
        reader.fail("sync.server",
                    "missing; expected the portal's URL, such as \"https://portail.ville.fr:8443\"");
    config.server = reader.text(table, "sync.", "server", "");
    if (auto url = sync::parse_server_url(config.server); !url)
        reader.fail("sync.server", url.error().message);
    config.ca = reader.path_value(table, "sync.", "ca", {});
    config.token_file = reader.path_value(table, "sync.", "token_file", file.parent_path() / "token");
    config.pull_every = std::chrono::seconds{reader.integer(table, "sync.", "pull_seconds", 30, 5, 3600)};
    return config;
}

} // namespace

KioskConfig read_kiosk_config(const std::filesystem::path& path, KioskConfig config) {
    Reader reader(path);
    toml::table root;
    try {
        root = toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        throw ConfigError(path.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
    }
    reader.only(root, "", {"kiosk", "display", "sessions", "paths", "reader", "sync"});
    if (const auto* kiosk = reader.section(root, "kiosk")) {
        reader.only(*kiosk, "kiosk.", {"database", "language"});
        config.database = reader.path_value(*kiosk, "kiosk.", "database", config.database);
        if (const auto* node = kiosk->get("language")) {
            auto text = node->value<std::string>();
            auto language = text ? app::parse_language_key(*text)
                                 : Result<app::Language>(make_error("expected a string"));
            if (!language)
                reader.fail("kiosk.language", language.error().message);
            config.language = *language;
        }
    }
    if (const auto* display = reader.section(root, "display")) {
        reader.only(*display, "display.", {"fullscreen", "width", "height", "dim_after_minutes"});
        if (const auto* node = display->get("fullscreen")) {
            if (!node->is_boolean())
                reader.fail("display.fullscreen", "expected true or false");
            config.fullscreen = node->value<bool>().value_or(true);
        }
        config.width = reader.integer(*display, "display.", "width", config.width, 800, 7680);
        config.height = reader.integer(*display, "display.", "height", config.height, 480, 4320);
        config.dim_after = std::chrono::minutes{reader.integer(
            *display, "display.", "dim_after_minutes", static_cast<int>(config.dim_after.count()), 1, 240)};
    }
    if (const auto* sessions = reader.section(root, "sessions")) {
        reader.only(*sessions, "sessions.", {"idle_sign_out_seconds", "max_pin_failures", "lockout_minutes"});
        config.idle_sign_out =
            std::chrono::seconds{reader.integer(*sessions, "sessions.", "idle_sign_out_seconds",
                                                static_cast<int>(config.idle_sign_out.count()), 15, 600)};
        config.max_pin_failures =
            reader.integer(*sessions, "sessions.", "max_pin_failures", config.max_pin_failures, 3, 20);
        config.lockout = std::chrono::minutes{reader.integer(
            *sessions, "sessions.", "lockout_minutes", static_cast<int>(config.lockout.count()), 1, 1440)};
    }
    if (const auto* paths = reader.section(root, "paths")) {
        reader.only(*paths, "paths.", {"assets", "fonts"});
        config.assets = reader.path_value(*paths, "paths.", "assets", config.assets);
        config.fonts = reader.path_value(*paths, "paths.", "fonts", config.fonts);
    }
    if (const auto* table = reader.section(root, "reader"))
        config.reader = read_reader(reader, *table);
    if (const auto* table = reader.section(root, "sync"))
        config.sync = read_sync(reader, *table, path);
    return config;
}

} // namespace badgeuse::kiosk
