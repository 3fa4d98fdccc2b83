// `portal rules ...`: the booking rules and the calendar as the portal applies them, for admins and
// scripts. Each function writes its answer to `out` and returns the exit status.
#pragma once

#include "badgeuse/portal/portal_config.hpp"

#include <iosfwd>
#include <string>

namespace badgeuse::portal {

// `portal rules holidays --year YYYY`: "YYYY-MM-DD<TAB>name" per line, sorted.
int rules_holidays(const std::string& year, HolidayRegion region, std::ostream& out, std::ostream& err);
// `portal rules deadline --day YYYY-MM-DD`: the last accepted moment, ISO 8601 with offset.
int rules_deadline(const PortalConfig& config, const std::string& day, std::ostream& out, std::ostream& err);
// `portal rules check --day D --at T`: "open until <deadline>" or "closed since <deadline>".
int rules_check(const PortalConfig& config, const std::string& day, const std::string& at, std::ostream& out,
                std::ostream& err);
// `portal rules week --from D`: the seven days from D, each with its closure and its deadline.
int rules_week(const PortalConfig& config, const std::string& from, std::ostream& out, std::ostream& err);

} // namespace badgeuse::portal
