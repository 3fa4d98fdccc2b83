// Sessions after Beast's advanced server example, in our own shape: one Session per connection,
// templated on its stream (TLS or plain TCP), which only reads, hands the request to the service's
// thread, writes the answer and times out. The acceptor and all sessions share one network thread;
// the PortalService runs on a second thread, one request at a time.
#include "http_server.hpp"

#include "badgeuse/protocol/codec.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cctype>
#include <csignal>
#include <fstream>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace badgeuse::portal::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

// How long a closing connection may take to say goodbye (TLS close_notify, or the unread rest of a
// refused body) before its socket is simply closed.
constexpr std::chrono::seconds kGoodbyeTimeout{2};

bool is_loopback(const asio::ip::address& address) {
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).is_loopback();
    return address.is_loopback();
}

// The path for the log: without the query, printable characters only, not too long.
std::string log_path(std::string_view target) {
    std::string path(target.substr(0, std::min(target.find('?'), std::size_t{200})));
    for (char& c : path)
        if (std::isprint(static_cast<unsigned char>(c)) == 0 || c == ' ')
            c = '?';
    return path;
}

bool is_parse_error(const error_code& ec) {
    return ec.category() == http::make_error_code(http::error::bad_target).category();
}

} // namespace

class SessionBase {
public:
    virtual ~SessionBase() = default;
    // Called by the stopping server from any thread: a session waiting for its next request closes.
    virtual void request_stop() = 0;
};

struct HttpServer::Impl {
    Impl(ServerOptions server_options, PortalService& portal_service)
        : options(std::move(server_options))
        , service(portal_service) {}

    ServerOptions options;
    PortalService& service;
    std::atomic<bool> stopping{false};
    std::atomic<int> live_sessions{0};
    std::mutex sessions_mutex;
    std::vector<std::weak_ptr<SessionBase>> sessions;

    // Declared after what the sessions touch, so that the handlers they hold die first.
    asio::io_context network{1};
    asio::io_context requests{1};
    asio::executor_work_guard<asio::io_context::executor_type> requests_work{requests.get_executor()};
    tcp::acceptor acceptor{network};
    asio::signal_set signals{network};
    asio::steady_timer timer{network};
    std::chrono::steady_clock::time_point stop_deadline;

    void accept();
    void begin_stop(int signal_number);
    void watch_stop();
};

namespace {

template <class Stream>
class Session final : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
public:
    static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

    template <class... Args>
    Session(HttpServer::Impl& server, Peer peer, tcp::socket socket, Args&... args)
        : m_server(server)
        , m_stream(std::move(socket), args...)
        , m_peer(std::move(peer)) {
        ++m_server.live_sessions;
    }
    ~Session() override { --m_server.live_sessions; }

    void start() {
        asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] { self->handshake(); });
    }

    void request_stop() override {
        asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] {
            if (self->m_idle)
                self->lowest().cancel();
        });
    }

