// `portal serve`'s network side: Boost.Beast HTTP/1.1 with keep-alive over Asio SSL (or plain TCP
// with --insecure-dev), every read and write under a timeout, the body limit enforced by the parser
// from Content-Length before any byte of the body is read. Requests are handed one at a time to the
// PortalService on its own thread (the store is single-writer), so a slow request never holds up
// the acceptor or the other connections' reads and writes. SIGTERM or SIGINT stops it gracefully.
#pragma once

#include "badgeuse/core/result.hpp"
#include "portal_service.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace badgeuse::portal::server {

struct ServerOptions {
    boost::asio::ip::tcp::endpoint endpoint;
    std::optional<boost::asio::ssl::context> tls; // empty: plain HTTP (--insecure-dev, loopback only)
    std::chrono::seconds header_timeout{10};
    std::chrono::seconds body_timeout{30};
    std::chrono::seconds idle_timeout{75};
    std::size_t max_body_bytes = 1024 * 1024;
    std::size_t max_header_bytes = 16 * 1024;
    // After SIGTERM: how long in-flight requests may take before the portal stops anyway.
    std::chrono::seconds stop_grace{20};
};

// "0.0.0.0:8443", "127.0.0.1:0", "[::1]:8443", "localhost:8443": an IP address (or localhost) and a port.
Result<boost::asio::ip::tcp::endpoint> parse_listen_address(const std::string& text);

// A TLS 1.2+ server context from PEM files; the error names the file and what is wrong with it.
Result<boost::asio::ssl::context> make_tls_context(const std::filesystem::path& certificate,
                                                   const std::filesystem::path& private_key);

class HttpServer {
public:
    HttpServer(ServerOptions options, PortalService& service);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens; gives the bound port (useful with port 0), or why not ("address in use").
    Result<unsigned short> listen();
    // Serves until SIGTERM or SIGINT, then lets in-flight requests finish. Returns the exit status.
    int run();

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace badgeuse::portal::server
