// Reading kiosk.toml with toml++: every value is checked for its type and range.
#include "kiosk_config.hpp"

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
    reader.only(root, "", {"kiosk", "display", "sessions", "paths"});
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
    return config;
}

} // namespace badgeuse::kiosk