private:
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(m_stream); }

    void handshake() {
        if constexpr (kTls) {
            lowest().expires_after(m_server.options.header_timeout);
            m_stream.async_handshake(ssl::stream_base::server,
                                     [self = this->shared_from_this()](const error_code& ec) {
                                         if (ec) // plain HTTP, an untrusting client, a scan: no answer
                                             return self->close_now();
                                         self->wait_for_request();
                                     });
        } else {
            wait_for_request();
        }
    }

    // Between requests the idle timeout applies; the header timeout starts with the first byte.
    void wait_for_request() {
        if (m_server.stopping)
            return goodbye();
        if (m_buffer.size() > 0)
            return read_header();
        m_idle = true;
        lowest().expires_after(m_server.options.idle_timeout);
        m_stream.async_read_some(m_buffer.prepare(4096), [self = this->shared_from_this()](
                                                             const error_code& ec, std::size_t bytes) {
            self->m_idle = false;
            if (ec)
                return self->close_now(); // closed by the kiosk, idle too long, or the portal stopping
            self->m_buffer.commit(bytes);
            self->read_header();
        });
    }

    void read_header() {
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_server.options.max_header_bytes));
        m_parser->body_limit(m_server.options.max_body_bytes);
        lowest().expires_after(m_server.options.header_timeout);
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](const error_code& ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(const error_code& ec) {
        m_started = std::chrono::steady_clock::now();
        // The request line is in even when a header field was refused: the log and the counters
        // can name the path (a method Beast does not know reads as "<unknown>").
        m_method = std::string(m_parser->get().method_string());
        m_path = log_path(m_parser->get().target());
        if (ec == http::error::body_limit)
            return refuse(413, "the body is larger than the portal's limit of " +
                                   std::to_string(m_server.options.max_body_bytes) +
                                   " bytes: push fewer events at once");
        if (ec == http::error::header_limit)
            return refuse(431, "the request's header is larger than " +
                                   std::to_string(m_server.options.max_header_bytes) + " bytes");
        if (ec && is_parse_error(ec))
            return refuse(400, "malformed HTTP request: " + ec.message());
        if (ec)
            return close_now();
        lowest().expires_after(m_server.options.body_timeout);
        // A client that waits for "100 Continue" before its body (curl does, past 1 kB) gets it:
        // the header has passed the size limit, so the body is welcome.
        if (beast::iequals(m_parser->get()[http::field::expect], "100-continue")) {
            m_continue.emplace(http::status::continue_, 11);
            return http::async_write(m_stream, *m_continue,
                                     [self = this->shared_from_this()](const error_code& error, std::size_t) {
                                         if (error)
                                             return self->close_now();
                                         self->read_body();
                                     });
        }
        read_body();
    }

    void read_body() {
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = this->shared_from_this()](const error_code& error, std::size_t) {
                             self->on_body(error);
                         });
    }

    void on_body(const error_code& ec) {
        if (ec == http::error::body_limit)
            return refuse(413, "the body is larger than the portal's limit of " +
                                   std::to_string(m_server.options.max_body_bytes) + " bytes");
        if (ec && is_parse_error(ec))
            return refuse(400, "malformed HTTP request: " + ec.message());
        if (ec)
            return close_now();
        http::request<http::string_body> message = m_parser->release();
        m_keep_alive = message.keep_alive();
        Request request;
        request.method = std::string(message.method_string());
        request.target = std::string(message.target());
        for (const auto& field : message) {
            std::string name(field.name_string());
            for (char& c : name)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            request.headers[name] = std::string(field.value());
        }
        request.body = std::move(message.body());
        m_bytes_in = request.body.size();

        // The network thread's work guard keeps it running while the request is on the other thread.
        asio::post(m_server.requests, [self = this->shared_from_this(), request = std::move(request),
                                       work = asio::make_work_guard(m_server.network)]() mutable {
            Served served;
            try {
                served = self->m_server.service.serve(request, self->m_peer);
            } catch (const std::exception& e) {
                served.response.status = 500;
                served.response.body = std::string("{\"message\":\"the portal failed on this request\"}");
                spdlog::error("request failed: {}", e.what());
            }
            asio::post(self->m_stream.get_executor(),
                       [self, served = std::move(served), work = std::move(work)]() mutable {
                           self->write(std::move(served), self->m_keep_alive);
                       });
        });
    }

    // An answer the session gives itself (the request never reached the service), then goodbye.
    void refuse(int status, const std::string& message) {
        m_refused = true;
        asio::post(m_server.requests,
                   [&service = m_server.service, path = m_path, status] { service.count(path, status); });
        Served served;
        served.response.status = status;
        served.response.body = protocol::encode(protocol::ErrorResponse{message});
        write(std::move(served), false);
    }

    void write(Served served, bool keep_alive) {
        m_response = {};
        m_response.version(11);
        m_response.result(static_cast<unsigned>(served.response.status));
        m_response.set(http::field::content_type, served.response.content_type);
        for (const auto& [name, value] : served.headers)
            m_response.set(name, value);
        m_response.body() = std::move(served.response.body);
        m_response.keep_alive(keep_alive && !m_server.stopping);
        m_response.prepare_payload();
        m_caller = std::move(served.caller);
        lowest().expires_after(m_server.options.body_timeout);
        http::async_write(
            m_stream, m_response,
            [self = this->shared_from_this()](const error_code& ec, std::size_t) { self->on_write(ec); });
    }

    void on_write(const error_code& ec) {
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started).count();
        spdlog::info("request method={} path={} status={} kiosk={} ms={:.1f} bytes={} in={}",
                     m_method.empty() ? "-" : m_method, m_path.empty() ? "-" : m_path,
                     m_response.result_int(), m_caller, ms, m_response.body().size(), m_bytes_in);
        const bool keep_alive = m_response.keep_alive();
        m_method.clear();
        m_path.clear();
        m_caller = "-";
        m_bytes_in = 0;
        if (ec)
            return close_now();
        if (!keep_alive)
            return goodbye();
        wait_for_request();
    }

    // Closes politely: TLS says close_notify; plain TCP stops sending and drains what the client
    // still sends (the rest of a refused body), so that the answer is read rather than reset.
    void goodbye() {
        lowest().expires_after(kGoodbyeTimeout);
        if constexpr (kTls) {
            m_stream.async_shutdown(
                [self = this->shared_from_this()](const error_code&) { self->close_now(); });
        } else {
            error_code ignored;
            lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
            if (!m_refused)
                return close_now();
            drain();
        }
    }

    void drain() {
        m_buffer.clear();
        m_stream.async_read_some(m_buffer.prepare(16384),
                                 [self = this->shared_from_this()](const error_code& ec, std::size_t) {
                                     if (ec)
                                         return self->close_now();
                                     self->drain();
                                 });
    }

    void close_now() {
        error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
        lowest().close();
    }

    HttpServer::Impl& m_server;
    Stream m_stream;
    Peer m_peer;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    http::response<http::string_body> m_response;
    std::optional<http::response<http::empty_body>> m_continue;
    bool m_idle = false;
    bool m_keep_alive = false;
    bool m_refused = false;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    std::string m_method;
    std::string m_path;
    std::string m_caller = "-";
    std::size_t m_bytes_in = 0;
};

} // namespace

