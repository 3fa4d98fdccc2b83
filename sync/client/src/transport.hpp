// Transport: one HTTP/1.1 exchange with the portal over TLS (or plain HTTP to a loopback portal), as an
// Asio coroutine on the caller's io_context. Every step has the same timeout; every failure comes back
// as an Error a person can act on (unreachable, not trusted, too slow), never as an exception.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/sync/server_url.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/http/verb.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace badgeuse::sync::detail {

struct HttpRequest {
    boost::beast::http::verb method = boost::beast::http::verb::get;
    std::string target; // "/v1/changes?after=0&limit=500"
    std::string body;   // JSON, or empty
    std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpReply {
    unsigned status = 0;
    std::string body;
};

// Where a failure happened: the client reports an unreachable portal differently from one that answered.
enum class FailureKind { Unreachable, NotTrusted, Timeout, Protocol };

class Transport {
public:
    Transport(ServerUrl url, std::chrono::milliseconds timeout);

    // The CA that signed the portal's certificate (PEM). Empty: the system's CAs.
    Result<void> trust(const std::filesystem::path& ca_file);

    // Connects, (handshakes,) sends the request, reads the answer, closes. Answers of any status are
    // replies; only transport failures are errors.
    boost::asio::awaitable<Result<HttpReply>> exchange(HttpRequest request);

    const ServerUrl& url() const { return m_url; }

private:
    ServerUrl m_url;
    std::chrono::milliseconds m_timeout;
    boost::asio::ssl::context m_tls;
};

// "GET /v1/changes answered 401: unknown kiosk token..." from a non-2xx reply's ErrorResponse body.
std::string describe_refusal(std::string_view what, const HttpReply& reply);

} // namespace badgeuse::sync::detail
