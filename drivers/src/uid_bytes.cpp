// UID bytes and hex text.
#include "badgeuse/drivers/uid_bytes.hpp"

#include "badgeuse/core/badge.hpp"

namespace badgeuse::drivers {

std::string uid_to_hex(std::span<const std::uint8_t> bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0x0F];
    }
    return out;
}

Result<std::vector<std::uint8_t>> uid_from_hex(std::string_view text) {
    auto hex = normalise_uid(text);
    if (!hex)
        return hex.error();
    auto nibble = [](char c) { return static_cast<std::uint8_t>(c <= '9' ? c - '0' : c - 'A' + 10); };
    std::vector<std::uint8_t> bytes;
    for (std::size_t i = 0; i + 1 < hex->size(); i += 2)
        bytes.push_back(static_cast<std::uint8_t>(nibble((*hex)[i]) << 4 | nibble((*hex)[i + 1])));
    return bytes;
}

} // namespace badgeuse::drivers
