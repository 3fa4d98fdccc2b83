// Searching children by name on the kiosk's letter keyboard: accents, case and word order ignored.
#include "badgeuse/core/name_search.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;

TEST_CASE("folding a name drops accents and case and keeps one space between words") {
    CHECK(fold_name("Léa") == "lea");
    CHECK(fold_name("MAËLYS") == "maelys");
    CHECK(fold_name("Anaïs  François") == "anais francois");
    CHECK(fold_name("Œdipe Cœur") == "oedipe coeur");
    CHECK(fold_name("Jean-Noël") == "jean noel");
    CHECK(fold_name("N’Diaye") == "n diaye");
    CHECK(fold_name("  Zoé ") == "zoe");
    CHECK(fold_name("Łukasz Çelik") == "lukasz celik");
}

TEST_CASE("lea finds Léa and MARTIN Léa, and each typed word must begin a word of the name") {
    CHECK(name_matches("Léa", "lea"));
    CHECK(name_matches("MARTIN Léa", "lea"));
    CHECK(name_matches("MARTIN Léa", "LE"));
    CHECK(name_matches("MARTIN Léa", "mar lea"));
    CHECK(name_matches("MARTIN Léa", "lea mar"));
    CHECK_FALSE(name_matches("MARTIN Léa", "ea"));      // not the middle of a word
    CHECK_FALSE(name_matches("MARTIN Léa", "lea dub")); // every word must match
    CHECK_FALSE(name_matches("Chloé PETIT", "lea"));
    CHECK_FALSE(name_matches("MARTIN Léa", "")); // nothing typed, nothing found
    CHECK_FALSE(name_matches("MARTIN Léa", "   "));
}
