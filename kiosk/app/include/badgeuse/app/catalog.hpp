// Catalog: the kiosk's translations, read from gettext .po files under assets/locale/<lang>/.
// French is the source language (msgids are French); a missing translation shows the French text.
#pragma once

#include "badgeuse/core/result.hpp"

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace badgeuse::app {

enum class Language { French, English };
std::string_view language_key(Language language); // "fr", "en"
Result<Language> parse_language_key(std::string_view key);

class Catalog {
public:
    Catalog() = default; // French: every lookup returns its msgid

    // Parses msgid/msgstr pairs (with continuation lines and C escapes); msgctxt and plural forms are
    // not used by the kiosk and are refused with the line number, so a catalog never half-loads.
    static Result<Catalog> parse_po(std::string_view text, std::string_view file_name = "<text>");
    // assets/locale/<lang>/badgeuse.po; French needs no file.
    static Result<Catalog> load(const std::filesystem::path& assets_dir, Language language);

    // The translation of `msgid`, or `msgid` itself when the catalog has none (or an empty one).
    std::string_view tr(std::string_view msgid) const;
    // Whether the catalog has a translation of `msgid` (an empty msgstr is none), even one that reads the
    // same ("Parents").
    bool translates(std::string_view msgid) const;
    std::size_t size() const { return m_entries.size(); }

private:
    std::unordered_map<std::string, std::string> m_entries;
};

// Replaces each "{key}" in `text` with its value: "Bonjour {name} !" -> "Bonjour Léa !".
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> values);

} // namespace badgeuse::app
