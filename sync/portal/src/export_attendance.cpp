// The attendance export: the stored attendance events of the days, folded by core's attendance_days.
#include "badgeuse/core/attendance_days.hpp"
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/portal/cli.hpp"
#include "badgeuse/portal/export_commands.hpp"
#include "badgeuse/portal/export_names.hpp"

#include <algorithm>
#include <ostream>

namespace badgeuse::portal {
namespace {

std::string moment(const std::optional<AttendanceEvent>& event) {
    return event ? paris::format_iso8601(event->at) : std::string();
}

} // namespace

Result<void> export_attendance(PortalStore& store, Date from, Date to, SiteId site, std::ostream& out) {
    const ExportNames names = BADGEUSE_TRY(ExportNames::load(store));
    std::vector<AttendanceEvent> attendance;
    std::map<Uuid, SiteId> site_of;
    for (StoredEvent& stored : BADGEUSE_TRY(store.events_of_days(from, to, site))) {
        auto* event = std::get_if<AttendanceEvent>(&stored.event);
        if (!event || stored.outcome != protocol::Outcome::Accepted)
            continue;
        site_of[event->id] = stored.site;
        attendance.push_back(std::move(*event));
    }
    std::vector<AttendanceDay> days = attendance_days(attendance);
    out << kAttendanceExportHeader << "\r\n";
    for (const AttendanceDay& day : days) {
        const AttendanceEvent& first = day.arrival ? *day.arrival : *day.departure;
        std::string flags;
        for (const auto& event : {day.arrival, day.departure})
            if (event && event->flag != AttendanceFlag::None &&
                flags.find(attendance_flag_key(event->flag)) == std::string::npos)
                flags += (flags.empty() ? "" : ";") + std::string(attendance_flag_key(event->flag));
        write_csv_record(out, {format_date(day.day), names.site_name(site_of[first.id]),
                               names.activity_code(day.activity), names.child_name(day.child),
                               names.class_of(day.child), moment(day.arrival), moment(day.departure),
                               std::string(capture_key(first.capture)), names.staff_name(first.recorded_by),
                               flags});
    }
    return {};
}

int portal_export_attendance(const PortalConfig& config, const std::string& from_text,
                             const std::string& to_text, const std::string& site_name, std::ostream& out,
                             std::ostream& err) {
    auto from = parse_date(from_text);
    if (!from) {
        err << "portal: --from: " << from.error().message << '\n';
        return kExitUsage;
    }
    auto to = parse_date(to_text);
    if (!to) {
        err << "portal: --to: " << to.error().message << '\n';
        return kExitUsage;
    }
    if (*to < *from) {
        err << "portal: --to: " << to_text << " is before --from " << from_text << '\n';
        return kExitUsage;
    }
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    SiteId site;
    if (!site_name.empty()) {
        auto found = (*store)->find_site(site_name);
        if (!found) {
            err << "portal: " << found.error().message << '\n';
            return kExitFailure;
        }
        if (!found->has_value()) {
            err << "portal: --site: no site named \"" << site_name << "\" on the portal\n";
            return kExitUsage;
        }
        site = (**found).id;
    }
    auto written = export_attendance(**store, *from, *to, site, out);
    if (!written) {
        err << "portal: " << written.error().message << '\n';
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace badgeuse::portal
