// Uuid: the client-made identifier every event carries, so that the server stores it once.
// core only formats and parses; the random bytes come from the edge (libsodium, Boost.UUID).
#pragma once

#include "badgeuse/core/result.hpp"

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace badgeuse {

class Uuid {
public:
    constexpr Uuid() = default;
    // A version 4 (random) UUID made from 16 random bytes; sets the version and variant bits.
    static Uuid from_random_bytes(std::array<std::uint8_t, 16> bytes);
    static Result<Uuid> parse(std::string_view text);

    // Lower-case canonical form: 8-4-4-4-12 hexadecimal digits.
    std::string to_string() const;
    const std::array<std::uint8_t, 16>& bytes() const { return m_bytes; }
    bool is_nil() const;

    auto operator<=>(const Uuid&) const = default;

private:
    std::array<std::uint8_t, 16> m_bytes{};
};

} // namespace badgeuse

template <>
struct std::hash<badgeuse::Uuid> {
    std::size_t operator()(const badgeuse::Uuid& id) const noexcept {
        std::size_t h = 0;
        for (auto b : id.bytes())
            h = h * 131 + b;
        return h;
    }
};
