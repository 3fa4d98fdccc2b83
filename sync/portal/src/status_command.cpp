// `portal status`: one tab-separated line per kiosk, so that a person reads it and a script cuts
// it; the exit status says whether any kiosk has gone silent.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/cli.hpp"
#include "badgeuse/portal/portal_store.hpp"
#include "badgeuse/portal/serve_command.hpp"

#include <ostream>

namespace badgeuse::portal {

int portal_status(const PortalConfig& config, const Clock& clock, std::ostream& out, std::ostream& err) {
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    auto kiosks = (*store)->kiosk_contacts();
    if (!kiosks) {
        err << "portal: " << kiosks.error().message << '\n';
        return kExitFailure;
    }
    if (kiosks->empty()) {
        out << "no kiosk enrolled yet (portal enroll --site SITE --name NAME)\n";
        return kExitOk;
    }
    const Instant now = clock.now();
    const auto silent_after = std::chrono::minutes(config.status.silent_after_minutes);
    int silent = 0;
    out << "site\tkiosk\tlast contact\tevents waiting\tstate\n";
    for (const KioskContact& kiosk : *kiosks) {
        out << kiosk.site_name << '\t' << kiosk.kiosk.name << '\t';
        if (!kiosk.last_contact) {
            ++silent;
            out << "never\t-\tSILENT (never contacted the portal)\n";
            continue;
        }
        const auto quiet = std::chrono::duration_cast<std::chrono::minutes>(now - *kiosk.last_contact);
        out << paris::format_iso8601(*kiosk.last_contact) << '\t' << kiosk.events_waiting << '\t';
        if (now - *kiosk.last_contact > silent_after) {
            ++silent;
            out << "SILENT for " << quiet.count() << " min\n";
        } else {
            out << "ok\n";
        }
    }
    out << kiosks->size() << (kiosks->size() == 1 ? " kiosk, " : " kiosks, ") << silent
        << " silent for more than " << config.status.silent_after_minutes << " min\n";
    return silent > 0 ? kExitSilentKiosks : kExitOk;
}

} // namespace badgeuse::portal
