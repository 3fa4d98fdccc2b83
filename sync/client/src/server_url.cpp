// Parsing the portal's URL: a scheme, a host, an optional port, nothing else (no path, no user).
#include "badgeuse/sync/server_url.hpp"

#include <charconv>

namespace badgeuse::sync {
namespace {

bool is_loopback(std::string_view host) {
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

Error bad(std::string_view text, std::string_view why) {
    return make_error("the portal's URL \"" + std::string(text) + "\" " + std::string(why) +
                      "; expected https://HOST:PORT, such as https://portail.ville.fr:8443");
}

} // namespace

std::string ServerUrl::text() const {
    const bool v6 = host.find(':') != std::string::npos;
    return std::string(scheme == Scheme::Https ? "https://" : "http://") + (v6 ? "[" + host + "]" : host) +
           ":" + port;
}

Result<ServerUrl> parse_server_url(std::string_view text) {
    ServerUrl url;
    std::string_view rest = text;
    if (rest.starts_with("https://")) {
        rest.remove_prefix(8);
    } else if (rest.starts_with("http://")) {
        url.scheme = Scheme::Http;
        rest.remove_prefix(7);
    } else {
        return bad(text, "does not start with https://");
    }
    if (rest.ends_with('/'))
        rest.remove_suffix(1);
    if (rest.find_first_of("/?#@ ") != std::string_view::npos)
        return bad(text, "has a path, a user or a space after the host");
    std::string_view port;
    if (rest.starts_with('[')) {
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos)
            return bad(text, "has an unclosed [");
        url.host = std::string(rest.substr(1, close - 1));
        rest.remove_prefix(close + 1);
        if (!rest.empty() && rest.front() != ':')
            return bad(text, "has text after the ]");
        if (!rest.empty())
            port = rest.substr(1);
    } else {
        const std::size_t colon = rest.rfind(':');
        url.host = std::string(rest.substr(0, colon));
        if (colon != std::string_view::npos)
            port = rest.substr(colon + 1);
    }
    if (url.host.empty())
        return bad(text, "has no host");
    if (!port.empty()) {
        int number = 0;
        auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
        if (error != std::errc{} || end != port.data() + port.size() || number < 1 || number > 65535)
            return bad(text, "has a port that is not a number from 1 to 65535");
        url.port = std::to_string(number);
    } else {
        url.port = url.scheme == Scheme::Https ? "443" : "80";
    }
    if (url.scheme == Scheme::Http && !is_loopback(url.host))
        return bad(text, "uses plain http:// to another machine (tokens and children's data would travel "
                         "unencrypted); use https://");
    return url;
}

} // namespace badgeuse::sync
