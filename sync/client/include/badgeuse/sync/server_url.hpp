// ServerUrl: the portal's address from kiosk.toml or --server, "https://portail.ville.fr:8443".
// http:// is accepted for a loopback host only (a portal run with --insecure-dev on the same machine).
#pragma once

#include "badgeuse/core/result.hpp"

#include <string>
#include <string_view>

namespace badgeuse::sync {

enum class Scheme { Https, Http };

struct ServerUrl {
    Scheme scheme = Scheme::Https;
    std::string host;         // a name or an IP address, without brackets
    std::string port;         // "8443"; 443 or 80 when the URL gives none
    std::string text() const; // back to "https://host:port"
};

Result<ServerUrl> parse_server_url(std::string_view text);

} // namespace badgeuse::sync
