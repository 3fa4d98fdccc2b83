// Pn532Emulator: a thread answering libnfc's frames on a pty master, and the script's calls, which run
// on that thread (so that no file descriptor is closed under a poll() in progress).
#include "badgeuse/drivers/sim/pn532_emulator.hpp"

#include "badgeuse/drivers/sim/pn532_frame.hpp"
#include "badgeuse/drivers/uid_bytes.hpp"
#include "badgeuse/drivers/unique_fd.hpp"
#include "stop_signal.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <poll.h>
#include <random>
#include <system_error>
#include <termios.h>
#include <thread>

namespace badgeuse::drivers {
namespace {

using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;

// PN532 command codes (user manual §7) that libnfc 1.8.0 sends to a PN532 on UART.
enum Command : std::uint8_t {
    kDiagnose = 0x00,
    kGetFirmwareVersion = 0x02,
    kReadRegister = 0x06,
    kWriteRegister = 0x08,
    kSetParameters = 0x12,
    kSamConfiguration = 0x14,
    kPowerDown = 0x16,
    kRfConfiguration = 0x32,
    kInDataExchange = 0x40,
    kInCommunicateThru = 0x42,
    kInDeselect = 0x44,
    kInListPassiveTarget = 0x4A,
    kInRelease = 0x52,
    kInAutoPoll = kPn532InAutoPoll,
};

constexpr std::uint8_t kTypeMifare = 0x10;     // InAutoPoll target type: ISO 14443-A, MIFARE
constexpr std::uint8_t kTypeIso14443_4 = 0x20; // InAutoPoll target type: ISO 14443-4A
constexpr auto kSlot = 150ms;                  // the PN532's polling period unit

bool is_ultralight(const EmulatedCard& card) {
    return card.atqa[0] == 0x00 && card.atqa[1] == 0x44 && card.sak == 0x00;
}

// The UID as a re-select by UID sends it (cascade tags before each full cascade level).
Bytes cascaded(const Bytes& uid) {
    if (uid.size() == 7) {
        Bytes out{0x88};
        out.insert(out.end(), uid.begin(), uid.end());
        return out;
    }
    if (uid.size() == 10) {
        Bytes out{0x88, uid[0], uid[1], uid[2], 0x88};
        out.insert(out.end(), uid.begin() + 3, uid.end());
        return out;
    }
    return uid;
}

void append_target(Bytes& out, std::uint8_t number, const EmulatedCard& card, bool with_ats) {
    out.push_back(number);
    out.push_back(card.atqa[0]);
    out.push_back(card.atqa[1]);
    out.push_back(card.sak);
    out.push_back(static_cast<std::uint8_t>(card.uid.size()));
    out.insert(out.end(), card.uid.begin(), card.uid.end());
    if (with_ats && !card.ats.empty()) {
        out.push_back(static_cast<std::uint8_t>(card.ats.size() + 1)); // TL counts itself
        out.insert(out.end(), card.ats.begin(), card.ats.end());
    }
}

std::string errno_text(int error) {
    return std::error_code(error, std::generic_category()).message();
}

} // namespace

Result<EmulatedCard> EmulatedCard::from_uid(std::string_view uid_hex) {
    auto bytes = uid_from_hex(uid_hex);
    if (!bytes)
        return bytes.error();
    if (bytes->size() == 7)
        return ultralight(std::move(*bytes));
    if (bytes->size() == 10)
        return iso14443_4(std::move(*bytes));
    return mifare_classic(std::move(*bytes));
}

EmulatedCard EmulatedCard::mifare_classic(std::vector<std::uint8_t> uid) {
    return EmulatedCard{std::move(uid), {0x00, 0x04}, 0x08, {}};
}
EmulatedCard EmulatedCard::ultralight(std::vector<std::uint8_t> uid) {
    return EmulatedCard{std::move(uid), {0x00, 0x44}, 0x00, {}};
}
EmulatedCard EmulatedCard::iso14443_4(std::vector<std::uint8_t> uid) {
    // ATQA's bits 7-6 give the UID size (00 single, 01 double, 10 triple); ATS as a DESFire EV1's.
    std::uint8_t size_bits = uid.size() == 10 ? 0x80 : uid.size() == 7 ? 0x40 : 0x00;
    return EmulatedCard{std::move(uid),
                        {0x03, static_cast<std::uint8_t>(size_bits | 0x04)},
                        0x20,
                        {0x75, 0x77, 0x81, 0x02, 0x80}};
}

std::string EmulatedCard::uid_hex() const {
    return uid_to_hex(uid);
}

class Pn532Emulator::State {
public:
    explicit State(std::filesystem::path link)
        : m_link(std::move(link)) {}
    ~State() { quit(); }

