// The calendar import: parse the whole file first (core's readers), then give each site the periods
// it does not have yet. A period is the same when its days, kind and label are.
#include "badgeuse/portal/import_calendar.hpp"

#include "badgeuse/portal/calendar_files.hpp"
#include "badgeuse/portal/cli.hpp"

#include <algorithm>
#include <ostream>

namespace badgeuse::portal {

Result<CalendarImportSummary> import_calendar(PortalStore& store, const std::vector<ClosedPeriod>& periods,
                                              const std::string& site_name) {
    std::vector<Site> sites;
    if (site_name.empty()) {
        sites = BADGEUSE_TRY(store.sites());
        if (sites.empty())
            return make_error(
                "the portal has no site yet: import the families first (portal import families)");
    } else {
        auto site = BADGEUSE_TRY(store.find_site(site_name));
        if (!site)
            return make_error("--site: no site named \"" + site_name + "\" on the portal");
        sites.push_back(*site);
    }
    CalendarImportSummary summary;
    for (const Site& site : sites) {
        const auto existing = BADGEUSE_TRY(store.records("closed_period", site.id));
        std::vector<ClosedPeriod> known;
        for (const protocol::ChangeData& data : existing)
            known.push_back(std::get<protocol::ClosedPeriodRecord>(data).period);
        std::vector<Write> writes;
        for (const ClosedPeriod& period : periods) {
            if (std::find(known.begin(), known.end(), period) != known.end()) {
                ++summary.unchanged;
                continue;
            }
            known.push_back(period); // a period twice in one file is written once
            writes.push_back({protocol::ChangeKind::Upsert, protocol::ClosedPeriodRecord{0, period}});
        }
        if (!writes.empty())
            (void)BADGEUSE_TRY(store.commit(site.id, writes));
        summary.added += static_cast<int>(writes.size());
        ++summary.sites;
    }
    return summary;
}

int portal_import_calendar(const PortalConfig& config, const std::filesystem::path& file,
                           const std::string& site_name, std::ostream& out, std::ostream& err) {
    auto periods = read_calendar_file(file);
    if (!periods) {
        err << "portal: " << periods.error().message << "; nothing was imported\n";
        return kExitUsage;
    }
    if (periods->empty()) {
        err << "portal: " << file.string() << ": no holiday or closure in the file; nothing was imported\n";
        return kExitUsage;
    }
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    auto summary = import_calendar(**store, *periods, site_name);
    if (!summary) {
        err << "portal: " << summary.error().message << "; nothing was imported\n";
        return kExitUsage;
    }
    out << "imported " << summary->added << " closed periods for " << summary->sites
        << (summary->sites == 1 ? " site" : " sites") << " (" << summary->unchanged << " already there)\n";
    return kExitOk;
}

} // namespace badgeuse::portal
