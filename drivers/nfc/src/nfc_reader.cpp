// NfcReader: one thread polls with InAutoPoll, a second one (the watchdog) aborts a call that outlives
// its deadline or that a stop interrupts. libnfc's InAutoPoll waits for its reply with no timeout, so
// without the watchdog a reader that went silent would hold the thread for ever. libnfc can abort only
// the wait for a reply's first bytes: a reply cut short after them blocks until bytes or an unplug come,
// and the watchdog then says so on the status (staff unplug the reader) instead of aborting in vain.
#include "badgeuse/drivers/nfc/nfc_reader.hpp"

#include "badgeuse/drivers/presentation_filter.hpp"
#include "badgeuse/drivers/uid_bytes.hpp"
#include "nfc_handles.hpp"
#include "reader_core.hpp"
#include "stop_signal.hpp"

#include <nfc/nfc.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace badgeuse::drivers {
namespace {

using namespace std::chrono_literals;

constexpr auto kPeriodUnit = 150ms;
// libnfc only sees an abort while it waits for a reply; one sent while the command is still going out
// is lost (and leaks the pipe libnfc replaces). The command and its ACK take about a millisecond at
// 115200 baud: the watchdog leaves a call that long before aborting it, and retries if it did not end.
constexpr auto kAbortSettle = 10ms;
constexpr auto kAbortRetry = 40ms;
// Beyond the chip's own time for "nothing found", how long the reader waits before it calls it lost.
constexpr auto kReplyMargin = 700ms;
// Failures in a row before the device is closed and looked for again: one bad frame is not an unplug.
constexpr int kFailuresBeforeReopen = 3;
// Aborts of one call before the watchdog concludes libnfc is in a read it cannot abort.
constexpr int kAbortsBeforeGivingUp = 3;
// How long stop() waits for the poller before leaving it behind (it normally ends within milliseconds).
constexpr auto kStopBudget = 1000ms;

} // namespace

Result<void> validate(const NfcReaderOptions& options) {
    if (options.id.empty())
        return make_error("reader.id: expected a name for the reader, such as \"entrance\"");
    if (options.poll_period < kPeriodUnit || options.poll_period > 15 * kPeriodUnit)
        return make_error("reader.poll_ms: expected 150 to 2250 (the PN532 polls in steps of 150 ms), got " +
                          std::to_string(options.poll_period.count()));
    // A card held on the reader is seen once per poll and pause: it must be seen again well within the
    // re-arm delay, or it would tap again while still held.
    if (options.rearm < 3 * options.poll_period)
        return make_error("reader.rearm_ms: expected at least three polling periods (" +
                          std::to_string(3 * options.poll_period.count()) + " ms), got " +
                          std::to_string(options.rearm.count()));
    if (options.reopen_every < 100ms)
        return make_error("reader.reopen_ms: expected at least 100, got " +
                          std::to_string(options.reopen_every.count()));
    if (options.connstring.size() >= sizeof(nfc_connstring))
        return make_error("reader.connstring: longer than libnfc accepts (1023 characters)");
    return {};
}

std::uint8_t NfcReader::period_units(std::chrono::milliseconds poll_period) {
    auto units = (poll_period + kPeriodUnit / 2) / kPeriodUnit;
    return static_cast<std::uint8_t>(std::clamp<std::int64_t>(units, 1, 15));
}

// What the two threads share. It is held through a shared_ptr so that a poller stuck in a read libnfc
// cannot abort can be left behind at stop() without touching freed memory when it finally returns.
std::string NfcReader::libnfc_version() {
    return nfc_version();
}

class NfcWorker {
public:
    explicit NfcWorker(NfcReaderOptions options)
        : m_options(std::move(options))
        , m_core(m_options.id)
        , m_filter(m_options.rearm) {}

    NfcReaderOptions m_options;
    ReaderCore m_core;
    StopSignal m_stop;

    void run() {
        NfcContext context = make_nfc_context();
        if (!context) {
            m_core.set_status(ReaderState::Error,
                              "libnfc could not start (nfc_init failed): check that libnfc6 is installed");
        } else {
            loop(context.get());
        }
        std::lock_guard lock(m_call_mutex);
        m_poller_done = true;
        m_call_changed.notify_all();
    }

