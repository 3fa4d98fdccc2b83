// sync-fleet: many simulated kiosks (Beast clients over kept-alive TLS connections, a few threads)
// syncing every period against one portal: each sync pulls after its cursor and pushes two arrivals.
// Reports the latency of every request (p99) and the portal process's CPU over the run (/proc).
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/protocol/codec.hpp"
#include "bench_stats.hpp"
#include "sync_bench.hpp"
#include "sync_bench_portal.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <thread>

namespace badgeuse::bench {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

struct FleetTally {
    std::mutex mutex;
    Samples requests;
    Samples syncs;
    int errors = 0;
    std::string first_error;

    void add(std::chrono::nanoseconds pull, std::chrono::nanoseconds push) {
        std::lock_guard lock(mutex);
        requests.add(pull);
        requests.add(push);
        syncs.add(pull + push);
    }
    void fail(const std::string& what) {
        std::lock_guard lock(mutex);
        if (errors++ == 0)
            first_error = what;
    }
};

struct KioskPlan {
    std::string token;
    std::vector<ChildId> children;
    ActivityId canteen;
    std::uint64_t seed = 0;
    Clock::time_point first;
    Clock::time_point end;
    std::chrono::milliseconds period{0};
};

asio::awaitable<http::response<http::string_body>> exchange(TlsStream& stream, beast::flat_buffer& buffer,
                                                            http::request<http::string_body> request) {
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
    co_await http::async_write(stream, request, asio::use_awaitable);
    http::response<http::string_body> response;
    co_await http::async_read(stream, buffer, response, asio::use_awaitable);
    co_return response;
}

http::request<http::string_body> make_request(http::verb verb, const std::string& target,
                                              const std::string& token, std::string body = {}) {
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::authorization, "Bearer " + token);
    request.set("X-Badgeuse-Outbox", body.empty() ? "0" : "2");
    if (!body.empty()) {
        request.set(http::field::content_type, "application/json");
        request.body() = std::move(body);
    }
    request.prepare_payload();
    return request;
}

protocol::PushRequest two_arrivals(const KioskPlan& plan, std::mt19937_64& random) {
    protocol::PushRequest push;
    for (int i = 0; i < 2; ++i) {
        std::array<std::uint8_t, 16> bytes{};
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(random());
        AttendanceEvent event;
        event.id = Uuid::from_random_bytes(bytes);
        event.child = plan.children[random() % plan.children.size()];
        event.activity = plan.canteen;
        event.day = *parse_date("2026-12-03");
        event.at = *paris::parse_iso8601("2026-12-03T11:40:00+01:00");
        event.badge_uid = "04A1B2C3";
        push.events.emplace_back(event);
    }
    return push;
}

// One kiosk: connects once and keeps the connection; reconnects after any failure.
asio::awaitable<void> kiosk(asio::ssl::context& tls, tcp::endpoint portal, KioskPlan plan,
                            FleetTally& tally) {
    auto executor = co_await asio::this_coro::executor;
    std::optional<TlsStream> stream;
    beast::flat_buffer buffer;
    std::mt19937_64 random(plan.seed);
    std::int64_t cursor = 0;
    asio::steady_timer timer(executor);
    for (auto next = plan.first; next < plan.end; next += plan.period) {
        timer.expires_at(next);
        boost::system::error_code ignored;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        try {
            if (!stream) {
                stream.emplace(executor, tls);
                stream->set_verify_callback(asio::ssl::host_name_verification("127.0.0.1"));
                buffer.clear();
                beast::get_lowest_layer(*stream).expires_after(std::chrono::seconds(30));
                co_await beast::get_lowest_layer(*stream).async_connect(portal, asio::use_awaitable);
                co_await stream->async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
            }
            const auto start = Clock::now();
            auto pulled = co_await exchange(
                *stream, buffer,
                make_request(http::verb::get, "/v1/changes?after=" + std::to_string(cursor) + "&limit=500",
                             plan.token));
            const auto pull_done = Clock::now();
            if (pulled.result_int() != 200)
                throw std::runtime_error("pull answered " + std::to_string(pulled.result_int()) + ": " +
                                         pulled.body());
            auto page = protocol::decode_pull_response(pulled.body());
            if (!page)
                throw std::runtime_error("pull page: " + page.error().message);
            cursor = page->cursor;
            auto pushed = co_await exchange(*stream, buffer,
                                            make_request(http::verb::post, "/v1/events", plan.token,
                                                         protocol::encode(two_arrivals(plan, random))));
            const auto push_done = Clock::now();
            if (pushed.result_int() != 200)
                throw std::runtime_error("push answered " + std::to_string(pushed.result_int()) + ": " +
                                         pushed.body());
            tally.add(pull_done - start, push_done - pull_done);
            if (!pushed.keep_alive())
                stream.reset();
        } catch (const std::exception& e) {
            tally.fail(e.what());
            stream.reset();
        }
    }
}

} // namespace

