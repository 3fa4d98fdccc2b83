// PortalClient (see portal_client.hpp): Beast over a tcp_stream (and Asio SSL), driven by a private
// io_context so that the tcp_stream's timeouts apply to every step.
#include "portal_client.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace badgeuse::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

http::request<http::string_body> make_request(const std::string& method, const std::string& target,
                                              const std::string& body, const std::string& token,
                                              std::size_t outbox) {
    http::request<http::string_body> request{http::string_to_verb(method), target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::user_agent, "badgeuse-e2e");
    if (!token.empty())
        request.set(http::field::authorization, "Bearer " + token);
    request.set("X-Badgeuse-Outbox", std::to_string(outbox));
    request.keep_alive(false);
    if (!body.empty()) {
        request.set(http::field::content_type, "application/json");
        request.body() = body;
    }
    request.prepare_payload();
    return request;
}

template <typename Stream>
asio::awaitable<void> exchange(Stream& stream, beast::tcp_stream& layer,
                               const http::request<http::string_body>& request,
                               std::chrono::milliseconds timeout, HttpReply& reply) {
    layer.expires_after(timeout);
    co_await http::async_write(stream, request, asio::use_awaitable);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    layer.expires_after(timeout);
    reply.bytes_received = co_await http::async_read(stream, buffer, parser, asio::use_awaitable);
    reply.status = static_cast<int>(parser.get().result_int());
    reply.body = std::move(parser.get().body());
}

} // namespace

PortalClient::PortalClient(std::uint16_t port, std::optional<std::filesystem::path> ca)
    : m_port(port)
    , m_ca(std::move(ca)) {}

HttpReply PortalClient::get(const std::string& target, std::chrono::milliseconds timeout) const {
    return request("GET", target, {}, timeout);
}

HttpReply PortalClient::post(const std::string& target, const std::string& body,
                             std::chrono::milliseconds timeout) const {
    return request("POST", target, body, timeout);
}

HttpReply PortalClient::request(const std::string& method, const std::string& target, const std::string& body,
                                std::chrono::milliseconds timeout) const {
    asio::io_context io;
    HttpReply reply;
    const tcp::endpoint endpoint(asio::ip::address_v4::loopback(), m_port);
    const auto message = make_request(method, target, body, m_token, m_outbox);
    std::optional<asio::ssl::context> tls;
    if (m_ca) {
        tls.emplace(asio::ssl::context::tls_client);
        tls->load_verify_file(m_ca->string());
        tls->set_verify_mode(asio::ssl::verify_peer);
    }
    auto run = [&]() -> asio::awaitable<void> {
        if (tls) {
            beast::ssl_stream<beast::tcp_stream> stream(io, *tls);
            stream.set_verify_callback(asio::ssl::host_name_verification("127.0.0.1"));
            beast::get_lowest_layer(stream).expires_after(timeout);
            co_await beast::get_lowest_layer(stream).async_connect(endpoint, asio::use_awaitable);
            beast::get_lowest_layer(stream).socket().set_option(asio::ip::tcp::no_delay(true));
            co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
            co_await exchange(stream, beast::get_lowest_layer(stream), message, timeout, reply);
        } else {
            beast::tcp_stream stream(io);
            stream.expires_after(timeout);
            co_await stream.async_connect(endpoint, asio::use_awaitable);
            stream.socket().set_option(asio::ip::tcp::no_delay(true)); // as the kiosk's client does
            co_await exchange(stream, stream, message, timeout, reply);
        }
    };
    asio::co_spawn(io, run(), [&](std::exception_ptr failure) {
        if (!failure)
            return;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            reply.status = 0;
            reply.error = e.what();
        }
    });
    io.run();
    return reply;
}

} // namespace badgeuse::testing
