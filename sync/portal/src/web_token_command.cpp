// `portal web-token --name NAME`: a bearer token for the town's web portal. Printed once; the
// portal keeps only its hash, as for kiosks.
#include "badgeuse/portal/cli.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/portal/secrets.hpp"
#include "badgeuse/portal/serve_command.hpp"

#include <ostream>

namespace badgeuse::portal {

int portal_web_token(const PortalConfig& config, const std::string& name, const Clock& clock,
                     std::ostream& out, std::ostream& err) {
    // The name appears in the log lines (kiosk=web:NAME): one word, nothing that could forge a field.
    const bool one_word =
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
        std::string::npos;
    if (name.empty() || name.size() > 64 || !one_word) {
        err << "portal: --name: expected 1 to 64 letters, digits, '.', '_' or '-' (such as site-mairie), not "
               "\""
            << name << "\"\n";
        return kExitUsage;
    }
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    auto token = make_token();
    if (!token) {
        err << "portal: " << token.error().message << '\n';
        return kExitFailure;
    }
    auto added = (*store)->add_web_token(name, hash_secret(*token), clock.now());
    if (!added) {
        err << "portal: cannot store the web token: " << added.error().message << '\n';
        return kExitFailure;
    }
    out << *token << '\n';
    return kExitOk;
}

} // namespace badgeuse::portal
