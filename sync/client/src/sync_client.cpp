// The client's loop, one coroutine on the client's io_context: wait for a reason to talk to the portal
// (a local event, the pull interval, "sync now", the end of a backoff), then one cycle: the clock
// offset and a pull on full cycles, the outbox push on every cycle. All state lives on that thread;
// the public calls only post to it.
#include "badgeuse/sync/sync_client.hpp"

#include "badgeuse/protocol/codec.hpp"
#include "badgeuse/sync/event_times.hpp"
#include "badgeuse/sync/page_applier.hpp"
#include "transport.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <thread>

namespace badgeuse::sync {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using Steady = std::chrono::steady_clock;

std::function<double()> random_uniform() {
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

Error local_failure(const Error& error) {
    return make_error("the kiosk's database: " + error.message);
}

} // namespace

struct SyncClient::Impl {
    Impl(ClientSettings s, Replica& r, const Clock& c, ClientCallbacks cb)
        : settings(std::move(s))
        , replica(&r)
        , clock(&c)
        , callbacks(std::move(cb))
        , transport(settings.server, settings.request_timeout)
        , backoff(settings.backoff, callbacks.uniform ? callbacks.uniform : random_uniform())
        , wake(io) {
        state.server = settings.server.text();
    }

    void log(LogLevel level, std::string_view line) const {
        if (callbacks.on_log)
            callbacks.on_log(level, line);
    }

    void publish() {
        if (auto waiting = replica->events_waiting_count())
            state.events_waiting = *waiting;
        if (callbacks.on_state)
            callbacks.on_state(state);
    }

    std::vector<std::pair<std::string, std::string>> headers(std::int64_t outbox) const {
        return {{"Authorization", "Bearer " + settings.token}, {"X-Badgeuse-Outbox", std::to_string(outbox)}};
    }

    // `outbox`: what X-Badgeuse-Outbox says, the events still waiting once this request is answered; by
    // default all of them (a push says how many stay beside its batch).
    asio::awaitable<Result<detail::HttpReply>> call(http::verb method, std::string target, std::string body,
                                                    std::string_view what,
                                                    std::optional<std::int64_t> outbox = std::nullopt) {
        detail::HttpRequest request{method, std::move(target), std::move(body),
                                    headers(outbox.value_or(state.events_waiting))};
        auto reply = co_await transport.exchange(std::move(request));
        if (!reply)
            co_return reply.error();
        if (reply->status != 200)
            co_return make_error(detail::describe_refusal(what, *reply));
        co_return reply;
    }

    asio::awaitable<Result<void>> measure_clock() {
        const Instant sent = clock->now();
        auto reply = co_await call(http::verb::get, "/v1/time", {}, "GET /v1/time");
        const Instant received = clock->now();
        if (!reply)
            co_return reply.error();
        auto time = protocol::decode_time_response(reply->body);
        if (!time)
            co_return make_error("the portal's time does not decode: " + time.error().message);
        const ClockOffset measured = measure_offset(sent, time->server_time, received);
        const bool was_warning = state.clock && state.clock->warning();
        if (measured.warning() && !was_warning)
            log(LogLevel::Warning, "the kiosk's clock is " + std::to_string(measured.offset.count() / 1000) +
                                       " s off the portal's (portal minus kiosk): fix the kiosk's time");
        state.clock = measured;
        co_return Result<void>{};
    }

    // Returns how many events were pushed (0: the outbox was empty, no request was made).
    asio::awaitable<Result<std::size_t>> push_all() {
        std::size_t pushed = 0;
        for (;;) {
            auto events = replica->events_waiting(settings.push_batch);
            if (!events)
                co_return local_failure(events.error());
            if (events->empty())
                co_return pushed;
            const std::size_t sent = events->size();
            auto waiting = replica->events_waiting_count();
            if (waiting)
                state.events_waiting = *waiting;
            // Times travel on the portal's clock once it has been read (the first cycle reads it).
            if (state.clock)
                for (auto& event : *events)
                    event = on_portal_clock(std::move(event), state.clock->offset);
            const std::string body = protocol::encode(protocol::PushRequest{std::move(*events)});
            // The portal's view of this kiosk ends at 0 after the last batch, not at that batch's size.
            const std::int64_t left_after =
                std::max<std::int64_t>(0, state.events_waiting - static_cast<std::int64_t>(sent));
            auto reply = co_await call(http::verb::post, "/v1/events", body, "POST /v1/events", left_after);
            if (!reply)
                co_return reply.error();
            auto answer = protocol::decode_push_response(reply->body);
            if (!answer)
                co_return make_error("the portal's answer to a push does not decode: " +
                                     answer.error().message);
            if (answer->results.size() != sent)
                co_return make_error("the portal answered " + std::to_string(answer->results.size()) +
                                     " results for " + std::to_string(sent) +
                                     " events; nothing acknowledged");
            auto acknowledged = replica->acknowledge(answer->results);
            if (!acknowledged)
                co_return local_failure(acknowledged.error());
            if (*acknowledged == 0)
                co_return make_error(
                    "the portal's results named none of the events pushed; nothing acknowledged");
            pushed += sent;
            if (auto left = replica->events_waiting_count())
                state.events_waiting = *left; // the next request's X-Badgeuse-Outbox
            if (sent < settings.push_batch)
                co_return pushed;
        }
    }

