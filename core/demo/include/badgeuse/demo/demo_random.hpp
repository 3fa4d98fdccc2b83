// DemoRandom: the demo generator's pseudo-random numbers, identical on every platform and compiler.
// The standard library's distributions are implementation-defined, so the bounded draws are written here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace badgeuse::demo {

// SplitMix64 (Steele, Lea and Flood, 2014): one 64-bit word of state, a full 2^64 period, and output good
// enough for test data at a few cycles a draw.
class DemoRandom {
public:
    constexpr explicit DemoRandom(std::uint64_t seed)
        : m_state(seed) {}

    // A generator for one part of the data (the people, the reservations, one day of history), so that a
    // change in how one part draws does not reshuffle the others.
    static constexpr DemoRandom stream(std::uint64_t seed, std::uint64_t part) {
        return DemoRandom(mix(seed ^ mix(part + kGamma)));
    }

    constexpr std::uint64_t next() { return mix(m_state += kGamma); }

    // Uniform in [0, bound), bound >= 1: the top 32 bits scaled by a multiplication. The bias is below
    // bound / 2^32, far too small to see in a school of a few thousand children.
    constexpr std::uint32_t below(std::uint32_t bound) {
        return static_cast<std::uint32_t>(((next() >> 32) * bound) >> 32);
    }
    // Uniform in [low, high], both included.
    constexpr int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<std::uint32_t>(high - low + 1)));
    }
    // True with probability p. 53 random bits make an exact double in [0, 1), and comparing it with a
    // constant gives the same answer on every IEEE 754 machine.
    constexpr bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

    template <typename T>
    constexpr const T& pick(std::span<const T> items) {
        return items[below(static_cast<std::uint32_t>(items.size()))];
    }
    template <typename T, std::size_t N>
    constexpr const T& pick(const T (&items)[N]) {
        return items[below(static_cast<std::uint32_t>(N))];
    }

    // An index drawn in proportion to the weights (which must not all be zero).
    template <std::size_t N>
    constexpr std::size_t weighted(const int (&weights)[N]) {
        int total = 0;
        for (int w : weights)
            total += w;
        int roll = static_cast<int>(below(static_cast<std::uint32_t>(total)));
        for (std::size_t i = 0; i < N; ++i) {
            if (roll < weights[i])
                return i;
            roll -= weights[i];
        }
        return N - 1;
    }

    std::array<std::uint8_t, 16> bytes16() {
        std::array<std::uint8_t, 16> out{};
        for (std::size_t half = 0; half < 2; ++half) {
            std::uint64_t word = next();
            for (std::size_t i = 0; i < 8; ++i)
                out[half * 8 + i] = static_cast<std::uint8_t>(word >> (8 * i));
        }
        return out;
    }

private:
    static constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ULL;

    static constexpr std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state;
};

} // namespace badgeuse::demo
