// The billing export: the month's facts from the store, categorised by core's billing_lines.
#include "badgeuse/core/billing.hpp"
#include "badgeuse/portal/cli.hpp"
#include "badgeuse/portal/export_commands.hpp"
#include "badgeuse/portal/export_names.hpp"

#include <charconv>
#include <ostream>

namespace badgeuse::portal {
namespace {

Result<std::chrono::year_month> parse_month(std::string_view text) {
    const auto bad = [&] {
        return make_error("--month: expected YYYY-MM, such as 2027-01, not \"" + std::string(text) + "\"");
    };
    if (text.size() != 7 || text[4] != '-')
        return bad();
    int year = 0;
    unsigned month = 0;
    const auto [year_end, year_error] = std::from_chars(text.data(), text.data() + 4, year);
    const auto [month_end, month_error] = std::from_chars(text.data() + 5, text.data() + 7, month);
    if (year_error != std::errc{} || year_end != text.data() + 4 || month_error != std::errc{} ||
        month_end != text.data() + 7 || month < 1 || month > 12 || year < 1900 || year > 2200)
        return bad();
    return std::chrono::year_month{std::chrono::year{year}, std::chrono::month{month}};
}

} // namespace

Result<void> export_billing(PortalStore& store, std::chrono::year_month month, std::ostream& out) {
    const Date first{month / std::chrono::day{1}};
    const Date last{month / std::chrono::last};
    const ExportNames names = BADGEUSE_TRY(ExportNames::load(store));

    BillingInput input;
    for (const protocol::ReservationRecord& record : BADGEUSE_TRY(store.reservations_between(first, last)))
        if (record.state == protocol::ReservationState::Booked)
            input.booked.push_back(record.reservation);
    for (StoredEvent& stored : BADGEUSE_TRY(store.events_of_days(first, last, SiteId{}))) {
        if (auto* attendance = std::get_if<AttendanceEvent>(&stored.event)) {
            input.attendance.push_back(std::move(*attendance));
        } else if (const auto* correction = std::get_if<protocol::StaffCorrection>(&stored.event)) {
            if (stored.outcome == protocol::Outcome::Accepted)
                input.corrections.push_back({correction->child, correction->activity, correction->day,
                                             correction->correction == protocol::CorrectionKind::MarkPresent,
                                             correction->made_at});
        } else if (const auto* intent = std::get_if<protocol::BookingIntent>(&stored.event)) {
            if (stored.outcome == protocol::Outcome::Refused && stored.reason == "too_late")
                input.late_changes.push_back({intent->child, intent->activity, intent->day});
        }
    }
    for (const protocol::ChangeData& data : BADGEUSE_TRY(store.records("absence", SiteId{})))
        input.absences.push_back(std::get<Absence>(data));

    out << kBillingExportHeader << "\r\n";
    for (const BillingLine& line : billing_lines(input)) {
        const Family* family = names.family_of(line.key.child);
        write_csv_record(
            out, {format_date(line.key.day), family ? names.site_name(family->site) : std::string(),
                  family ? family->subscriber_code : std::string(), std::to_string(line.key.child.value),
                  names.child_name(line.key.child), names.class_of(line.key.child),
                  names.activity_code(line.key.activity), std::string(billing_category_key(line.category))});
    }
    return {};
}

int portal_export_billing(const PortalConfig& config, const std::string& month_text, std::ostream& out,
                          std::ostream& err) {
    auto month = parse_month(month_text);
    if (!month) {
        err << "portal: " << month.error().message << '\n';
        return kExitUsage;
    }
    auto store = open_portal_store(config.database, OpenMode::MustExist);
    if (!store) {
        err << "portal: " << store.error().message << '\n';
        return kExitFailure;
    }
    auto written = export_billing(**store, *month, out);
    if (!written) {
        err << "portal: " << written.error().message << '\n';
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace badgeuse::portal
