// Badge holder keys and UID normalisation.
#include "badgeuse/core/badge.hpp"

namespace badgeuse {

std::string_view holder_kind_key(HolderKind kind) {
    switch (kind) {
    case HolderKind::Child:
        return "child";
    case HolderKind::Guardian:
        return "guardian";
    case HolderKind::Staff:
        return "staff";
    }
    return "child";
}

Result<HolderKind> parse_holder_kind_key(std::string_view key) {
    for (auto kind : {HolderKind::Child, HolderKind::Guardian, HolderKind::Staff})
        if (holder_kind_key(kind) == key)
            return kind;
    return make_error("expected a badge holder among child, guardian, staff, got '" + std::string(key) + "'");
}

Result<std::string> normalise_uid(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == ':' || c == '-' || c == ' ')
            continue;
        if (c >= '0' && c <= '9')
            out += c;
        else if (c >= 'a' && c <= 'f')
            out += static_cast<char>(c - 'a' + 'A');
        else if (c >= 'A' && c <= 'F')
            out += c;
        else
            return make_error("a badge UID is hexadecimal; '" + std::string(text) + "' has '" +
                              std::string(1, c) + "'");
    }
    if (out.size() % 2 != 0 || out.size() < 8 || out.size() > 20)
        return make_error("a badge UID has 4 to 10 bytes (8 to 20 hex digits); '" + std::string(text) +
                          "' has " + std::to_string(out.size()) + " digits");
    return out;
}

} // namespace badgeuse
