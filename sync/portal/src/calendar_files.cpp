// Loading school-calendar files by extension.
#include "badgeuse/portal/calendar_files.hpp"

#include <fstream>
#include <sstream>

namespace badgeuse::portal {

Result<std::vector<ClosedPeriod>> read_calendar_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return make_error(path.string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    auto extension = path.extension().string();
    auto parsed = extension == ".ics" ? parse_school_calendar_ics(text.str())
                  : extension == ".csv"
                      ? parse_school_calendar_csv(text.str())
                      : Result<std::vector<ClosedPeriod>>(make_error("unknown calendar format '" + extension +
                                                                     "' (expected .ics or .csv)"));
    if (!parsed)
        return make_error(path.string() + ": " + parsed.error().message);
    return parsed;
}

Result<Calendar> load_calendar(std::span<const std::filesystem::path> files, HolidayRegion region) {
    std::vector<ClosedPeriod> periods;
    for (const auto& file : files) {
        auto read = read_calendar_file(file);
        if (!read)
            return read.error();
        periods.insert(periods.end(), read->begin(), read->end());
    }
    return Calendar(std::move(periods), region);
}

} // namespace badgeuse::portal
