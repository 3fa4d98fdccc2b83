// A minimal HTTP(S) client for the end-to-end tests and benchmarks: one request per connection (so a
// fault proxy draws a fault per request), TLS verified against the test CA, every step under a timeout.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace badgeuse::testing {

struct HttpReply {
    int status = 0; // 0: no answer (the error says why: refused, cut, timed out, bad certificate)
    std::string body;
    std::string error;
    std::size_t bytes_received = 0; // header and body, as they came off the wire (after TLS)
};

class PortalClient {
public:
    // `ca`: the CA file to trust (TLS, host name 127.0.0.1 verified); nullopt: plain HTTP.
    PortalClient(std::uint16_t port, std::optional<std::filesystem::path> ca);

    void set_port(std::uint16_t port) { m_port = port; }
    void set_token(std::string token) { m_token = std::move(token); }
    // Sent as X-Badgeuse-Outbox with every request, as the kiosk does.
    void set_outbox(std::size_t waiting) { m_outbox = waiting; }

    HttpReply get(const std::string& target,
                  std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
    HttpReply post(const std::string& target, const std::string& body,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

private:
    HttpReply request(const std::string& method, const std::string& target, const std::string& body,
                      std::chrono::milliseconds timeout) const;
    std::uint16_t m_port;
    std::optional<std::filesystem::path> m_ca;
    std::string m_token;
    std::size_t m_outbox = 0;
};

} // namespace badgeuse::testing