    Result<void> begin() {
        if (auto plugged = plug(); !plugged)
            return plugged;
        m_thread = std::thread([this] { loop(); });
        return {};
    }

    void quit() {
        if (!m_thread.joinable())
            return;
        m_stop.request();
        m_thread.join();
        unplug();
    }

    // Runs `f` on the emulator's thread and returns its result.
    template <typename F>
    auto run(F f) -> decltype(f()) {
        using R = decltype(f());
        auto task = std::make_shared<std::packaged_task<R()>>(std::move(f));
        auto done = task->get_future();
        {
            std::lock_guard lock(m_tasks_mutex);
            m_tasks.emplace_back([task] { (*task)(); });
        }
        m_wake.request_once();
        return done.get();
    }

    // Script actions, on the emulator's thread.
    MonotonicTime present(EmulatedCard card) {
        auto now = std::chrono::steady_clock::now();
        std::erase_if(m_field, [&](const FieldCard& c) { return c.card.uid == card.uid; });
        m_field.push_back(FieldCard{std::move(card), false});
        m_field_since = now;
        service_pending();
        return now;
    }
    void remove(const std::string& uid_hex) {
        std::erase_if(m_field, [&](const FieldCard& c) { return c.card.uid_hex() == uid_hex; });
    }
    void remove_all() { m_field.clear(); }
    void inject(Pn532Fault fault, int count, std::uint8_t command) {
        for (int i = 0; i < count; ++i)
            m_faults.push_back(PlannedFault{fault, command});
    }
    Pn532Counters counters() const {
        Pn532Counters c = m_counters;
        c.rejected = m_frames.rejected() + m_rejected_before;
        return c;
    }
    bool plugged() const { return m_master.valid(); }

    Result<void> plug() {
        if (m_master)
            return {};
        UniqueFd master(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK));
        if (!master || ::grantpt(master.get()) != 0 || ::unlockpt(master.get()) != 0)
            return make_error("cannot create a pseudo-terminal: " + errno_text(errno));
        char name[128] = {};
        if (::ptsname_r(master.get(), name, sizeof name) != 0)
            return make_error("cannot name the pseudo-terminal: " + errno_text(errno));
        // Holding the slave open keeps reads on the master from failing with EIO while no client has
        // the port; raw at once, or the line discipline would echo our replies back to us as commands.
        UniqueFd slave(::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC));
        termios raw{};
        if (!slave || ::tcgetattr(slave.get(), &raw) != 0)
            return make_error(std::string("cannot open ") + name + ": " + errno_text(errno));
        ::cfmakeraw(&raw);
        if (::tcsetattr(slave.get(), TCSANOW, &raw) != 0)
            return make_error(std::string("cannot make ") + name + " raw: " + errno_text(errno));
        // The link is swapped in one rename, so that a client never finds it missing mid-plug.
        auto temporary = m_link;
        temporary += ".new";
        std::error_code error;
        std::filesystem::remove(temporary, error);
        std::filesystem::create_symlink(name, temporary, error);
        if (!error)
            std::filesystem::rename(temporary, m_link, error);
        if (error)
            return make_error("cannot point " + m_link.string() + " at " + name + ": " + error.message());
        m_master = std::move(master);
        m_slave = std::move(slave);
        m_rejected_before += m_frames.rejected();
        m_frames = pn532::HostFrameReader{};
        return {};
    }

    void unplug() {
        m_pending.reset();
        m_master.reset();
        m_slave.reset();
        std::error_code ignored;
        std::filesystem::remove(m_link, ignored);
    }

    const std::filesystem::path& link() const { return m_link; }

