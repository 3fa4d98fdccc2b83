// `portal export attendance --from DAY --to DAY [--site S]` and `portal export billing --month YYYY-MM`:
// CSV on stdout (RFC 4180: CRLF, fields quoted when they hold a comma, a quote or a line break; UTF-8;
// days as YYYY-MM-DD, moments as ISO 8601 with the Paris offset). Columns in README.md.
#pragma once

#include "badgeuse/core/date.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/portal/portal_config.hpp"
#include "badgeuse/portal/portal_store.hpp"

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace badgeuse::portal {

inline constexpr std::string_view kAttendanceExportHeader =
    "day,site,activity,child,class,arrival,departure,capture,recorded_by,flags";
inline constexpr std::string_view kBillingExportHeader =
    "day,site,subscriber_code,child_id,child,class,activity,category";

// One field as RFC 4180 writes it, and one record ending in CRLF.
std::string csv_field(std::string_view value);
void write_csv_record(std::ostream& out, const std::vector<std::string>& fields);

// One row per child, activity and day that kept an arrival or a departure (voids applied), sorted by
// day, activity and child; a zero site: every site.
Result<void> export_attendance(PortalStore& store, Date from, Date to, SiteId site, std::ostream& out);

// One row per child, activity and day with something to bill in the month (core's billing_lines).
Result<void> export_billing(PortalStore& store, std::chrono::year_month month, std::ostream& out);

int portal_export_attendance(const PortalConfig& config, const std::string& from, const std::string& to,
                             const std::string& site, std::ostream& out, std::ostream& err);
int portal_export_billing(const PortalConfig& config, const std::string& month, std::ostream& out,
                          std::ostream& err);

} // namespace badgeuse::portal
