// The fuzzer's check on sync/protocol's codec: every decoder is fed the same text, and whatever one
// accepts must survive encode → decode → encode unchanged (else a kiosk could send what the portal drops).
#pragma once

#include <string_view>

namespace badgeuse::fuzz {

// Runs every message decoder, the change-data decoder for every entity and the event decoder on
// `text`; aborts the process (a libFuzzer crash) when an accepted message does not round-trip.
void check_every_decoder(std::string_view text);

// The pull's query string: decode_pull_query and, when it accepts, the same round trip.
void check_pull_query(std::string_view query);

} // namespace badgeuse::fuzz