void HttpServer::Impl::accept() {
    acceptor.async_accept(asio::make_strand(network), [this](const error_code& ec, tcp::socket socket) {
        if (stopping || ec == asio::error::operation_aborted)
            return;
        if (ec) {
            // Out of file descriptors, say: wait a little rather than spin.
            spdlog::warn("accept failed: {}", ec.message());
            timer.expires_after(std::chrono::milliseconds(100));
            timer.async_wait([this](const error_code& error) {
                if (!error && !stopping)
                    accept();
            });
            return;
        }
        // An answer leaves in pieces (TLS records, header and body): with Nagle's algorithm each piece
        // after the first waited for the kiosk's delayed ACK, 40 ms a request.
        error_code no_delay_error;
        socket.set_option(tcp::no_delay(true), no_delay_error);
        error_code endpoint_error;
        const tcp::endpoint remote = socket.remote_endpoint(endpoint_error);
        if (!endpoint_error) {
            Peer peer{remote.address().to_string(), is_loopback(remote.address())};
            std::shared_ptr<SessionBase> session;
            if (options.tls) {
                auto tls = std::make_shared<Session<ssl::stream<beast::tcp_stream>>>(
                    *this, std::move(peer), std::move(socket), *options.tls);
                tls->start();
                session = tls;
            } else {
                auto plain =
                    std::make_shared<Session<beast::tcp_stream>>(*this, std::move(peer), std::move(socket));
                plain->start();
                session = plain;
            }
            const std::lock_guard lock(sessions_mutex);
            std::erase_if(sessions, [](const auto& weak) { return weak.expired(); });
            sessions.push_back(session);
        }
        accept();
    });
}

