// Pn532Emulator: a PN532 on a serial port, emulated behind a pseudo-terminal, so that the real libnfc
// can be tested end to end without hardware. A test script puts cards on it, takes them off, unplugs it.
#pragma once

// How it was validated against libnfc 1.8.0 (Debian's libnfc6 1.8.0-2, the library the kiosk links):
//  - The facts it honours were observed by running libnfc against a PN532 emulated on a pty with
//    LIBNFC_LOG_LEVEL=3 (every frame printed): see shared/notes/pn532-uart-for-libnfc.md. They were
//    then checked against libnfc's own source (drivers/pn532_uart.c, chips/pn53x.c, buses/uart.c):
//    strict TFI/command-code/checksum/postamble checks; the Diagnose echo at open; GetFirmwareVersion
//    IC byte 0x32 (anything else and libnfc never uses InAutoPoll); InAutoPoll sent with no timeout;
//    an ACK from the host meaning "abort"; target data `Tg ATQA0 ATQA1 SAK UIDLEN UID [ATS]`.
//  - tests/drivers run libnfc's own tool `nfc-list` (package libnfc-bin) against it: it must list the
//    emulated card with its ATQA, UID and SAK, and say so for a 7-byte UID and for two cards.
//  - Every test of NfcReader drives the real libnfc through it: open, initiator init, InAutoPoll, abort,
//    close, reopen after an unplug; a frame libnfc rejects shows as a failed test, not a silent pass.
// Modelling choices (real readers differ, and libnfc does not depend on them):
//  - InAutoPoll tries to detect a card every Period × 150 ms from the command's arrival: a card present
//    at once is reported at once, one presented during the poll at the next such slot. With no card the
//    reply `D5 61 00` comes after PollNr × Period × 150 ms × (number of types); PollNr 0xFF waits forever.
//    InAutoPoll sees every card in the field (the chip cycles the field), at most two of them.
//  - A card deselected (InDeselect) after InListPassiveTarget halts: it answers again only when the RF
//    field is switched off and on (RFConfiguration item 1), when it is re-selected by UID, or when it
//    leaves and comes back.
//  - InDataExchange: an Ultralight/NTAG READ (30 page) is answered with 16 bytes while the card is
//    there; anything else, and every InCommunicateThru, answers "no answer from card" (status 01).
//  - Commands it does not know get the PN532's syntax-error frame, which libnfc reports as NFC_EIO.

#include "badgeuse/core/result.hpp"
#include "badgeuse/drivers/badge_reader.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace badgeuse::drivers {

struct EmulatedCard {
    std::vector<std::uint8_t> uid;
    std::array<std::uint8_t, 2> atqa{0x00, 0x04};
    std::uint8_t sak = 0x08;
    std::vector<std::uint8_t> ats; // ISO 14443-4 cards: the ATS without its length byte

    // A card of the usual kind for its UID's size: 4 bytes MIFARE Classic 1K, 7 bytes Ultralight/NTAG,
    // 10 bytes an ISO 14443-4 card. Any text normalise_uid accepts.
    static Result<EmulatedCard> from_uid(std::string_view uid_hex);
    static EmulatedCard mifare_classic(std::vector<std::uint8_t> uid);
    static EmulatedCard ultralight(std::vector<std::uint8_t> uid);
    static EmulatedCard iso14443_4(std::vector<std::uint8_t> uid);

    std::string uid_hex() const;
};

inline constexpr std::uint8_t kPn532InAutoPoll = 0x60;
inline constexpr std::uint8_t kAnyPn532Command = 0xFF; // not a PN532 command code

// A reply the emulator spoils on purpose, to test what bad input does to libnfc and to the reader.
enum class Pn532Fault {
    BadDataChecksum,   // DCS wrong
    BadLengthChecksum, // LCS wrong
    WrongCommandCode,  // answers another command than the one asked
    Garbage,           // random bytes instead of the reply
    ErrorFrame,        // the chip's application-level error frame
    Truncated,         // the first half of the reply, then nothing (libnfc waits for the rest)
    Silence,           // the ACK, then never a reply
};

struct Pn532Counters {
    std::size_t commands = 0;                 // valid command frames received
    std::size_t rejected = 0;                 // host frames with a bad checksum or layout
    std::size_t aborts = 0;                   // ACKs from the host (nfc_abort_command)
    std::size_t opens = 0;                    // Diagnose communication tests (one per nfc_open)
    std::size_t power_downs = 0;              // PowerDown (one per nfc_close)
    std::size_t auto_polls = 0;               // InAutoPoll commands
    std::size_t faults_sent = 0;              // spoiled replies actually sent
    std::vector<std::uint8_t> last_auto_poll; // the last InAutoPoll's bytes: 60 PollNr Period types…
};

class Pn532Emulator {
public:
    // Opens a pty, points `link` at its slave (replacing what is there) and starts answering on it.
    static Result<std::unique_ptr<Pn532Emulator>> start(std::filesystem::path link);
    ~Pn532Emulator();
    Pn532Emulator(const Pn532Emulator&) = delete;
    Pn532Emulator& operator=(const Pn532Emulator&) = delete;

    // "pn532_uart:<link>:115200", what a reader's configuration names.
    std::string connstring() const;
    const std::filesystem::path& link() const;

    // The script. Each call has taken effect on the emulated chip when it returns; present() returns
    // the moment it did (the benchmark measures from it).
    MonotonicTime present(EmulatedCard card);
    void remove(std::string_view uid_hex);
    void remove_all();
    // Closes the pty and removes the link, as a USB serial adapter pulled out; plug() brings a new pty
    // behind the same link.
    void unplug();
    Result<void> plug();
    bool plugged() const;
    // The next `count` replies to `command` (InAutoPoll unless told: the command a running reader sends
    // over and over; kAnyPn532Command for whatever comes next, nfc_open's commands included) are spoiled.
    void inject(Pn532Fault fault, int count = 1, std::uint8_t command = kPn532InAutoPoll);

    Pn532Counters counters() const;

    class State;

private:
    explicit Pn532Emulator(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace badgeuse::drivers
