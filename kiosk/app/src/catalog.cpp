// The .po reader: just enough of the gettext format for the kiosk's catalogs, strict about the rest.
#include "badgeuse/app/catalog.hpp"

#include <fstream>
#include <sstream>

namespace badgeuse::app {
namespace {

// The text of a "quoted" .po string, its escapes undone.
Result<std::string> unquote(std::string_view line, std::string_view file, int number) {
    auto first = line.find('"');
    auto last = line.rfind('"');
    if (first == std::string_view::npos || last == first)
        return make_error(std::string(file) + ":" + std::to_string(number) + ": expected a quoted string");
    std::string out;
    for (auto i = first + 1; i < last; ++i) {
        char c = line[i];
        if (c != '\\' || i + 1 >= last) {
            out += c;
            continue;
        }
        char e = line[++i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

} // namespace

std::string_view language_key(Language language) {
    return language == Language::English ? "en" : "fr";
}

Result<Language> parse_language_key(std::string_view key) {
    if (key == "fr")
        return Language::French;
    if (key == "en")
        return Language::English;
    return make_error("expected \"fr\" or \"en\", got \"" + std::string(key) + "\"");
}

Result<Catalog> Catalog::parse_po(std::string_view text, std::string_view file_name) {
    Catalog catalog;
    enum class Field { None, Id, Str } field = Field::None;
    std::string id;
    std::string str;
    bool have_entry = false;
    auto flush = [&] {
        if (have_entry && !id.empty() && !str.empty())
            catalog.m_entries[id] = str;
        id.clear();
        str.clear();
        have_entry = false;
        field = Field::None;
    };
    int number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        auto line = trim(text.substr(start, end - start));
        start = end + 1;
        ++number;
        if (line.empty() || line.front() == '#')
            continue;
        if (line.starts_with("msgid ")) {
            flush();
            auto value = unquote(line, file_name, number);
            if (!value)
                return value.error();
            id = *value;
            field = Field::Id;
            have_entry = true;
        } else if (line.starts_with("msgstr ")) {
            if (field != Field::Id)
                return make_error(std::string(file_name) + ":" + std::to_string(number) +
                                  ": msgstr without msgid");
            auto value = unquote(line, file_name, number);
            if (!value)
                return value.error();
            str = *value;
            field = Field::Str;
        } else if (line.front() == '"') {
            auto value = unquote(line, file_name, number);
            if (!value)
                return value.error();
            if (field == Field::Id)
                id += *value;
            else if (field == Field::Str)
                str += *value;
            else
                return make_error(std::string(file_name) + ":" + std::to_string(number) +
                                  ": a string continues nothing");
        } else {
            return make_error(std::string(file_name) + ":" + std::to_string(number) +
                              ": only msgid and msgstr are understood here, got \"" + std::string(line) +
                              "\"");
        }
    }
    flush();
    return catalog;
}

Result<Catalog> Catalog::load(const std::filesystem::path& assets_dir, Language language) {
    if (language == Language::French)
        return Catalog{};
    auto path = assets_dir / "locale" / std::string(language_key(language)) / "badgeuse.po";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return make_error("cannot read the translation file " + path.string());
    std::stringstream text;
    text << in.rdbuf();
    return parse_po(text.str(), path.string());
}

std::string_view Catalog::tr(std::string_view msgid) const {
    // unordered_map<string> has no heterogeneous find in C++20's libstdc++ 12: build the key once.
    auto found = m_entries.find(std::string(msgid));
    return found == m_entries.end() ? msgid : std::string_view(found->second);
}

bool Catalog::translates(std::string_view msgid) const {
    auto found = m_entries.find(std::string(msgid));
    return found != m_entries.end() && !found->second.empty();
}

std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out(text);
    for (const auto& [key, value] : values) {
        std::string marker = "{" + std::string(key) + "}";
        for (auto at = out.find(marker); at != std::string::npos; at = out.find(marker, at + value.size()))
            out.replace(at, marker.size(), value);
    }
    return out;
}

} // namespace badgeuse::app