Report run_sync_fleet_bench(const SyncBenchOptions& options) {
    testing::PortalFixtureOptions fixture;
    fixture.children = 300;
    fixture.kiosk_codes = options.fleet_kiosks;
    testing::PortalFixture portal = start_bench_portal(options, "sync-fleet", std::move(fixture));
    std::vector<std::string> tokens;
    for (int i = 0; i < options.fleet_kiosks; ++i)
        tokens.push_back(portal.enroll("kiosque " + std::to_string(i)));

    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.load_verify_file(portal.ca()->string());
    tls.set_verify_mode(asio::ssl::verify_peer);
    const tcp::endpoint endpoint(asio::ip::address_v4::loopback(), portal.port());

    asio::io_context io;
    FleetTally tally;
    const auto period = std::chrono::duration_cast<std::chrono::milliseconds>(options.fleet_period);
    const Clock::time_point start = Clock::now() + std::chrono::milliseconds(200);
    const Clock::time_point end = start + options.fleet_duration;
    std::mt19937_64 random(42);
    for (int i = 0; i < options.fleet_kiosks; ++i) {
        KioskPlan plan;
        plan.token = tokens[static_cast<std::size_t>(i)];
        plan.children = portal.site().children;
        plan.canteen = portal.site().canteen;
        plan.seed = random();
        // Kiosks spread over the period, as real ones drift apart.
        plan.first = start + std::chrono::milliseconds(random() % static_cast<std::uint64_t>(period.count()));
        plan.end = end;
        plan.period = period;
        asio::co_spawn(asio::make_strand(io), kiosk(tls, endpoint, plan, tally), asio::detached);
    }
    const auto cpu_before = portal.process().cpu_time();
    const auto wall_before = Clock::now();
    std::vector<std::thread> threads;
    for (int i = 0; i < options.fleet_threads; ++i)
        threads.emplace_back([&io] { io.run(); });
    for (auto& thread : threads)
        thread.join();
    const std::chrono::duration<double> wall = Clock::now() - wall_before;
    const auto cpu = portal.process().cpu_time() - cpu_before;

    Report report(options.database == "sqlite" ? "sync-fleet" : "sync-fleet-" + options.database);
    report.add("machine", machine_description());
    report.add("store", options.database);
    report.add("kiosks", static_cast<double>(options.fleet_kiosks));
    report.add("period_seconds", static_cast<double>(options.fleet_period.count()), "s");
    report.add("run_seconds", wall.count(), "s");
    report.add_summary("request", tally.requests.summary());
    report.add_summary("sync", tally.syncs.summary());
    report.add("errors", static_cast<double>(tally.errors));
    if (tally.errors > 0)
        report.add("first_error", tally.first_error);
    report.add("portal_cpu_seconds", cpu.count(), "s");
    report.add("portal_cpu_percent_of_one_core", 100.0 * cpu.count() / wall.count(), "%");
    return report;
}

} // namespace badgeuse::bench