    void watch() {
        std::unique_lock lock(m_call_mutex);
        while (!m_quit_watchdog) {
            if (m_in_call == nullptr || m_gave_up) {
                m_call_changed.wait(lock);
                continue;
            }
            const auto now = std::chrono::steady_clock::now();
            const bool stopping = m_stop.requested();
            const auto earliest = m_call_started + kAbortSettle;
            if (!((stopping || now >= m_call_deadline) && now >= earliest)) {
                m_call_changed.wait_until(lock, stopping ? earliest : std::max(earliest, m_call_deadline));
                continue;
            }
            if (m_aborts_sent == kAbortsBeforeGivingUp) {
                // libnfc reads the rest of a reply it has started to receive with no timeout and no abort:
                // only bytes or an unplug end that read. More aborts would each leak a pipe in libnfc.
                m_gave_up = true;
                m_core.set_status(
                    ReaderState::Error,
                    "the NFC reader stopped answering in the middle of a reply: unplug it and plug it "
                    "back in");
                continue;
            }
            if (!stopping && m_aborts_sent == 0)
                m_core.log(LogLevel::Warning, "the NFC reader did not answer in time: aborting the poll");
            if (!stopping)
                m_watchdog_fired = true;
            ++m_aborts_sent;
            nfc_abort_command(m_in_call);
            m_call_changed.wait_for(lock, kAbortRetry);
        }
    }

    // Stops the poller; returns false when it is stuck and was left behind (silenced).
    bool finish(std::chrono::milliseconds budget) {
        m_stop.request();
        std::unique_lock lock(m_call_mutex);
        m_call_changed.notify_all();
        bool done = m_call_changed.wait_for(lock, budget, [&] { return m_poller_done; });
        m_quit_watchdog = true;
        m_call_changed.notify_all();
        return done;
    }

private:
    std::string where() const {
        return m_options.connstring.empty() ? std::string("the first NFC reader libnfc finds")
                                            : m_options.connstring;
    }
    std::string retry_text() const { return "looking again every " + seconds_text(m_options.reopen_every); }
    std::string ready_text() const { return "ready (" + m_name + ")"; }

    void loop(nfc_context* context) {
        m_core.set_status(ReaderState::Searching, "looking for " + where());
        bool first = true;
        while (!m_stop.requested()) {
            if (!first && m_stop.wait_for(m_options.reopen_every))
                break;
            first = false;
            NfcDevice device(
                nfc_open(context, m_options.connstring.empty() ? nullptr : m_options.connstring.c_str()));
            if (!device) {
                m_core.set_status(ReaderState::Searching, "no NFC reader answers at " + where() +
                                                              ": check that it is plugged in; " +
                                                              retry_text());
                continue;
            }
            if (nfc_initiator_init(device.get()) < 0) {
                m_core.set_status(ReaderState::Searching,
                                  std::string("the NFC reader refused to start polling (") +
                                      nfc_strerror(device.get()) + "); " + retry_text());
                continue;
            }
            m_name = nfc_device_get_name(device.get());
            m_core.set_status(ReaderState::Connected, ready_text());
            poll_until_lost(device.get());
        }
    }

    void poll_until_lost(nfc_device* device) {
        const nfc_modulation modulation{NMT_ISO14443A, NBR_106};
        const std::uint8_t period = NfcReader::period_units(m_options.poll_period);
        // Two target types go out (ISO 14443-4A and MIFARE, libnfc's default for ISO 14443-A).
        const auto chip_time = kPeriodUnit * period * NfcReader::kPollCount * 2;
        int failures = 0;
        while (!m_stop.requested()) {
            nfc_target target{};
            {
                std::lock_guard lock(m_call_mutex);
                m_in_call = device;
                m_call_started = std::chrono::steady_clock::now();
                m_call_deadline = m_call_started + chip_time + kReplyMargin;
                m_watchdog_fired = false;
                m_gave_up = false;
                m_aborts_sent = 0;
                m_call_changed.notify_all();
            }
            int found =
                nfc_initiator_poll_target(device, &modulation, 1, NfcReader::kPollCount, period, &target);
            bool watchdog_fired = false;
            {
                std::lock_guard lock(m_call_mutex);
                m_in_call = nullptr;
                watchdog_fired = m_watchdog_fired;
                m_call_changed.notify_all();
            }
            const auto at = std::chrono::steady_clock::now();
            if (m_stop.requested())
                return;
            if (found < 0) {
                if (watchdog_fired) {
                    m_core.set_status(ReaderState::Searching,
                                      "the NFC reader stopped answering; reopening it, " + retry_text());
                    return;
                }
                m_core.log(LogLevel::Warning, std::string("polling failed: ") + nfc_strerror(device));
                if (++failures >= kFailuresBeforeReopen) {
                    m_core.set_status(ReaderState::Searching, std::string("lost the NFC reader (") +
                                                                  nfc_strerror(device) +
                                                                  "): " + retry_text());
                    return;
                }
                continue;
            }
            failures = 0;
            if (found == 0) {
                m_core.set_status(ReaderState::Connected, ready_text());
                continue;
            }
            if (found >= 2) {
                m_filter.crowded(at);
                m_core.set_status(ReaderState::Connected,
                                  "two badges on the reader at once: ignored; present one badge at a time");
            } else {
                m_core.set_status(ReaderState::Connected, ready_text());
                deliver(target, at);
            }
            // The chip reports a card still held at once: pause a period rather than spin on it.
            m_stop.wait_for(m_options.poll_period);
        }
    }

