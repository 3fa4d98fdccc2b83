// PN532 frames: building and reassembling.
#include "badgeuse/drivers/sim/pn532_frame.hpp"

#include <algorithm>
#include <iterator>

namespace badgeuse::drivers::pn532 {
namespace {

std::vector<std::uint8_t> normal_frame(std::uint8_t tfi, std::span<const std::uint8_t> body) {
    std::vector<std::uint8_t> frame{0x00, 0x00, 0xFF};
    auto length = static_cast<std::uint8_t>(body.size() + 1);
    frame.push_back(length);
    frame.push_back(static_cast<std::uint8_t>(0x100 - length));
    frame.push_back(tfi);
    std::uint8_t sum = tfi;
    for (std::uint8_t b : body) {
        frame.push_back(b);
        sum = static_cast<std::uint8_t>(sum + b);
    }
    frame.push_back(static_cast<std::uint8_t>(0x100 - sum));
    frame.push_back(0x00);
    return frame;
}

} // namespace

std::vector<std::uint8_t> ack_frame() {
    return {0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00};
}
std::vector<std::uint8_t> error_frame() {
    return {0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00};
}

std::vector<std::uint8_t> reply_frame(std::uint8_t command, std::span<const std::uint8_t> data) {
    std::vector<std::uint8_t> body;
    body.reserve(data.size() + 1);
    body.push_back(static_cast<std::uint8_t>(command + 1));
    body.insert(body.end(), data.begin(), data.end());
    return normal_frame(kChipToHost, body);
}

std::vector<std::uint8_t> command_frame(std::span<const std::uint8_t> data) {
    return normal_frame(kHostToChip, data);
}

void HostFrameReader::feed(std::span<const std::uint8_t> bytes) {
    m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
}

std::optional<HostFrame> HostFrameReader::next() {
    for (;;) {
        // The start code `00 FF`; the preamble 00 before it is optional on the wire.
        std::size_t start = 0;
        while (start + 1 < m_buffer.size() && !(m_buffer[start] == 0x00 && m_buffer[start + 1] == 0xFF))
            ++start;
        m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(start));
        if (m_buffer.size() < 4)
            return std::nullopt;
        std::uint8_t length = m_buffer[2];
        std::uint8_t length_check = m_buffer[3];
        auto drop = [&](std::size_t n) {
            m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(n));
        };
        if ((length == 0x00 && length_check == 0xFF) || (length == 0xFF && length_check == 0x00)) {
            // ACK (abort) or NACK (resend); the postamble 00 follows, absorbed when it is there already.
            drop(m_buffer.size() > 4 && m_buffer[4] == 0x00 ? 5 : 4);
            return HostFrame{length == 0 ? HostFrame::Kind::Ack : HostFrame::Kind::Nack, {}};
        }
        if (static_cast<std::uint8_t>(length + length_check) != 0 || length == 0) {
            // Not a frame after all (or an extended frame, which libnfc never sends for our commands):
            // skip this start code and look for the next.
            ++m_rejected;
            drop(2);
            continue;
        }
        std::size_t total = 4 + length + 2; // header, TFI and data, DCS, postamble
        if (m_buffer.size() < total)
            return std::nullopt;
        std::uint8_t sum = 0;
        for (std::size_t i = 4; i < 4 + length + 1u; ++i)
            sum = static_cast<std::uint8_t>(sum + m_buffer[i]);
        bool valid = m_buffer[4] == kHostToChip && sum == 0 && m_buffer[total - 1] == 0x00 && length >= 2;
        if (!valid) {
            ++m_rejected;
            drop(2);
            continue;
        }
        HostFrame frame{HostFrame::Kind::Command, {}};
        frame.data.assign(m_buffer.begin() + 5, m_buffer.begin() + 4 + length);
        drop(total);
        return frame;
    }
}

} // namespace badgeuse::drivers::pn532
