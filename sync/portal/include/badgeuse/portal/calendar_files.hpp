// Reading school-calendar files (.ics from the ministry, or the town's .csv) into a Calendar.
// The format is chosen by the file's extension.
#pragma once

#include "badgeuse/core/calendar.hpp"
#include "badgeuse/core/result.hpp"

#include <filesystem>
#include <span>

namespace badgeuse::portal {

Result<std::vector<ClosedPeriod>> read_calendar_file(const std::filesystem::path& path);
Result<Calendar> load_calendar(std::span<const std::filesystem::path> files, HolidayRegion region);

} // namespace badgeuse::portal
