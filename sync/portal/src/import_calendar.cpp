// The calendar import: parse the whole file first (core's readers), then give each site the periods
// it does not have yet, and find (or, with --replace, delete) the ones the file no longer has. A period
// is the same when its days, kind and label are.
#include "badgeuse/portal/import_calendar.hpp"

#include "badgeuse/portal/calendar_files.hpp"
#include "badgeuse/portal/cli.hpp"

#include <algorithm>
#include <ostream>
#include <set>

namespace badgeuse::portal {
namespace {

// The days and kinds a calendar file speaks for: a period of the site outside them is none of its business.
struct FileCoverage {
    Date first;
    Date last;
    std::set<ClosureKind> kinds;

    explicit FileCoverage(const std::vector<ClosedPeriod>& periods)
        : first(periods.front().first)
        , last(periods.front().last) {
        for (const ClosedPeriod& period : periods) {
            first = std::min(first, period.first);
            last = std::max(last, period.last);
            kinds.insert(period.kind);
        }
    }

    bool covers(const ClosedPeriod& period) const {
        return kinds.count(period.kind) != 0 && first <= period.first && period.last <= last;
    }
};

bool listed(const std::vector<ClosedPeriod>& periods, const ClosedPeriod& period) {
    return std::find(periods.begin(), periods.end(), period) != periods.end();
}

} // namespace

Result<CalendarImportSummary> import_calendar(PortalStore& store, const std::vector<ClosedPeriod>& periods,
                                              const CalendarImportOptions& options) {
    if (periods.empty())
        return make_error("no holiday or closure to import");
    std::vector<Site> sites;
    if (options.site_name.empty()) {
        sites = BADGEUSE_TRY(store.sites());
        if (sites.empty())
            return make_error(
                "the portal has no site yet: import the families first (portal import families)");
    } else {
        auto site = BADGEUSE_TRY(store.find_site(options.site_name));
        if (!site)
            return make_error("--site: no site named \"" + options.site_name + "\" on the portal");
        sites.push_back(*site);
    }
    const FileCoverage coverage(periods);
    CalendarImportSummary summary;
    for (const Site& site : sites) {
        const auto existing = BADGEUSE_TRY(store.records("closed_period", site.id));
        std::vector<ClosedPeriod> known;
        std::vector<Write> writes;
        for (const protocol::ChangeData& data : existing) {
            const auto& record = std::get<protocol::ClosedPeriodRecord>(data);
            known.push_back(record.period);
            if (!coverage.covers(record.period) || listed(periods, record.period))
                continue;
            if (options.replace) {
                writes.push_back({protocol::ChangeKind::Delete, record});
                ++summary.removed;
            } else {
                summary.stale.push_back({site.name, record.period});
            }
        }
        for (const ClosedPeriod& period : periods) {
            if (listed(known, period)) {
                ++summary.unchanged;
                continue;
            }
            known.push_back(period); // a period twice in one file is written once
            writes.push_back({protocol::ChangeKind::Upsert, protocol::ClosedPeriodRecord{0, period}});
            ++summary.added;
        }
        if (!writes.empty())
            (void)BADGEUSE_TRY(store.commit(site.id, writes));
        ++summary.sites;
    }
    return summary;
}

int portal_import_calendar(const PortalConfig& config, const std::filesystem::path& file,
                           const CalendarImportOptions& options, std::ostream& out, std::ostream& err) {
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
    auto summary = import_calendar(**store, *periods, options);
    if (!summary) {
        err << "portal: " << summary.error().message << "; nothing was imported\n";
        return kExitUsage;
    }
    out << "imported " << summary->added << " closed periods for " << summary->sites
        << (summary->sites == 1 ? " site" : " sites") << " (" << summary->unchanged << " already there";
    if (options.replace)
        out << ", " << summary->removed << " no longer in the file removed";
    out << ")\n";
    for (const StalePeriod& stale : summary->stale)
        err << "portal: warning: " << stale.site << " keeps " << closure_kind_key(stale.period.kind) << ' '
            << format_date(stale.period.first) << " to " << format_date(stale.period.last) << " \""
            << stale.period.label << "\", within the file's dates but not in it; --replace removes it\n";
    return kExitOk;
}

} // namespace badgeuse::portal
