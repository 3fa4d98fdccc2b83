// Every French text the kiosk translates has its English entry: the kiosk's sources are read for each
// tr("…") and for the tables of words passed to tr(table[i]), and the shipped catalog must translate
// them all. A new screen text without its translation fails here, not in front of an English parent.
#include "badgeuse/app/catalog.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace badgeuse::app;

namespace {

// A C++ string literal's text, its escapes read as the .po reader reads them.
std::string unescape(const std::string& literal) {
    std::string out;
    for (std::size_t i = 0; i < literal.size(); ++i) {
        if (literal[i] != '\\' || i + 1 == literal.size()) {
            out += literal[i];
            continue;
        }
        const char next = literal[++i];
        out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    }
    return out;
}

struct Use {
    std::string file;
    std::string text;
    bool operator<(const Use& other) const { return std::tie(text, file) < std::tie(other.text, other.file); }
};

// Every text the kiosk's sources hand to tr(), literally or through a table of literals.
std::set<Use> translated_texts(const std::filesystem::path& root) {
    const std::regex literal_call(R"re(\btr\(\s*"((?:[^"\\]|\\.)*)"\s*\))re");
    const std::regex table_call(R"re(\btr\(\s*(k\w+)\s*\[)re");
    const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
    std::set<Use> uses;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const auto extension = entry.path().extension();
        if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".hpp"))
            continue;
        std::ifstream in(entry.path());
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string source = buffer.str();
        const std::string file = std::filesystem::relative(entry.path(), root).string();
        for (std::sregex_iterator it(source.begin(), source.end(), literal_call), end; it != end; ++it)
            uses.insert({file, unescape((*it)[1])});
        std::set<std::string> tables;
        for (std::sregex_iterator it(source.begin(), source.end(), table_call), end; it != end; ++it)
            tables.insert((*it)[1]);
        for (const std::string& table : tables) {
            const std::regex definition(table + R"re(\s*=\s*\{([^}]*)\})re");
            std::smatch found;
            INFO(file << " passes " << table << "[…] to tr() but its table of words was not found");
            REQUIRE(std::regex_search(source, found, definition));
            const std::string body = found[1];
            for (std::sregex_iterator it(body.begin(), body.end(), literal), end; it != end; ++it)
                uses.insert({file, unescape((*it)[1])});
        }
    }
    return uses;
}

} // namespace

TEST_CASE("every text the kiosk translates has an entry in the English catalog") {
    auto catalog = Catalog::load(BADGEUSE_SOURCE_DIR "/assets", Language::English);
    REQUIRE(catalog.ok());
    const std::set<Use> uses = translated_texts(BADGEUSE_SOURCE_DIR "/kiosk");
    // The scan itself must see the screens: the badge screen's prompt, a weekday from a table.
    const auto seen = [&](const std::string& text) {
        return std::any_of(uses.begin(), uses.end(), [&](const Use& use) { return use.text == text; });
    };
    REQUIRE(seen("Passe ton badge"));
    REQUIRE(seen("mercredi"));
    REQUIRE(uses.size() > 150);
    std::string missing;
    for (const Use& use : uses)
        if (!catalog->translates(use.text))
            missing += "\n  " + use.file + ": \"" + use.text + "\"";
    INFO("no English entry in assets/locale/en/badgeuse.po for:" << missing);
    CHECK(missing.empty());
}
