// Uuid text form and version-4 construction.
#include "badgeuse/core/uuid.hpp"

namespace badgeuse {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

Uuid Uuid::from_random_bytes(std::array<std::uint8_t, 16> bytes) {
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
    Uuid id;
    id.m_bytes = bytes;
    return id;
}

Result<Uuid> Uuid::parse(std::string_view text) {
    auto bad = [&] {
        return make_error("expected a UUID as 8-4-4-4-12 hexadecimal digits, got '" + std::string(text) +
                          "'");
    };
    if (text.size() != 36)
        return bad();
    Uuid id;
    std::size_t byte = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-')
                return bad();
            ++i;
            continue;
        }
        int hi = hex_value(text[i]);
        int lo = hex_value(text[i + 1]);
        if (hi < 0 || lo < 0)
            return bad();
        id.m_bytes[byte++] = static_cast<std::uint8_t>(hi * 16 + lo);
        i += 2;
    }
    return id;
}

std::string Uuid::to_string() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < m_bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += kDigits[m_bytes[i] >> 4];
        out += kDigits[m_bytes[i] & 0x0F];
    }
    return out;
}

bool Uuid::is_nil() const {
    for (auto b : m_bytes)
        if (b != 0)
            return false;
    return true;
}

} // namespace badgeuse