private:
    struct FieldCard {
        EmulatedCard card;
        bool halted = false;
    };
    enum class PendingKind { AutoPoll, ListPassive };
    struct Pending {
        PendingKind kind = PendingKind::AutoPoll;
        MonotonicTime started;
        std::chrono::milliseconds slot{150};
        std::optional<MonotonicTime> deadline; // none: wait for a card for ever
        Bytes types;                           // InAutoPoll's target types
        std::uint8_t max_targets = 1;          // InListPassiveTarget's MaxTg
    };

    // A second eventfd-like signal for the script's tasks: StopSignal's fd doubles as a wake-up.
    class Wake {
    public:
        void request_once() { m_signal.request(); }
        void drain() { m_signal.reset(); }
        int fd() const { return m_signal.fd(); }

    private:
        StopSignal m_signal;
    };

    void loop() {
        while (!m_stop.requested()) {
            std::array<pollfd, 3> fds{};
            fds[0] = {m_stop.fd(), POLLIN, 0};
            fds[1] = {m_wake.fd(), POLLIN, 0};
            nfds_t count = 2;
            if (m_master)
                fds[count++] = {m_master.get(), POLLIN, 0};
            int result = ::poll(fds.data(), count, timeout_ms());
            if (result < 0 && errno != EINTR)
                break;
            if (count == 3 && (fds[2].revents & POLLIN) != 0 && m_master)
                read_master();
            if ((fds[1].revents & POLLIN) != 0)
                run_tasks();
            service_pending();
        }
    }

    int timeout_ms() const {
        auto due = pending_due();
        if (!due)
            return -1;
        auto left = std::chrono::ceil<std::chrono::milliseconds>(*due - std::chrono::steady_clock::now());
        return static_cast<int>(std::max<std::int64_t>(0, left.count()));
    }

    void run_tasks() {
        m_wake.drain();
        std::deque<std::function<void()>> tasks;
        {
            std::lock_guard lock(m_tasks_mutex);
            tasks.swap(m_tasks);
        }
        for (auto& task : tasks)
            task();
    }

    void read_master() {
        std::array<std::uint8_t, 1024> buffer{};
        for (;;) {
            auto n = ::read(m_master.get(), buffer.data(), buffer.size());
            if (n <= 0)
                break;
            m_frames.feed(std::span(buffer.data(), static_cast<std::size_t>(n)));
        }
        while (auto frame = m_frames.next()) {
            switch (frame->kind) {
            case pn532::HostFrame::Kind::Ack:
                // The host aborts the command in progress (libnfc's nfc_abort_command).
                ++m_counters.aborts;
                m_pending.reset();
                break;
            case pn532::HostFrame::Kind::Nack:
                write(m_last_reply);
                break;
            case pn532::HostFrame::Kind::Command:
                ++m_counters.commands;
                m_pending.reset(); // a new command ends whatever the chip was doing
                write(pn532::ack_frame());
                handle(frame->data);
                break;
            }
        }
    }

    void write(const Bytes& bytes) {
        if (!m_master || bytes.empty())
            return;
        // A client that does not read fills the pty's buffer; the chip would drop bytes too.
        [[maybe_unused]] auto written = ::write(m_master.get(), bytes.data(), bytes.size());
    }

    void reply(std::uint8_t command, const Bytes& data) {
        Bytes frame = pn532::reply_frame(command, data);
        m_last_reply = frame;
        if (m_faults.empty() ||
            (m_faults.front().command != kAnyPn532Command && m_faults.front().command != command)) {
            write(frame);
            return;
        }
        Pn532Fault fault = m_faults.front().fault;
        m_faults.pop_front();
        ++m_counters.faults_sent;
        switch (fault) {
        case Pn532Fault::BadDataChecksum:
            frame[frame.size() - 2] ^= 0x5A;
            break;
        case Pn532Fault::BadLengthChecksum:
            frame[4] ^= 0x01;
            break;
        case Pn532Fault::WrongCommandCode:
            // Well formed, checksums right, but the reply code of another command.
            frame = pn532::reply_frame(static_cast<std::uint8_t>(command + 2), data);
            break;
        case Pn532Fault::Garbage: {
            std::uniform_int_distribution<int> byte(0, 255);
            for (auto& b : frame)
                b = static_cast<std::uint8_t>(byte(m_random));
            frame[0] = 0x55; // never a valid preamble by chance
            break;
        }
        case Pn532Fault::ErrorFrame:
            frame = pn532::error_frame();
            break;
        case Pn532Fault::Truncated:
            frame.resize(frame.size() / 2);
            break;
        case Pn532Fault::Silence:
            frame.clear();
            break;
        }
        write(frame);
    }

    void handle(const Bytes& d) {
        const std::uint8_t command = d[0];
        auto now = std::chrono::steady_clock::now();
        switch (command) {
        case kDiagnose:
            if (d.size() >= 2 && d[1] == 0x00) {
                // Communication test: the chip echoes what follows the test number.
                if (d.size() == 8 && std::memcmp(d.data() + 2, "libnfc", 6) == 0)
                    ++m_counters.opens;
                reply(command, Bytes(d.begin() + 1, d.end()));
            } else {
                reply(command, {0x00});
            }
            return;
        case kGetFirmwareVersion:
            // IC 0x32 (PN532), firmware 1.6, supports ISO 14443-A, -B and ISO 18092.
            reply(command, {0x32, 0x01, 0x06, 0x07});
            return;
        case kReadRegister: {
            Bytes values;
            for (std::size_t i = 1; i + 1 < d.size(); i += 2)
                values.push_back(m_registers[static_cast<std::uint16_t>(d[i] << 8 | d[i + 1])]);
            reply(command, values);
            return;
        }
        case kWriteRegister:
            for (std::size_t i = 1; i + 2 < d.size(); i += 3)
                m_registers[static_cast<std::uint16_t>(d[i] << 8 | d[i + 1])] = d[i + 2];
            reply(command, {});
            return;
        case kSetParameters:
        case kSamConfiguration:
            reply(command, {});
            return;
        case kPowerDown:
            ++m_counters.power_downs;
            reply(command, {0x00});
            return;
        case kRfConfiguration:
            if (d.size() >= 3 && d[1] == 0x01 && (d[2] & 0x01) == 0) {
                // Field off: every card loses power, so halted ones will answer again.
                for (auto& c : m_field)
                    c.halted = false;
                m_selected.reset();
            }
            if (d.size() >= 5 && d[1] == 0x05)
                m_passive_retries = d[4];
            reply(command, {});
            return;
        case kInDataExchange:
            in_data_exchange(d);
            return;
        case kInCommunicateThru:
            reply(command, {0x01});
            return;
        case kInDeselect:
            if (auto* card = selected())
                card->halted = true;
            m_selected.reset();
            reply(command, {0x00});
            return;
        case kInRelease:
            m_selected.reset();
            reply(command, {0x00});
            return;
        case kInListPassiveTarget:
            in_list_passive_target(d, now);
            return;
        case kInAutoPoll:
            in_auto_poll(d, now);
            return;
        default:
            write(pn532::error_frame());
            return;
        }
    }

    FieldCard* selected() {
        if (!m_selected)
            return nullptr;
        for (auto& c : m_field)
            if (c.card.uid == *m_selected)
                return &c;
        return nullptr;
    }

    void in_data_exchange(const Bytes& d) {
        auto* card = selected();
        if (card != nullptr && d.size() >= 4 && d[2] == 0x30 && is_ultralight(card->card)) {
            Bytes page{0x00};
            page.insert(page.end(), card->card.uid.begin(), card->card.uid.end());
            page.resize(17, 0x00);
            reply(kInDataExchange, page);
            return;
        }
        reply(kInDataExchange, {0x01}); // "time out": the card did not answer
    }

    void in_list_passive_target(const Bytes& d, MonotonicTime now) {
        std::uint8_t max_targets = d.size() >= 2 ? std::clamp<std::uint8_t>(d[1], 1, 2) : 1;
        if (d.size() < 3 || d[2] != 0x00) {
            reply(kInListPassiveTarget, {0x00}); // only ISO 14443-A at 106 kbps is in this field
            return;
        }
        if (d.size() > 3) {
            // Select by UID: a halted card answers too (the re-select libnfc's presence check does).
            Bytes wanted(d.begin() + 3, d.end());
            for (auto& c : m_field) {
                if (cascaded(c.card.uid) == wanted || c.card.uid == wanted) {
                    c.halted = false;
                    m_selected = c.card.uid;
                    Bytes out{0x01};
                    append_target(out, 1, c.card, true);
                    reply(kInListPassiveTarget, out);
                    return;
                }
            }
            reply(kInListPassiveTarget, {0x00});
            return;
        }
        Pending pending{PendingKind::ListPassive, now, kSlot, std::nullopt, {}, max_targets};
        if (m_passive_retries != 0xFF)
            pending.deadline = now; // a bounded number of retries: answers at once
        m_pending = pending;
        service_pending();
    }

    void in_auto_poll(const Bytes& d, MonotonicTime now) {
        ++m_counters.auto_polls;
        m_counters.last_auto_poll = d;
        if (d.size() < 4) {
            write(pn532::error_frame());
            return;
        }
        Pending pending;
        pending.kind = PendingKind::AutoPoll;
        pending.started = now;
        pending.slot = std::chrono::duration_cast<std::chrono::milliseconds>(kSlot * std::max<int>(1, d[2]));
        pending.types.assign(d.begin() + 3, d.end());
        if (d[1] != 0xFF)
            pending.deadline = now + pending.slot * d[1] * static_cast<int>(pending.types.size());
        m_pending = pending;
        service_pending();
    }

    std::vector<FieldCard*> answering(bool include_halted) {
        std::vector<FieldCard*> cards;
        for (auto& c : m_field)
            if (include_halted || !c.halted)
                cards.push_back(&c);
        return cards;
    }

    // When the pending command will have something to say: the next detection slot once a card is
    // there, or its deadline.
    std::optional<MonotonicTime> pending_due() const {
        if (!m_pending)
            return std::nullopt;
        bool card_there = std::any_of(m_field.begin(), m_field.end(), [&](const FieldCard& c) {
            return m_pending->kind == PendingKind::AutoPoll || !c.halted;
        });
        if (card_there) {
            auto from = std::max(m_pending->started, m_field_since) - m_pending->started;
            auto slots = (from + m_pending->slot - 1ns) / m_pending->slot;
            auto at = m_pending->started + m_pending->slot * slots;
            return m_pending->deadline ? std::min(at, *m_pending->deadline) : at;
        }
        return m_pending->deadline;
    }

    void service_pending() {
        if (!m_pending || !m_master)
            return;
        auto due = pending_due();
        if (!due || std::chrono::steady_clock::now() < *due)
            return;
        Pending pending = *m_pending;
        m_pending.reset();
        if (pending.kind == PendingKind::AutoPoll) {
            Bytes out{0x00};
            std::uint8_t found = 0;
            for (auto* c : answering(true)) {
                if (found == 2)
                    break;
                bool wants_4 = std::find(pending.types.begin(), pending.types.end(), kTypeIso14443_4) !=
                               pending.types.end();
                bool wants_a =
                    std::find(pending.types.begin(), pending.types.end(), kTypeMifare) != pending.types.end();
                bool as_4 = (c->card.sak & 0x20) != 0 && wants_4;
                if (!as_4 && !wants_a)
                    continue;
                Bytes target;
                append_target(target, static_cast<std::uint8_t>(found + 1), c->card, as_4);
                out.push_back(as_4 ? kTypeIso14443_4 : kTypeMifare);
                out.push_back(static_cast<std::uint8_t>(target.size()));
                out.insert(out.end(), target.begin(), target.end());
                if (found == 0)
                    m_selected = c->card.uid;
                ++found;
            }
            out[0] = found;
            reply(kInAutoPoll, out);
            return;
        }
        Bytes out{0x00};
        std::uint8_t found = 0;
        for (auto* c : answering(false)) {
            if (found == pending.max_targets)
                break;
            append_target(out, static_cast<std::uint8_t>(found + 1), c->card, true);
            if (found == 0)
                m_selected = c->card.uid;
            ++found;
        }
        out[0] = found;
        reply(kInListPassiveTarget, out);
    }

    std::filesystem::path m_link;
    UniqueFd m_master;
    UniqueFd m_slave;
    StopSignal m_stop;
    Wake m_wake;
    std::thread m_thread;
    std::mutex m_tasks_mutex;
    std::deque<std::function<void()>> m_tasks;

    // The chip, touched only on the emulator's thread.
    pn532::HostFrameReader m_frames;
    std::size_t m_rejected_before = 0;
    std::vector<FieldCard> m_field;
    MonotonicTime m_field_since{};
    std::optional<Bytes> m_selected;
    std::map<std::uint16_t, std::uint8_t> m_registers;
    std::uint8_t m_passive_retries = 0xFF;
    std::optional<Pending> m_pending;
    Bytes m_last_reply;
    struct PlannedFault {
        Pn532Fault fault;
        std::uint8_t command;
    };
    std::deque<PlannedFault> m_faults;
    Pn532Counters m_counters;
    std::mt19937 m_random{20240605};
};

