// `portal import calendar FILE.ics|FILE.csv [--site NAME]`: the school holidays and closures of a file
// become closed periods of every site (or of the one named), in the store and its change log, so that
// the kiosks close on those days. A period a site already has is left alone: importing a file twice
// changes nothing. A file with an error imports nothing, and the error names its line.
// A corrected file (the académie moves a holiday) would leave the old dates closed too: a site's period
// of a kind the file has, lying within the file's first and last days and not in it, is "stale". The
// import names the stale periods; with --replace it deletes them, in the same server transaction as
// the new ones, so that a kiosk never sees the calendar half corrected.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/core/school_calendar.hpp"
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/portal_store.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace badgeuse::portal {

struct CalendarImportOptions {
    std::string site_name; // empty: every site
    bool replace = false;  // delete the stale periods
};

struct StalePeriod {
    std::string site;
    ClosedPeriod period;
};

struct CalendarImportSummary {
    int sites = 0;
    int added = 0;                  // periods written, summed over the sites
    int unchanged = 0;              // periods a site already had
    int removed = 0;                // stale periods deleted (--replace)
    std::vector<StalePeriod> stale; // stale periods kept (without --replace)
};

// Each site's changes (new periods, and with --replace the deletions) are one server transaction.
Result<CalendarImportSummary> import_calendar(PortalStore& store, const std::vector<ClosedPeriod>& periods,
                                              const CalendarImportOptions& options);

int portal_import_calendar(const PortalConfig& config, const std::filesystem::path& file,
                           const CalendarImportOptions& options, std::ostream& out, std::ostream& err);

} // namespace badgeuse::portal
