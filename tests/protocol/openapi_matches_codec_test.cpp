// sync/protocol/openapi.yaml describes what the codec reads: every change entity and every event type
// the codec knows is listed there, so that the document cannot fall behind a new message.
#include "badgeuse/protocol/codec.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace badgeuse;
using namespace badgeuse::protocol;

namespace {

std::string openapi_text() {
    std::ifstream in(std::string(BADGEUSE_SOURCE_DIR) + "/sync/protocol/openapi.yaml");
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The values of the Change schema's entity enum.
std::vector<std::string> entity_enum(const std::string& text) {
    const std::size_t change = text.find("\n    Change:\n");
    REQUIRE(change != std::string::npos);
    const std::size_t start = text.find("enum: [family", change);
    REQUIRE(start != std::string::npos);
    std::istringstream list(text.substr(start + 7, text.find(']', start) - start - 7));
    std::vector<std::string> values;
    for (std::string value; std::getline(list, value, ',');)
        values.push_back(value.substr(value.find_first_not_of(' ')));
    return values;
}

template <std::size_t... I>
std::vector<std::string> all_entity_keys(std::index_sequence<I...>) {
    return {std::string(entity_key(ChangeData{std::in_place_index<I>}))...};
}

template <std::size_t... I>
std::vector<std::string> all_event_types(std::index_sequence<I...>) {
    // Each alternative's JSON names its type: {"type":"booking",...}.
    std::vector<std::string> types;
    for (const std::string& json : {encode_event(Event{std::in_place_index<I>})...}) {
        const std::size_t start = json.find("\"type\":\"") + 8;
        types.push_back(json.substr(start, json.find('"', start) - start));
    }
    return types;
}

} // namespace

TEST_CASE("openapi.yaml lists every change entity the codec knows") {
    const std::vector<std::string> listed = entity_enum(openapi_text());
    const auto keys = all_entity_keys(std::make_index_sequence<std::variant_size_v<ChangeData>>{});
    CHECK(listed == keys);
}

TEST_CASE("openapi.yaml has a schema for every event type the codec knows") {
    const std::string text = openapi_text();
    for (const std::string& type : all_event_types(std::make_index_sequence<std::variant_size_v<Event>>{})) {
        INFO(type);
        CHECK(text.find("type: {type: string, enum: [" + type + "]}") != std::string::npos);
    }
}
