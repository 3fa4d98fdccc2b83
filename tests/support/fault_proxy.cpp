// The fault proxy (see fault_proxy.hpp): one Asio io_context on its own thread, one coroutine per
// connection running both directions; the first direction to end (EOF, error or a planned cut) closes both.
#include "fault_proxy.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <atomic>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>

namespace badgeuse::testing {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using namespace asio::experimental::awaitable_operators;

struct Draw {
    Fault fault = Fault::Pass;
    std::size_t offset = 0;
    std::chrono::milliseconds delay{0};
};

// What happened on one direction of one connection.
struct Outcome {
    bool cut = false;
    bool delayed = false;
};

// Copies `from` to `to` until EOF (passed on as a half close, so the other direction runs on) or an
// error; cuts after `cut_at` bytes; waits `delay` before the first chunk; keeps a copy of the bytes in
// `record` when given (for a replay). A cut or an error closes both sockets, which ends the other side.
asio::awaitable<void> pump(tcp::socket& from, tcp::socket& to, std::optional<std::size_t> cut_at,
                           std::chrono::milliseconds delay, std::string* record, Outcome& outcome) {
    std::array<char, 8192> chunk{};
    std::size_t through = 0;
    error_code error;
    auto close_both = [&] {
        from.close(error);
        to.close(error);
    };
    for (;;) {
        const std::size_t n = co_await from.async_read_some(asio::buffer(chunk),
                                                            asio::redirect_error(asio::use_awaitable, error));
        if (error == asio::error::eof) {
            to.shutdown(tcp::socket::shutdown_send, error);
            co_return;
        }
        if (error) {
            close_both();
            co_return;
        }
        if (delay.count() > 0 && !outcome.delayed) {
            asio::steady_timer timer(from.get_executor(), delay);
            co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, error));
            outcome.delayed = true;
        }
        if (cut_at && through + n >= *cut_at) {
            co_await asio::async_write(to, asio::buffer(chunk.data(), *cut_at - through),
                                       asio::redirect_error(asio::use_awaitable, error));
            outcome.cut = true;
            close_both();
            co_return;
        }
        if (record != nullptr)
            record->append(chunk.data(), n);
        co_await asio::async_write(to, asio::buffer(chunk.data(), n),
                                   asio::redirect_error(asio::use_awaitable, error));
        if (error) {
            close_both();
            co_return;
        }
        through += n;
    }
}

// Reads and drops everything until EOF (the answer to a replayed request nobody waits for).
asio::awaitable<void> drain(tcp::socket& socket) {
    std::array<char, 8192> chunk{};
    for (;;) {
        error_code error;
        co_await socket.async_read_some(asio::buffer(chunk),
                                        asio::redirect_error(asio::use_awaitable, error));
        if (error)
            co_return;
    }
}

asio::awaitable<void> wait_for(std::chrono::milliseconds duration) {
    asio::steady_timer timer(co_await asio::this_coro::executor, duration);
    error_code error;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, error));
}

} // namespace

struct FaultProxy::Impl {
    asio::io_context io; // first member: destroyed last, after everything that uses it
    tcp::acceptor acceptor{io};
    std::atomic<std::uint16_t> target;
    std::uint16_t port = 0;
    std::atomic<bool> faults{true};
    FaultPlan plan;
    std::mt19937_64 random; // the io thread's only
    mutable std::mutex mutex;
    FaultCounts counts;
    std::thread thread;

    Impl(std::uint16_t target_port, std::uint64_t seed, FaultPlan fault_plan)
        : target(target_port)
        , plan(fault_plan)
        , random(seed) {}

    Draw draw() {
        Draw d;
        const double roll = std::uniform_real_distribution<double>(0.0, 1.0)(random);
        const std::size_t offset = std::uniform_int_distribution<std::size_t>(0, plan.max_cut_offset)(random);
        const auto delay = std::chrono::milliseconds(
            std::uniform_int_distribution<std::chrono::milliseconds::rep>(1, plan.max_delay.count())(random));
        if (!faults.load())
            return d;
        double edge = plan.cut_to_server;
        if (roll < edge)
            return {Fault::CutToServer, offset, {}};
        edge += plan.cut_to_client;
        if (roll < edge)
            return {Fault::CutToClient, offset, {}};
        edge += plan.delay;
        if (roll < edge)
            return {Fault::Delay, 0, delay};
        edge += plan.replay;
        if (roll < edge)
            return {Fault::Replay, 0, {}};
        return d;
    }

