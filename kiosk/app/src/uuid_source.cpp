// Random UUIDs from the kernel.
#include "badgeuse/app/uuid_source.hpp"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <sys/random.h>

namespace badgeuse::app {

Uuid SystemUuidSource::next() {
    std::array<std::uint8_t, 16> bytes{};
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        auto n = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            // getrandom on Linux >= 3.17 fails only for bad arguments; a kiosk that cannot make unique
            // ids must not record events that could collide.
            std::abort();
        }
        filled += static_cast<std::size_t>(n);
    }
    return Uuid::from_random_bytes(bytes);
}

Uuid SequenceUuidSource::next() {
    std::array<std::uint8_t, 16> bytes{};
    auto n = ++m_next;
    for (std::size_t i = 0; i < 8; ++i)
        bytes[15 - i] = static_cast<std::uint8_t>(n >> (8 * i));
    return Uuid::from_random_bytes(bytes);
}

} // namespace badgeuse::app
