// The .po reader and the shipped English catalog.
#include "badgeuse/app/catalog.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse::app;

TEST_CASE("a .po file's entries are read with continuation lines and escapes") {
    auto catalog = Catalog::parse_po("# comment\nmsgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\n"
                                     "msgid \"Passe ton \"\n\"badge\"\nmsgstr \"Tap your \\\"badge\\\"\"\n\n"
                                     "msgid \"Fermé\"\nmsgstr \"\"\n");
    REQUIRE(catalog.ok());
    CHECK(catalog->size() == 1);
    CHECK(catalog->tr("Passe ton badge") == "Tap your \"badge\"");
    CHECK(catalog->tr("Fermé") == "Fermé"); // an empty translation falls back to the source
    CHECK(catalog->tr("absent du catalogue") == "absent du catalogue");
}

TEST_CASE("a .po construct the kiosk does not use is refused with its line") {
    auto catalog = Catalog::parse_po("msgid \"a\"\nmsgstr \"b\"\nmsgctxt \"x\"\n", "en.po");
    REQUIRE_FALSE(catalog.ok());
    CHECK(catalog.error().message.starts_with("en.po:3: "));
}

TEST_CASE("the English catalog translates the badge screen and the verdicts") {
    auto catalog = Catalog::load(BADGEUSE_SOURCE_DIR "/assets", Language::English);
    REQUIRE(catalog.ok());
    CHECK(catalog->tr("Passe ton badge") == "Tap your badge");
    CHECK(catalog->tr("Bonjour {name} !") == "Hello {name}!");
    CHECK(catalog->tr("délai dépassé") == "too late");
    CHECK(catalog->size() > 100);
}

TEST_CASE("markers in a text are replaced by their values") {
    CHECK(fill("Bonjour {name} !", {{"name", "Léa"}}) == "Bonjour Léa !");
    CHECK(fill("{a}{a}-{b}", {{"a", "x"}, {"b", "{a}"}}) == "xx-{a}");
    CHECK(parse_language_key("en").ok());
    CHECK_FALSE(parse_language_key("de").ok());
}