    void record(std::size_t FaultCounts::*field) {
        std::lock_guard lock(mutex);
        ++(counts.*field);
    }

    asio::awaitable<void> accept_loop() {
        for (;;) {
            error_code error;
            tcp::socket client =
                co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, error));
            if (error)
                co_return;
            asio::co_spawn(io, serve(std::move(client)), asio::detached);
        }
    }

    asio::awaitable<void> serve(tcp::socket client) {
        record(&FaultCounts::connections);
        const Draw d = draw();
        const tcp::endpoint upstream(asio::ip::address_v4::loopback(), target.load());
        tcp::socket server(io);
        error_code error;
        co_await server.async_connect(upstream, asio::redirect_error(asio::use_awaitable, error));
        if (error) {
            record(&FaultCounts::upstream_refused);
            record(&FaultCounts::finished);
            co_return; // the client's socket closes here: it sees the server as down
        }
        std::string request_bytes;
        Outcome to_server;
        Outcome to_client;
        co_await (pump(client, server, d.fault == Fault::CutToServer ? std::optional(d.offset) : std::nullopt,
                       {}, d.fault == Fault::Replay ? &request_bytes : nullptr, to_server) &&
                  pump(server, client, d.fault == Fault::CutToClient ? std::optional(d.offset) : std::nullopt,
                       d.delay, nullptr, to_client));
        client.close(error);
        server.close(error);

        if (to_server.cut)
            record(&FaultCounts::cut_to_server);
        else if (to_client.cut)
            record(&FaultCounts::cut_to_client);
        else if (to_client.delayed)
            record(&FaultCounts::delayed);
        else if (d.fault == Fault::Replay && !request_bytes.empty())
            co_await replay(upstream, request_bytes);
        else
            record(&FaultCounts::passed);
        record(&FaultCounts::finished);
    }

    // Sends the same request bytes to the server on a new connection, as a network duplicating a
    // connection would; the answer is read and dropped.
    asio::awaitable<void> replay(tcp::endpoint upstream, const std::string& bytes) {
        tcp::socket again(io);
        error_code error;
        co_await again.async_connect(upstream, asio::redirect_error(asio::use_awaitable, error));
        if (error) {
            record(&FaultCounts::upstream_refused);
            co_return;
        }
        co_await asio::async_write(again, asio::buffer(bytes),
                                   asio::redirect_error(asio::use_awaitable, error));
        again.shutdown(tcp::socket::shutdown_send, error);
        co_await (drain(again) || wait_for(std::chrono::seconds(5)));
        record(&FaultCounts::replayed);
    }
};

FaultProxy::FaultProxy(std::uint16_t target_port, std::uint64_t seed, FaultPlan plan)
    : m_impl(std::make_unique<Impl>(target_port, seed, plan)) {
    const tcp::endpoint local(asio::ip::address_v4::loopback(), 0);
    m_impl->acceptor.open(local.protocol());
    m_impl->acceptor.set_option(tcp::acceptor::reuse_address(true));
    m_impl->acceptor.bind(local);
    m_impl->acceptor.listen();
    m_impl->port = m_impl->acceptor.local_endpoint().port();
    asio::co_spawn(m_impl->io, m_impl->accept_loop(), asio::detached);
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->io.run(); });
}

FaultProxy::~FaultProxy() {
    m_impl->io.stop();
    m_impl->thread.join();
}

std::uint16_t FaultProxy::port() const {
    return m_impl->port;
}

void FaultProxy::set_target_port(std::uint16_t port) {
    m_impl->target.store(port);
}

void FaultProxy::set_faults(bool on) {
    m_impl->faults.store(on);
}

FaultCounts FaultProxy::settled_counts(std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    FaultCounts now = counts();
    while (now.finished < now.connections && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        now = counts();
    }
    return now;
}

FaultCounts FaultProxy::counts() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->counts;
}

} // namespace badgeuse::testing
