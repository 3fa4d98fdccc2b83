// `portal serve`: checks everything that can be wrong at startup (listen address, TLS files, the
// database, the port) before serving, so that a mistake is one clear line and exit status 2.
#include "badgeuse/portal/serve_command.hpp"

#include "badgeuse/portal/admin_commands.hpp"
#include "badgeuse/portal/cli.hpp"
#include "badgeuse/portal/secrets.hpp"
#include "server/http_server.hpp"
#include "server/portal_service.hpp"
#include "server/running_clock.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <memory>
#include <ostream>
#include <system_error>

namespace badgeuse::portal {
namespace {

// Writes the port to a temporary file beside `path`, then renames it, so a reader never sees half.
bool write_port_file(const std::filesystem::path& path, unsigned short port, std::ostream& err) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream file(temporary, std::ios::trunc);
        file << port << '\n';
        if (!file.flush()) {
            err << "portal: --port-file: cannot write " << temporary.string() << '\n';
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        err << "portal: --port-file: cannot rename " << temporary.string() << " to " << path.string() << ": "
            << ec.message() << '\n';
        return false;
    }
    return true;
}

// The metrics token's hash, read from its file (one line); an empty or unreadable file is an error.
Result<std::optional<std::string>> metrics_token_hash(const ServerConfig& server) {
    if (server.metrics_token_file.empty())
        return std::optional<std::string>{};
    std::ifstream file(server.metrics_token_file);
    std::string token;
    if (!file || !std::getline(file, token))
        return make_error("server.metrics_token_file: cannot read " + server.metrics_token_file.string());
    while (!token.empty() && (token.back() == '\r' || token.back() == ' '))
        token.pop_back();
    if (token.size() < 16)
        return make_error("server.metrics_token_file: " + server.metrics_token_file.string() +
                          " must hold a token of at least 16 characters");
    return std::optional<std::string>{hash_secret(token)};
}

bool is_loopback(const boost::asio::ip::address& address) {
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6()).is_loopback();
    return address.is_loopback();
}

void set_up_logging() {
    // One line per event on stderr (journald adds its own timestamp under systemd).
    auto logger =
        std::make_shared<spdlog::logger>("portal", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

} // namespace

int portal_serve(const PortalConfig& config, const ServeOptions& options, std::ostream& err) {
    const std::string listen = options.listen.empty() ? config.server.listen : options.listen;
    auto endpoint = server::parse_listen_address(listen);
    if (!endpoint) {
        err << "portal: " << endpoint.error().message << '\n';
        return kExitUsage;
    }
    if (options.insecure_dev && !is_loopback(endpoint->address())) {
        err << "portal: --insecure-dev serves plain HTTP and is refused on " << listen
            << ": listen on 127.0.0.1 or [::1], or drop --insecure-dev and use TLS\n";
        return kExitUsage;
    }
    server::ServerOptions server_options;
    server_options.endpoint = *endpoint;
    server_options.header_timeout = config.server.header_timeout;
    server_options.body_timeout = config.server.body_timeout;
    server_options.idle_timeout = config.server.idle_timeout;
    server_options.max_body_bytes = config.server.max_body_bytes;
    if (!options.insecure_dev) {
        auto tls = server::make_tls_context(config.server.certificate, config.server.private_key);
        if (!tls) {
            err << "portal: " << tls.error().message << '\n';
            return kExitUsage;
        }
        server_options.tls.emplace(std::move(*tls));
    }
    std::unique_ptr<Clock> clock;
    if (options.clock_start.empty()) {
        clock = std::make_unique<SystemClock>();
    } else {
        auto start = server::parse_clock_start(options.clock_start);
        if (!start) {
            err << "portal: " << start.error().message << '\n';
            return kExitUsage;
        }
        clock = std::make_unique<server::RunningClock>(*start);
    }
    auto metrics_hash = metrics_token_hash(config.server);
    if (!metrics_hash) {
        err << "portal: " << metrics_hash.error().message << '\n';
        return kExitUsage;
    }
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }

    set_up_logging();
    server::PortalService service(**store, *clock, config, *metrics_hash);
    server::HttpServer http(std::move(server_options), service);
    auto port = http.listen();
    if (!port) {
        err << "portal: " << port.error().message << '\n';
        return kExitUsage;
    }
    if (!options.port_file.empty() && !write_port_file(options.port_file, *port, err))
        return kExitFailure;
    const std::string host = endpoint->address().is_v6() ? "[" + endpoint->address().to_string() + "]"
                                                         : endpoint->address().to_string();
    spdlog::info("listening on {}://{}:{} (database {})", options.insecure_dev ? "http" : "https", host,
                 *port, config.database.display());
    return http.run();
}

} // namespace badgeuse::portal
