// Synchronous Beast: simple to read in a test, with a timeout on every operation so that a hung
// portal fails the test instead of hanging it.
#include "http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <cctype>
#include <optional>
#include <poll.h>
#include <sys/socket.h>

namespace badgeuse::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {
constexpr std::chrono::seconds kTimeout{30};
}

struct HttpClient::Impl {
    asio::io_context io;
    ssl::context context{ssl::context::tls_client};
    std::optional<ssl::stream<beast::tcp_stream>> tls;
    std::optional<beast::tcp_stream> plain;
    beast::flat_buffer buffer;

    beast::tcp_stream& lowest() { return tls ? beast::get_lowest_layer(*tls) : *plain; }

    template <class Stream>
    Reply exchange(Stream& stream, http::request<http::string_body>& request) {
        lowest().expires_after(kTimeout);
        http::write(stream, request);
        return read_reply(stream);
    }

    template <class Stream>
    Reply read_reply(Stream& stream) {
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        http::read(stream, buffer, parser);
        auto response = parser.release();
        Reply reply;
        reply.status = static_cast<int>(response.result_int());
        reply.body = std::move(response.body());
        reply.keep_alive = response.keep_alive();
        for (const auto& field : response) {
            std::string name(field.name_string());
            for (char& c : name)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            reply.headers[name] = std::string(field.value());
        }
        return reply;
    }
};

HttpClient::HttpClient(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl)) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpClient HttpClient::tls(unsigned short port, const std::filesystem::path& ca) {
    auto impl = std::make_unique<Impl>();
    impl->context.set_verify_mode(ssl::verify_peer);
    impl->context.load_verify_file(ca.string());
    impl->tls.emplace(impl->io, impl->context);
    impl->tls->set_verify_callback(ssl::host_name_verification("127.0.0.1"));
    auto& tcp_layer = beast::get_lowest_layer(*impl->tls);
    tcp_layer.expires_after(kTimeout);
    tcp_layer.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    impl->tls->handshake(ssl::stream_base::client);
    return HttpClient(std::move(impl));
}

HttpClient HttpClient::plain(unsigned short port) {
    auto impl = std::make_unique<Impl>();
    impl->plain.emplace(impl->io);
    impl->plain->expires_after(kTimeout);
    impl->plain->connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    return HttpClient(std::move(impl));
}

Reply HttpClient::request(const std::string& method, const std::string& target, const std::string& body,
                          const std::string& token, const std::map<std::string, std::string>& headers) {
    http::request<http::string_body> request{http::string_to_verb(method), target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.keep_alive(true);
    if (!token.empty())
        request.set(http::field::authorization, "Bearer " + token);
    for (const auto& [name, value] : headers)
        request.set(name, value);
    if (!body.empty())
        request.set(http::field::content_type, "application/json");
    request.body() = body;
    request.prepare_payload();
    if (m_impl->tls)
        return m_impl->exchange(*m_impl->tls, request);
    return m_impl->exchange(*m_impl->plain, request);
}

Reply HttpClient::raw_request(const std::string& bytes) {
    m_impl->lowest().expires_after(kTimeout);
    if (m_impl->tls) {
        asio::write(*m_impl->tls, asio::buffer(bytes));
        return m_impl->read_reply(*m_impl->tls);
    }
    asio::write(*m_impl->plain, asio::buffer(bytes));
    return m_impl->read_reply(*m_impl->plain);
}

std::string raw_exchange(unsigned short port, const std::string& bytes, int wait_ms) {
    asio::io_context io;
    tcp::socket socket(io);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    asio::write(socket, asio::buffer(bytes));
    std::string answer;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd fd{socket.native_handle(), POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (poll(&fd, 1, static_cast<int>(std::max<std::int64_t>(1, left.count()))) <= 0)
            break;
        std::array<char, 4096> chunk{};
        boost::system::error_code ec;
        const std::size_t n = socket.read_some(asio::buffer(chunk), ec);
        if (ec)
            break;
        answer.append(chunk.data(), n);
    }
    return answer;
}

double seconds_until_closed(unsigned short port, const std::string& bytes, double max_seconds) {
    asio::io_context io;
    tcp::socket socket(io);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    if (!bytes.empty())
        asio::write(socket, asio::buffer(bytes));
    const auto start = std::chrono::steady_clock::now();
    const auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    while (elapsed() < max_seconds) {
        pollfd fd{socket.native_handle(), POLLIN, 0};
        if (poll(&fd, 1, 50) <= 0)
            continue;
        std::array<char, 4096> chunk{};
        boost::system::error_code ec;
        socket.read_some(asio::buffer(chunk), ec);
        if (ec)
            return elapsed();
    }
    return max_seconds;
}

} // namespace badgeuse::testing
