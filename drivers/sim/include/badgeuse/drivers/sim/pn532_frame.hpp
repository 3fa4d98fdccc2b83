// PN532 UART framing as libnfc 1.8.0 speaks it: host frames in (commands, ACK = abort, NACK = resend),
// chip frames out (ACK, replies, the application error frame). Used by the PN532 emulator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace badgeuse::drivers::pn532 {

inline constexpr std::uint8_t kHostToChip = 0xD4; // TFI of a command
inline constexpr std::uint8_t kChipToHost = 0xD5; // TFI of a reply

// The chip's ACK, and the frame it sends for a command it cannot parse ("syntax error").
std::vector<std::uint8_t> ack_frame();
std::vector<std::uint8_t> error_frame();
// `00 00 FF LEN LCS D5 <command+1> data… DCS 00`, a normal frame (data up to 253 bytes).
std::vector<std::uint8_t> reply_frame(std::uint8_t command, std::span<const std::uint8_t> data);
// `00 00 FF LEN LCS D4 data… DCS 00`: what libnfc sends (the emulator's tests build commands with it).
std::vector<std::uint8_t> command_frame(std::span<const std::uint8_t> data);

struct HostFrame {
    enum class Kind { Command, Ack, Nack };
    Kind kind = Kind::Command;
    std::vector<std::uint8_t> data; // for a command: the command code and its parameters, after D4
};

// Reassembles host frames from bytes as they come (a frame may be split across reads, several frames
// may come in one). Bytes before a start code are skipped: the wake-up `55 55 00…` libnfc sends
// before SAMConfiguration, and anything a confused line carries.
class HostFrameReader {
public:
    void feed(std::span<const std::uint8_t> bytes);
    std::optional<HostFrame> next();
    std::size_t rejected() const { return m_rejected; } // frames with a bad checksum, TFI or postamble

private:
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_rejected = 0;
};

} // namespace badgeuse::drivers::pn532
