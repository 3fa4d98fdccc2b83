// The HTTP exchange: resolve, connect, TLS handshake with the portal's CA and its host name checked by
// OpenSSL itself (SSL_set1_host, or the IP address), write, read with a body limit, close.
#include "transport.hpp"

#include "badgeuse/protocol/codec.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace badgeuse::sync::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

// The largest answer the kiosk reads: a first full pull of a big site in one page stays well under it.
constexpr std::uint64_t kMaxReplyBytes = 64ull * 1024 * 1024;

Error failure(const ServerUrl& url, std::string_view step, const boost::system::error_code& error) {
    if (error == beast::error::timeout)
        return make_error("the portal at " + url.text() + " did not answer in time (" + std::string(step) +
                          "): the network or the portal is slow or down");
    return make_error("cannot reach the portal at " + url.text() + " (" + std::string(step) +
                      "): " + error.message());
}

bool is_ip_address(const std::string& host) {
    boost::system::error_code error;
    asio::ip::make_address(host, error);
    return !error;
}

template <typename Stream>
asio::awaitable<Result<HttpReply>> write_and_read(Stream& stream, beast::tcp_stream& tcp,
                                                  const http::request<http::string_body>& request,
                                                  const ServerUrl& url, std::chrono::milliseconds timeout) {
    tcp.expires_after(timeout);
    auto [write_error, written] = co_await http::async_write(stream, request, kTuple);
    if (write_error)
        co_return failure(url, "sending the request", write_error);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(kMaxReplyBytes);
    tcp.expires_after(timeout);
    auto [read_error, read] = co_await http::async_read(stream, buffer, parser, kTuple);
    if (read_error)
        co_return failure(url, "reading the answer", read_error);
    (void)written;
    (void)read;
    auto& reply = parser.get();
    co_return HttpReply{reply.result_int(), std::move(reply.body())};
}

} // namespace

Transport::Transport(ServerUrl url, std::chrono::milliseconds timeout)
    : m_url(std::move(url))
    , m_timeout(timeout)
    , m_tls(asio::ssl::context::tls_client) {
    m_tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                      asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                      asio::ssl::context::no_tlsv1_1);
    m_tls.set_verify_mode(asio::ssl::verify_peer);
}

Result<void> Transport::trust(const std::filesystem::path& ca_file) {
    boost::system::error_code error;
    if (ca_file.empty())
        m_tls.set_default_verify_paths(error);
    else
        m_tls.load_verify_file(ca_file.string(), error);
    if (error)
        return make_error("cannot read the portal's CA certificate " +
                          (ca_file.empty() ? std::string("(the system's)") : ca_file.string()) + ": " +
                          error.message() + "; give the PEM file the portal's administrator sent");
    return {};
}

asio::awaitable<Result<HttpReply>> Transport::exchange(HttpRequest request) {
    auto executor = co_await asio::this_coro::executor;
    tcp::resolver resolver(executor);
    auto [resolve_error, endpoints] = co_await resolver.async_resolve(m_url.host, m_url.port, kTuple);
    if (resolve_error)
        co_return failure(m_url, "looking up the host", resolve_error);
    beast::tcp_stream tcp(executor);
    tcp.expires_after(m_timeout);
    auto [connect_error, endpoint] = co_await tcp.async_connect(endpoints, kTuple);
    if (connect_error)
        co_return failure(m_url, "connecting", connect_error);
    (void)endpoint;
    // A request leaves in pieces (TLS records, header and body): with Nagle's algorithm the last piece
    // waited for the portal's delayed ACK, 40 ms a push. Failing to set it only costs that time.
    boost::system::error_code no_delay_error;
    tcp.socket().set_option(asio::ip::tcp::no_delay(true), no_delay_error);

    http::request<http::string_body> message{request.method, request.target, 11};
    message.set(http::field::host, m_url.host + ":" + m_url.port);
    message.set(http::field::user_agent, "badgeuse-kiosk");
    for (const auto& [name, value] : request.headers)
        message.set(name, value);
    if (!request.body.empty()) {
        message.set(http::field::content_type, "application/json");
        message.body() = std::move(request.body);
    }
    // One exchange per connection: the portal closes after answering, so nothing lingers half-open.
    message.keep_alive(false);
    message.prepare_payload();

    if (m_url.scheme == Scheme::Http) {
        auto reply = co_await write_and_read(tcp, tcp, message, m_url, m_timeout);
        boost::system::error_code ignored;
        tcp.socket().shutdown(tcp::socket::shutdown_both, ignored);
        co_return reply;
    }

    beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp), m_tls);
    SSL* ssl = stream.native_handle();
    // The host name is checked by OpenSSL during the handshake: a certificate for another name (or
    // from another CA) fails it, and the request is never written.
    if (is_ip_address(m_url.host)) {
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), m_url.host.c_str());
    } else {
        // SNI; SSL_set_tlsext_host_name is a macro with an old-style cast, hence its expansion here.
        SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(m_url.host.c_str()));
        SSL_set1_host(ssl, m_url.host.c_str());
    }
    beast::get_lowest_layer(stream).expires_after(m_timeout);
    auto [handshake_error] = co_await stream.async_handshake(asio::ssl::stream_base::client, kTuple);
    if (handshake_error) {
        const long verified = SSL_get_verify_result(ssl);
        if (verified != X509_V_OK)
            co_return make_error("the portal at " + m_url.text() + " is not trusted: its certificate " +
                                 "does not verify (" + X509_verify_cert_error_string(verified) +
                                 "); check [sync] ca, the portal's CA certificate; nothing was sent");
        co_return failure(m_url, "TLS handshake", handshake_error);
    }
    auto reply = co_await write_and_read(stream, beast::get_lowest_layer(stream), message, m_url, m_timeout);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds{2});
    auto [shutdown_error] = co_await stream.async_shutdown(kTuple);
    (void)shutdown_error; // the answer is already read: a rude close costs nothing
    co_return reply;
}

std::string describe_refusal(std::string_view what, const HttpReply& reply) {
    std::string words;
    if (auto error = protocol::decode_error_response(reply.body))
        words = error->message;
    else
        words = reply.body.substr(0, 200);
    return std::string(what) + " answered " + std::to_string(reply.status) + ": " + words;
}

} // namespace badgeuse::sync::detail