void HttpServer::Impl::begin_stop(int signal_number) {
    stopping = true;
    spdlog::info("stopping on {}: no new connections, finishing the requests in flight",
                 signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
    error_code ignored;
    acceptor.close(ignored);
    timer.cancel();
    {
        const std::lock_guard lock(sessions_mutex);
        for (const auto& weak : sessions)
            if (auto session = weak.lock())
                session->request_stop();
    }
    stop_deadline = std::chrono::steady_clock::now() + options.stop_grace;
    watch_stop();
}

// Every 20 ms: once the last connection is gone (or the grace period is over), stop the loop.
void HttpServer::Impl::watch_stop() {
    if (live_sessions == 0) {
        network.stop();
        return;
    }
    if (std::chrono::steady_clock::now() >= stop_deadline) {
        spdlog::warn("stopping with {} connections still open after {} s", live_sessions.load(),
                     options.stop_grace.count());
        network.stop();
        return;
    }
    timer.expires_after(std::chrono::milliseconds(20));
    timer.async_wait([this](const error_code&) { watch_stop(); });
}

Result<tcp::endpoint> parse_listen_address(const std::string& text) {
    const auto fail = [&] {
        return make_error("bad listen address \"" + text +
                          "\": expected HOST:PORT with an IP address or localhost, such as 0.0.0.0:8443");
    };
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
        return fail();
    std::string host = text.substr(0, colon);
    const std::string port_text = text.substr(colon + 1);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host == "localhost")
        host = "127.0.0.1";
    if (port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos)
        return fail();
    const int port = std::stoi(port_text);
    if (port > 65535)
        return fail();
    error_code ec;
    const auto address = asio::ip::make_address(host, ec);
    if (ec)
        return fail();
    return tcp::endpoint(address, static_cast<unsigned short>(port));
}

Result<ssl::context> make_tls_context(const std::filesystem::path& certificate,
                                      const std::filesystem::path& private_key) {
    for (const auto& [key, path] :
         {std::pair{"server.certificate", certificate}, {"server.private_key", private_key}}) {
        if (path.empty())
            return make_error(std::string(key) +
                              " is not set in portal.toml: TLS needs a certificate and its key "
                              "(or --insecure-dev on a loopback address, for development)");
        std::ifstream file(path);
        if (!file)
            return make_error(std::string(key) + ": cannot read " + path.string());
    }
    ssl::context context(ssl::context::tls_server);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    error_code ec;
    context.use_certificate_chain_file(certificate.string(), ec);
    if (ec)
        return make_error("server.certificate: " + certificate.string() + " is not a PEM certificate (" +
                          ec.message() + ")");
    context.use_private_key_file(private_key.string(), ssl::context::pem, ec);
    if (ec)
        return make_error("server.private_key: " + private_key.string() + " is not a PEM private key (" +
                          ec.message() + ")");
    if (SSL_CTX_check_private_key(context.native_handle()) != 1)
        return make_error("server.private_key: " + private_key.string() + " is not the key of " +
                          certificate.string());
    return context;
}

HttpServer::HttpServer(ServerOptions options, PortalService& service)
    : m_impl(std::make_unique<Impl>(std::move(options), service)) {}

HttpServer::~HttpServer() = default;

Result<unsigned short> HttpServer::listen() {
    Impl& impl = *m_impl;
    const auto where =
        impl.options.endpoint.address().to_string() + ":" + std::to_string(impl.options.endpoint.port());
    error_code ec;
    impl.acceptor.open(impl.options.endpoint.protocol(), ec);
    if (!ec)
        impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        impl.acceptor.bind(impl.options.endpoint, ec);
    if (!ec)
        impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return make_error("cannot listen on " + where + ": " + ec.message());
    return impl.acceptor.local_endpoint().port();
}

int HttpServer::run() {
    Impl& impl = *m_impl;
    impl.signals.add(SIGTERM);
    impl.signals.add(SIGINT);
    impl.signals.async_wait([&impl](const error_code& ec, int signal_number) {
        if (!ec)
            impl.begin_stop(signal_number);
    });
    impl.accept();
    std::thread requests([&impl] { impl.requests.run(); });
    impl.network.run();
    // The network loop is done: let the request thread finish what it holds, then stop it.
    impl.requests_work.reset();
    requests.join();
    spdlog::info("stopped");
    return 0;
}

} // namespace badgeuse::portal::server