Result<std::unique_ptr<Pn532Emulator>> Pn532Emulator::start(std::filesystem::path link) {
    auto state = std::make_unique<State>(std::move(link));
    if (auto begun = state->begin(); !begun)
        return begun.error();
    return std::unique_ptr<Pn532Emulator>(new Pn532Emulator(std::move(state)));
}

Pn532Emulator::Pn532Emulator(std::unique_ptr<State> state)
    : m_state(std::move(state)) {}
Pn532Emulator::~Pn532Emulator() = default;

std::string Pn532Emulator::connstring() const {
    return "pn532_uart:" + m_state->link().string() + ":115200";
}
const std::filesystem::path& Pn532Emulator::link() const {
    return m_state->link();
}

MonotonicTime Pn532Emulator::present(EmulatedCard card) {
    return m_state->run([&] { return m_state->present(std::move(card)); });
}
void Pn532Emulator::remove(std::string_view uid_hex) {
    auto bytes = uid_from_hex(uid_hex);
    std::string uid = bytes ? uid_to_hex(*bytes) : std::string(uid_hex);
    m_state->run([&] { m_state->remove(uid); });
}
void Pn532Emulator::remove_all() {
    m_state->run([&] { m_state->remove_all(); });
}
void Pn532Emulator::unplug() {
    m_state->run([&] { m_state->unplug(); });
}
Result<void> Pn532Emulator::plug() {
    return m_state->run([&] { return m_state->plug(); });
}
bool Pn532Emulator::plugged() const {
    return m_state->run([&] { return m_state->plugged(); });
}
void Pn532Emulator::inject(Pn532Fault fault, int count, std::uint8_t command) {
    m_state->run([&] { m_state->inject(fault, count, command); });
}
Pn532Counters Pn532Emulator::counters() const {
    return m_state->run([&] { return m_state->counters(); });
}

} // namespace badgeuse::drivers
