// `portal import calendar FILE.ics|FILE.csv [--site NAME]`: the school holidays and closures of a file
// become closed periods of every site (or of the one named), in the store and its change log, so that
// the kiosks close on those days. A period a site already has is left alone: importing a file twice
// changes nothing. A file with an error imports nothing, and the error names its line.
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

struct CalendarImportSummary {
    int sites = 0;
    int added = 0;     // periods written, summed over the sites
    int unchanged = 0; // periods a site already had
};

// `site_name` empty: every site. Each site's new periods are one server transaction.
Result<CalendarImportSummary> import_calendar(PortalStore& store, const std::vector<ClosedPeriod>& periods,
                                              const std::string& site_name);

int portal_import_calendar(const PortalConfig& config, const std::filesystem::path& file,
                           const std::string& site_name, std::ostream& out, std::ostream& err);

} // namespace badgeuse::portal
