// `portal init` and `portal enroll`: thin wrappers over PortalStore that turn its errors into one
// line on stderr and an exit status.
#include "badgeuse/portal/admin_commands.hpp"

#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/cli.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/portal/secrets.hpp"

#include <ostream>

namespace badgeuse::portal {

Instant SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

int portal_init(const PortalConfig& config, std::ostream& out, std::ostream& err) {
    // Opening what must exist first tells "created" from "up to date" on either backend.
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    const bool existed = store.ok();
    if (!existed)
        store = open_portal_store(config.database, OpenMode::CreateIfMissing);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    out << (existed ? "up to date: " : "created: ") << config.database.display() << " (schema "
        << portal_schema_version(config.database) << ")\n";
    return kExitOk;
}

int portal_enroll(const PortalConfig& config, const std::string& site, const std::string& kiosk_name,
                  const Clock& clock, std::ostream& out, std::ostream& err) {
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    auto found = (*store)->find_site(site);
    if (!found) {
        err << "portal: " << found.error().message << '\n';
        return kExitFailure;
    }
    if (!found->has_value()) {
        err << "portal: no site named \"" << site
            << "\": import its families first (portal import families)\n";
        return kExitUsage;
    }
    if (kiosk_name.empty()) {
        err << "portal: --name: expected the kiosk's name, such as \"préau\"\n";
        return kExitUsage;
    }
    auto code = make_enrollment_code();
    if (!code) {
        err << "portal: " << code.error().message << '\n';
        return kExitFailure;
    }
    const Instant expires = clock.now() + kEnrollmentCodeLifetime;
    auto added =
        (*store)->add_enrollment_code((**found).id, kiosk_name, hash_secret(normalise_code(*code)), expires);
    if (!added) {
        err << "portal: " << added.error().message << '\n';
        return kExitFailure;
    }
    out << *code << '\n';
    err << "one-time code for kiosk \"" << kiosk_name << "\" of " << site << ", valid until "
        << paris::format_iso8601(expires) << '\n';
    return kExitOk;
}

} // namespace badgeuse::portal