    void deliver(const nfc_target& target, MonotonicTime at) {
        if (target.nm.nmt != NMT_ISO14443A)
            return;
        const auto& info = target.nti.nai;
        // libnfc's target structures are packed: copy the length out rather than bind a reference to it.
        const std::size_t declared = info.szUidLen;
        const std::size_t length = declared < sizeof info.abtUid ? declared : sizeof info.abtUid;
        if (length != 4 && length != 7 && length != 10) {
            m_core.log(LogLevel::Warning, "ignored a card with a " + std::to_string(length) +
                                              "-byte UID (ISO 14443-A has 4, 7 or 10)");
            return;
        }
        std::string uid = uid_to_hex(std::span(info.abtUid, length));
        if (m_filter.seen(uid, at))
            m_core.tap(std::move(uid), at);
    }

    PresentationFilter m_filter; // kept across reopenings: a glitch must not tap a held card again
    std::string m_name;

    std::mutex m_call_mutex;
    std::condition_variable m_call_changed;
    nfc_device* m_in_call = nullptr; // the device inside nfc_initiator_poll_target, which may be aborted
    MonotonicTime m_call_started{};
    MonotonicTime m_call_deadline{};
    int m_aborts_sent = 0;
    bool m_watchdog_fired = false;
    bool m_gave_up = false;
    bool m_poller_done = false;
    bool m_quit_watchdog = false;
};

class NfcReader::Impl {
public:
    explicit Impl(NfcReaderOptions options)
        : m_options(std::move(options)) {}
    ~Impl() { stop(); }

    Result<void> start(ReaderCallbacks callbacks) {
        if (m_poller.joinable())
            return make_error("the NFC reader '" + m_options.id + "' is already running");
        if (auto valid = validate(m_options); !valid)
            return valid;
        // A fresh worker per start: one left behind by an earlier stop() may still be finishing.
        m_worker = std::make_shared<NfcWorker>(m_options);
        m_worker->m_core.set_callbacks(std::move(callbacks));
        m_watchdog = std::thread([worker = m_worker] { worker->watch(); });
        m_poller = std::thread([worker = m_worker] { worker->run(); });
        return {};
    }

    void stop() {
        if (!m_poller.joinable())
            return;
        bool finished = m_worker->finish(kStopBudget);
        m_watchdog.join();
        if (finished) {
            m_poller.join();
        } else {
            m_worker->m_core.set_status(ReaderState::Stopped, "");
            m_worker->m_core.log(LogLevel::Error, "the NFC reader's thread is stuck in libnfc; left behind");
            m_worker->m_core.silence();
            m_poller.detach(); // it holds the worker alive, and returns once the port delivers or goes away
            return;
        }
        m_worker->m_core.set_status(ReaderState::Stopped, "");
    }

    ReaderStatus status() const {
        return m_worker ? m_worker->m_core.status() : ReaderStatus{ReaderState::Stopped, ""};
    }
    const std::string& id() const { return m_options.id; }

private:
    NfcReaderOptions m_options;
    std::shared_ptr<NfcWorker> m_worker;
    std::thread m_poller;
    std::thread m_watchdog;
};

NfcReader::NfcReader(NfcReaderOptions options)
    : m_impl(std::make_unique<Impl>(std::move(options))) {}
NfcReader::~NfcReader() = default;
Result<void> NfcReader::start(ReaderCallbacks callbacks) {
    return m_impl->start(std::move(callbacks));
}
void NfcReader::stop() {
    m_impl->stop();
}
ReaderStatus NfcReader::status() const {
    return m_impl->status();
}
const std::string& NfcReader::id() const {
    return m_impl->id();
}

} // namespace badgeuse::drivers
