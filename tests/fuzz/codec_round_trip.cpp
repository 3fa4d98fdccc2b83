// Round trips of every protocol decoder (see codec_round_trip.hpp).
#include "codec_round_trip.hpp"

#include "badgeuse/protocol/codec.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace badgeuse::fuzz {
namespace {

// A failed property is a crash for libFuzzer: it saves the input and reports where.
[[noreturn]] void broken(std::string_view what, std::string_view first, std::string_view second) {
    std::fprintf(stderr, "codec round trip broken: %.*s\n  first encoding:  %.*s\n  second: %.*s\n",
                 static_cast<int>(what.size()), what.data(), static_cast<int>(first.size()), first.data(),
                 static_cast<int>(second.size()), second.data());
    std::abort();
}

// decode(text) accepted: its encoding must decode again, and encode to the very same text.
template <typename Decode>
void round_trip(std::string_view what, std::string_view text, Decode decode) {
    auto first = decode(text);
    if (!first)
        return;
    const std::string encoded = protocol::encode(*first);
    auto second = decode(encoded);
    if (!second)
        broken(what, encoded, second.error().message);
    const std::string again = protocol::encode(*second);
    if (again != encoded)
        broken(what, encoded, again);
}

// The entities of the change log, as decode_change_data names them (unknown ones must fail cleanly).
constexpr std::array kEntities{"family",        "guardian",    "child",   "badge", "activity",
                               "closed_period", "reservation", "absence", "staff", "pin"};

} // namespace

void check_every_decoder(std::string_view text) {
    round_trip("enroll request", text, protocol::decode_enroll_request);
    round_trip("enroll response", text, protocol::decode_enroll_response);
    round_trip("pull response", text, protocol::decode_pull_response);
    round_trip("push request", text, protocol::decode_push_request);
    round_trip("push response", text, protocol::decode_push_response);
    round_trip("time response", text, protocol::decode_time_response);
    round_trip("error response", text, protocol::decode_error_response);

    for (std::string_view entity : kEntities) {
        auto data = protocol::decode_change_data(entity, text);
        if (!data)
            continue;
        const std::string encoded = protocol::encode_change_data(*data);
        auto again = protocol::decode_change_data(protocol::entity_key(*data), encoded);
        if (!again)
            broken("change data", encoded, again.error().message);
        if (protocol::encode_change_data(*again) != encoded)
            broken("change data", encoded, protocol::encode_change_data(*again));
    }

    if (auto event = protocol::decode_event(text)) {
        const std::string encoded = protocol::encode_event(*event);
        auto again = protocol::decode_event(encoded);
        if (!again)
            broken("event", encoded, again.error().message);
        if (protocol::encode_event(*again) != encoded)
            broken("event", encoded, protocol::encode_event(*again));
    }
}

void check_pull_query(std::string_view query) {
    auto request = protocol::decode_pull_query(query);
    if (!request)
        return;
    const std::string encoded = protocol::encode_query(*request);
    auto again = protocol::decode_pull_query(encoded);
    if (!again)
        broken("pull query", encoded, again.error().message);
    if (protocol::encode_query(*again) != encoded)
        broken("pull query", encoded, protocol::encode_query(*again));
}

} // namespace badgeuse::fuzz
