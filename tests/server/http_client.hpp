// The tests' HTTP client: Boost.Beast over TLS that verifies the portal's certificate against a CA
// file and the host name, as the kiosk does (or plain TCP, for --insecure-dev). One connection,
// kept alive across requests. Failures throw boost::system::system_error.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace badgeuse::testing {

struct Reply {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers; // names in lower case
    bool keep_alive = true;
};

class HttpClient {
public:
    // Connects to 127.0.0.1:port and completes the TLS handshake trusting only `ca` (throws if the
    // portal's certificate is not signed by it).
    static HttpClient tls(unsigned short port, const std::filesystem::path& ca);
    static HttpClient plain(unsigned short port);
    ~HttpClient();
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;

    // Sends one request; `token` (when not empty) goes as "Authorization: Bearer <token>".
    Reply request(const std::string& method, const std::string& target, const std::string& body = "",
                  const std::string& token = "", const std::map<std::string, std::string>& headers = {});

    // Writes `bytes` as they are (a request the test crafts by hand) and reads one response.
    Reply raw_request(const std::string& bytes);

    struct Impl;

private:
    explicit HttpClient(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// Sends `bytes` on a fresh plain TCP connection to the port and gives whatever comes back within
// `wait_ms` (until the server closes), for talking nonsense to a TLS port.
std::string raw_exchange(unsigned short port, const std::string& bytes, int wait_ms = 2000);

// Sends `bytes` on a fresh plain TCP connection, reads and drops what comes, and gives how many
// seconds passed until the server closed the connection (or `max_seconds` if it did not).
double seconds_until_closed(unsigned short port, const std::string& bytes, double max_seconds);

} // namespace badgeuse::testing