    // Page after page while the portal says more follow, applied in batches (page_applier.hpp).
    asio::awaitable<Result<void>> pull_all() {
        auto stored = replica->cursor();
        if (!stored)
            co_return local_failure(stored.error());
        PageApplier applier(
            *replica, *stored, settings.apply_batch, [this](std::size_t changes, std::int64_t cursor) {
                log(LogLevel::Info, "applied " + std::to_string(changes) +
                                        " changes from the portal, up to " + std::to_string(cursor));
                if (callbacks.on_pulled)
                    callbacks.on_pulled();
            });
        // What was fetched before a failure is still applied: a flaky link makes progress.
        auto fail = [&](Error error) -> Result<void> {
            if (auto finished = applier.finish(); !finished)
                return local_failure(finished.error());
            return error;
        };
        for (;;) {
            protocol::PullRequest request;
            request.after = applier.cursor();
            request.limit = settings.pull_limit;
            auto reply = co_await call(http::verb::get, "/v1/changes?" + protocol::encode_query(request), {},
                                       "GET /v1/changes");
            if (!reply)
                co_return fail(reply.error());
            auto page = protocol::decode_pull_response(reply->body);
            if (!page)
                co_return fail(
                    make_error("the portal's page of changes does not decode: " + page.error().message));
            const bool more = page->more == protocol::MorePages::Yes;
            if (more && page->cursor <= applier.cursor())
                co_return fail(
                    make_error("the portal said more changes follow but its cursor did not move past " +
                               std::to_string(applier.cursor())));
            if (auto added = applier.add(std::move(*page)); !added)
                co_return local_failure(added.error());
            if (!more) {
                if (auto finished = applier.finish(); !finished)
                    co_return local_failure(finished.error());
                co_return Result<void>{};
            }
        }
    }

    // Returns whether the portal was spoken to: a push-only cycle with an empty outbox makes no request
    // and says nothing about the link.
    asio::awaitable<Result<bool>> cycle(bool full) {
        if (auto waiting = replica->events_waiting_count())
            state.events_waiting = *waiting;
        if (full) {
            if (auto measured = co_await measure_clock(); !measured)
                co_return measured.error();
        }
        auto pushed = co_await push_all();
        if (!pushed)
            co_return pushed.error();
        if (full) {
            if (auto pulled = co_await pull_all(); !pulled)
                co_return pulled.error();
        }
        co_return full || *pushed > 0;
    }

    void settle(const Result<bool>& result, bool full) {
        const auto now = Steady::now();
        if (result && !*result)
            return;
        if (result) {
            backoff.reset();
            backing_off = false;
            if (state.link != LinkState::Online)
                log(LogLevel::Info, "the portal at " + state.server + " answers");
            state.link = LinkState::Online;
            state.offline_since.reset();
            state.last_sync = clock->now();
            if (full)
                next_pull = now + settings.pull_every;
        } else {
            const auto delay = backoff.next_delay();
            backing_off = true;
            retry_at = now + delay;
            if (state.link != LinkState::Offline)
                state.offline_since = clock->now();
            state.link = LinkState::Offline;
            state.last_error = result.error().message;
            log(backoff.failures() == 1 ? LogLevel::Warning : LogLevel::Info,
                result.error().message + " (next try in " + std::to_string(delay.count()) + " ms)");
        }
        publish();
    }

    asio::awaitable<void> run() {
        publish();
        full_wanted = true;
        for (;;) {
            const auto now = Steady::now();
            if (backing_off && now >= retry_at) {
                // A retry is a full cycle: it pushes what failed and pulls what was missed.
                backing_off = false;
                full_wanted = true;
            }
            if (!backing_off && now >= next_pull)
                full_wanted = true;
            if (!backing_off && (full_wanted || push_wanted)) {
                const bool full = full_wanted;
                full_wanted = push_wanted = false;
                auto result = co_await cycle(full);
                settle(result, full);
                continue;
            }
            wake.expires_at(backing_off ? retry_at : next_pull);
            auto [ignored] = co_await wake.async_wait(asio::as_tuple(asio::use_awaitable));
            (void)ignored; // cancelled: someone posted work; expired: the loop sees what is due
        }
    }

    ClientSettings settings;
    Replica* replica;
    const Clock* clock;
    ClientCallbacks callbacks;
    asio::io_context io; // before every object bound to it, so that it is destroyed after them
    detail::Transport transport;
    Backoff backoff;
    asio::steady_timer wake;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;
    std::thread thread;

    // The client thread's own state.
    SyncState state;
    bool full_wanted = false;
    bool push_wanted = false;
    bool backing_off = false;
    Steady::time_point next_pull{};
    Steady::time_point retry_at{};
};

SyncClient::SyncClient(ClientSettings settings, Replica& replica, const Clock& clock,
                       ClientCallbacks callbacks)
    : m_impl(std::make_unique<Impl>(std::move(settings), replica, clock, std::move(callbacks))) {}

SyncClient::~SyncClient() {
    stop();
}

Result<void> SyncClient::start() {
    if (m_impl->thread.joinable())
        return {};
    BADGEUSE_CHECK(m_impl->transport.trust(m_impl->settings.ca_file));
    Impl& impl = *m_impl;
    impl.guard.emplace(impl.io.get_executor());
    asio::co_spawn(impl.io, impl.run(), asio::detached);
    impl.thread = std::thread([&impl] { impl.io.run(); });
    return {};
}

void SyncClient::stop() {
    if (!m_impl || !m_impl->thread.joinable())
        return;
    // Stopping between two handlers: a page being applied (synchronous, inside one handler) finishes.
    m_impl->io.stop();
    m_impl->thread.join();
}

void SyncClient::notify_event() {
    Impl& impl = *m_impl;
    asio::post(impl.io, [&impl] {
        impl.push_wanted = true;
        if (!impl.backing_off)
            impl.wake.cancel();
    });
}

void SyncClient::sync_now() {
    Impl& impl = *m_impl;
    asio::post(impl.io, [&impl] {
        impl.full_wanted = true;
        impl.backing_off = false;
        impl.wake.cancel();
    });
}

} // namespace badgeuse::sync
