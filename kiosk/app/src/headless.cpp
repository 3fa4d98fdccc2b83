// JSON lines by hand: a handful of flat fields does not need a JSON library in the app layer.
#include "badgeuse/app/headless.hpp"

#include "badgeuse/core/paris_time.hpp"

#include <cstdio>

namespace badgeuse::app {
namespace {

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
            out += buffer;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string_view tone_key(Tone tone) {
    switch (tone) {
    case Tone::Green:
        return "green";
    case Tone::Orange:
        return "orange";
    case Tone::Red:
        return "red";
    case Tone::Neutral:
        return "neutral";
    }
    return "neutral";
}

} // namespace

std::string verdict_json(const CheckInOutcome& o) {
    const auto& d = o.decision;
    std::string line =
        "{\"at\":" + json_string(paris::format_iso8601(o.at)) + ",\"uid\":" + json_string(o.uid) +
        ",\"verdict\":" + json_string(verdict_key(d.verdict)) +
        ",\"tone\":" + json_string(tone_key(tone_of(d.verdict))) +
        ",\"first_name\":" + json_string(d.first_name) + ",\"activity\":" + json_string(d.activity_name) +
        ",\"health_marker\":" + (d.health_marker ? "true" : "false") +
        ",\"event\":" + (o.event_id ? json_string(o.event_id->to_string()) : std::string("null"));
    if (d.next_opening)
        line += ",\"next_opening\":" + json_string(paris::format_iso8601(*d.next_opening));
    return line + "}";
}

std::string error_json(std::string_view uid, std::string_view message) {
    return "{\"uid\":" + json_string(uid) + ",\"error\":" + json_string(message) + "}";
}

} // namespace badgeuse::app
