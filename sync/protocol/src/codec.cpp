// The protocol's JSON. Encoders build Boost.JSON values; decoders read them with ObjectReader, which
// refuses wrong types, missing and unknown fields with the JSON path, and build nothing until all is read.
#include "badgeuse/protocol/codec.hpp"

#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/protocol/json_reader.hpp"
#include "badgeuse/protocol/keys.hpp"

#include <charconv>

namespace badgeuse::protocol {
namespace json = boost::json;
namespace {

json::string_view text(std::string_view value) {
    return {value.data(), value.size()};
}

json::value date_value(Date day) {
    return json::value(text(format_date(day)));
}

json::value instant_value(Instant at) {
    return json::value(text(paris::format_iso8601(at)));
}

std::string to_text(const json::object& object) {
    return json::serialize(object);
}

// Ids are assigned by the portal and start at 1: a zero or negative id is a bug on the other side.
template <typename IdType>
Result<IdType> read_id(ObjectReader& reader, std::string_view key) {
    const std::int64_t value = BADGEUSE_TRY(reader.integer(key));
    if (value <= 0)
        return reader.fail(key, "expected a positive id");
    return IdType{value};
}

template <typename IdType>
Result<IdType> read_optional_id(ObjectReader& reader, std::string_view key) {
    const std::int64_t value = BADGEUSE_TRY(reader.optional_integer(key, 0));
    if (value < 0)
        return reader.fail(key, "expected a positive id");
    return IdType{value};
}

Result<WeekdaySet> read_weekdays(ObjectReader& reader, std::string_view key) {
    const std::string keys = BADGEUSE_TRY(reader.string(key));
    auto parsed = WeekdaySet::parse_keys(keys);
    if (!parsed)
        return reader.fail(key, "expected weekday keys such as \"mon,tue,thu,fri\" (" +
                                    parsed.error().message + ")");
    return *parsed;
}

Result<Diet> read_diet(ObjectReader& reader) {
    return reader.key("diet", [](std::string_view key) { return parse_diet_key(key); });
}

// ---- records ----------------------------------------------------------------------------------

json::object to_json(const Family& family) {
    return {{"id", family.id.value},
            {"site", family.site.value},
            {"subscriber_code", text(family.subscriber_code)},
            {"name", text(family.name)}};
}

Result<Family> read_family(ObjectReader& reader) {
    Family family;
    family.id = BADGEUSE_TRY(read_id<FamilyId>(reader, "id"));
    family.site = BADGEUSE_TRY(read_id<SiteId>(reader, "site"));
    family.subscriber_code = BADGEUSE_TRY(reader.string("subscriber_code"));
    family.name = BADGEUSE_TRY(reader.string("name"));
    return family;
}

json::object to_json(const Guardian& guardian) {
    return {{"id", guardian.id.value},
            {"family", guardian.family.value},
            {"first_name", text(guardian.first_name)},
            {"last_name", text(guardian.last_name)},
            {"phone", text(guardian.phone)}};
}

Result<Guardian> read_guardian(ObjectReader& reader) {
    Guardian guardian;
    guardian.id = BADGEUSE_TRY(read_id<GuardianId>(reader, "id"));
    guardian.family = BADGEUSE_TRY(read_id<FamilyId>(reader, "family"));
    guardian.first_name = BADGEUSE_TRY(reader.string("first_name"));
    guardian.last_name = BADGEUSE_TRY(reader.string("last_name"));
    guardian.phone = BADGEUSE_TRY(reader.string("phone"));
    return guardian;
}

json::object to_json(const Child& child) {
    json::array adults;
    for (const AuthorisedAdult& adult : child.authorised_adults)
        adults.push_back(json::object{
            {"name", text(adult.name)}, {"relation", text(adult.relation)}, {"phone", text(adult.phone)}});
    return {{"id", child.id.value},
            {"family", child.family.value},
            {"first_name", text(child.first_name)},
            {"last_name", text(child.last_name)},
            {"class_name", text(child.class_name)},
            {"diet", text(diet_key(child.diet))},
            {"allergy", child.allergy},
            {"pai", child.pai},
            {"health_note", text(child.health_note)},
            {"authorised_adults", std::move(adults)}};
}

Result<Child> read_child(ObjectReader& reader) {
    Child child;
    child.id = BADGEUSE_TRY(read_id<ChildId>(reader, "id"));
    child.family = BADGEUSE_TRY(read_id<FamilyId>(reader, "family"));
    child.first_name = BADGEUSE_TRY(reader.string("first_name"));
    child.last_name = BADGEUSE_TRY(reader.string("last_name"));
    child.class_name = BADGEUSE_TRY(reader.string("class_name"));
    child.diet = BADGEUSE_TRY(read_diet(reader));
    child.allergy = BADGEUSE_TRY(reader.boolean("allergy"));
    child.pai = BADGEUSE_TRY(reader.boolean("pai"));
    child.health_note = BADGEUSE_TRY(reader.string("health_note"));
    const auto read_element = [&](const json::value& value, const std::string& path) -> Result<void> {
        ObjectReader adult_reader = BADGEUSE_TRY(ObjectReader::open(value, path));
        AuthorisedAdult adult;
        adult.name = BADGEUSE_TRY(adult_reader.string("name"));
        adult.relation = BADGEUSE_TRY(adult_reader.string("relation"));
        adult.phone = BADGEUSE_TRY(adult_reader.string("phone"));
        BADGEUSE_CHECK(adult_reader.finish());
        child.authorised_adults.push_back(std::move(adult));
        return {};
    };
    BADGEUSE_CHECK(reader.array("authorised_adults", read_element));
    return child;
}

json::object to_json(const Badge& badge) {
    return {{"uid", text(badge.uid)},
            {"holder_kind", text(holder_kind_key(badge.holder_kind))},
            {"holder_id", badge.holder_id},
            {"state", text(badge_state_key(badge.state))}};
}

Result<Badge> read_badge(ObjectReader& reader) {
    Badge badge;
    const std::string uid = BADGEUSE_TRY(reader.string("uid"));
    auto normalised = normalise_uid(uid);
    if (!normalised || *normalised != uid)
        return reader.fail("uid", "expected upper-case hexadecimal, 4 to 10 bytes");
    badge.uid = uid;
    badge.holder_kind = BADGEUSE_TRY(
        reader.key("holder_kind", [](std::string_view key) { return parse_holder_kind_key(key); }));
    badge.holder_id = BADGEUSE_TRY(reader.integer("holder_id"));
    if (badge.holder_id <= 0)
        return reader.fail("holder_id", "expected a positive id");
    badge.state = BADGEUSE_TRY(reader.key("state", parse_badge_state_key));
    return badge;
}

json::object to_json(const Activity& activity) {
    return {{"id", activity.id.value},
            {"code", text(activity.code)},
            {"name", text(activity.name)},
            {"kind", text(activity_kind_key(activity.kind))},
            {"opening", json::object{{"days", text(activity.opening.days.to_keys())},
                                     {"start", text(activity.opening.start.to_string())},
                                     {"end", text(activity.opening.end.to_string())}}},
            {"reservation", text(reservation_policy_key(activity.reservation))},
            {"departure", text(departure_recording_key(activity.departure))},
            {"deadline", json::object{{"working_days_before", activity.deadline.working_days_before},
                                      {"hour", text(activity.deadline.hour.to_string())},
                                      {"working_days", text(activity.deadline.working_days.to_keys())}}}};
}

Result<Activity> read_activity(ObjectReader& reader) {
    Activity activity;
    activity.id = BADGEUSE_TRY(read_id<ActivityId>(reader, "id"));
    activity.code = BADGEUSE_TRY(reader.string("code"));
    activity.name = BADGEUSE_TRY(reader.string("name"));
    activity.kind = BADGEUSE_TRY(reader.key("kind", parse_activity_kind_key));
    {
        const json::value* opening_value = BADGEUSE_TRY(reader.any("opening"));
        ObjectReader opening =
            BADGEUSE_TRY(ObjectReader::open(*opening_value, path_field(reader.path(), "opening")));
        activity.opening.days = BADGEUSE_TRY(read_weekdays(opening, "days"));
        activity.opening.start = BADGEUSE_TRY(opening.time_of_day("start"));
        activity.opening.end = BADGEUSE_TRY(opening.time_of_day("end"));
        if (activity.opening.end <= activity.opening.start)
            return opening.fail("end", "expected a time after start");
        BADGEUSE_CHECK(opening.finish());
    }
    activity.reservation = BADGEUSE_TRY(reader.key("reservation", parse_reservation_policy_key));
    activity.departure = BADGEUSE_TRY(reader.key("departure", parse_departure_recording_key));
    {
        const json::value* deadline_value = BADGEUSE_TRY(reader.any("deadline"));
        ObjectReader deadline =
            BADGEUSE_TRY(ObjectReader::open(*deadline_value, path_field(reader.path(), "deadline")));
        const std::int64_t days = BADGEUSE_TRY(deadline.integer("working_days_before"));
        if (days < 0 || days > 30)
            return deadline.fail("working_days_before", "expected 0 to 30");
        activity.deadline.working_days_before = static_cast<int>(days);
        activity.deadline.hour = BADGEUSE_TRY(deadline.time_of_day("hour"));
        activity.deadline.working_days = BADGEUSE_TRY(read_weekdays(deadline, "working_days"));
        BADGEUSE_CHECK(deadline.finish());
    }
    return activity;
}

json::object to_json(const ClosedPeriodRecord& record) {
    return {{"id", record.id},
            {"first", date_value(record.period.first)},
            {"last", date_value(record.period.last)},
            {"kind", text(closure_kind_key(record.period.kind))},
            {"label", text(record.period.label)}};
}

Result<ClosedPeriodRecord> read_closed_period(ObjectReader& reader) {
    ClosedPeriodRecord record;
    record.id = BADGEUSE_TRY(reader.integer("id"));
    if (record.id <= 0)
        return reader.fail("id", "expected a positive id");
    record.period.first = BADGEUSE_TRY(reader.date("first"));
    record.period.last = BADGEUSE_TRY(reader.date("last"));
    if (record.period.last < record.period.first)
        return reader.fail("last", "expected a day on or after first");
    record.period.kind =
        BADGEUSE_TRY(reader.key("kind", [](std::string_view key) { return parse_closure_kind_key(key); }));
    record.period.label = BADGEUSE_TRY(reader.string("label"));
    return record;
}

json::object to_json(const ReservationRecord& record) {
    return {{"child", record.reservation.child.value},
            {"activity", record.reservation.activity.value},
            {"day", date_value(record.reservation.day)},
            {"state", text(reservation_state_key(record.state))}};
}

Result<ReservationRecord> read_reservation(ObjectReader& reader) {
    ReservationRecord record;
    record.reservation.child = BADGEUSE_TRY(read_id<ChildId>(reader, "child"));
    record.reservation.activity = BADGEUSE_TRY(read_id<ActivityId>(reader, "activity"));
    record.reservation.day = BADGEUSE_TRY(reader.date("day"));
    record.state = BADGEUSE_TRY(reader.key("state", parse_reservation_state_key));
    return record;
}

json::object to_json(const Absence& absence) {
    return {{"id", absence.id.value},
            {"child", absence.child.value},
            {"from", date_value(absence.from)},
            {"to", date_value(absence.to)},
            {"reason", text(absence.reason)},
            {"justification", text(justification_key(absence.justification))}};
}

Result<Absence> read_absence(ObjectReader& reader) {
    Absence absence;
    absence.id = BADGEUSE_TRY(read_id<AbsenceId>(reader, "id"));
    absence.child = BADGEUSE_TRY(read_id<ChildId>(reader, "child"));
    absence.from = BADGEUSE_TRY(reader.date("from"));
    absence.to = BADGEUSE_TRY(reader.date("to"));
    if (absence.to < absence.from)
        return reader.fail("to", "expected a day on or after from");
    absence.reason = BADGEUSE_TRY(reader.string("reason"));
    absence.justification = BADGEUSE_TRY(reader.key("justification", parse_justification_key));
    return absence;
}

json::object to_json(const StaffMember& staff) {
    return {{"id", staff.id.value},
            {"site", staff.site.value},
            {"first_name", text(staff.first_name)},
            {"last_name", text(staff.last_name)},
            {"role", text(staff.role)}};
}

Result<StaffMember> read_staff(ObjectReader& reader) {
    StaffMember staff;
    staff.id = BADGEUSE_TRY(read_id<StaffId>(reader, "id"));
    staff.site = BADGEUSE_TRY(read_id<SiteId>(reader, "site"));
    staff.first_name = BADGEUSE_TRY(reader.string("first_name"));
    staff.last_name = BADGEUSE_TRY(reader.string("last_name"));
    staff.role = BADGEUSE_TRY(reader.string("role"));
    return staff;
}

json::object to_json(const PinRecord& pin) {
    json::object object{
        {"subject", text(pin_subject_key(pin.subject))}, {"id", pin.id}, {"pin_hash", text(pin.pin_hash)}};
    // The reset's two fields travel together, and only while a reset is pending.
    if (!pin.reset_code_hash.empty()) {
        object["reset_code_hash"] = text(pin.reset_code_hash);
        object["reset_expires"] = instant_value(pin.reset_expires);
    }
    return object;
}

Result<PinRecord> read_pin(ObjectReader& reader) {
    PinRecord pin;
    pin.subject = BADGEUSE_TRY(reader.key("subject", parse_pin_subject_key));
    pin.id = BADGEUSE_TRY(reader.integer("id"));
    if (pin.id <= 0)
        return reader.fail("id", "expected a positive id");
    pin.pin_hash = BADGEUSE_TRY(reader.string("pin_hash"));
    pin.reset_code_hash = BADGEUSE_TRY(reader.optional_string("reset_code_hash"));
    if (!pin.reset_code_hash.empty())
        pin.reset_expires = BADGEUSE_TRY(reader.instant("reset_expires"));
    else if (reader.has("reset_expires"))
        return reader.fail("reset_expires", "only a pending reset (a reset_code_hash) has an expiry");
    return pin;
}

// The "entity" key of each alternative of ChangeData, in the variant's order.
constexpr std::string_view kEntityKeys[] = {"family",        "guardian",    "child",   "badge", "activity",
                                            "closed_period", "reservation", "absence", "staff", "pin"};
static_assert(std::size(kEntityKeys) == std::variant_size_v<ChangeData>);

Result<ChangeData> read_change_data(std::string_view entity, ObjectReader& reader) {
    if (entity == "family")
        return ChangeData{BADGEUSE_TRY(read_family(reader))};
    if (entity == "guardian")
        return ChangeData{BADGEUSE_TRY(read_guardian(reader))};
    if (entity == "child")
        return ChangeData{BADGEUSE_TRY(read_child(reader))};
    if (entity == "badge")
        return ChangeData{BADGEUSE_TRY(read_badge(reader))};
    if (entity == "activity")
        return ChangeData{BADGEUSE_TRY(read_activity(reader))};
    if (entity == "closed_period")
        return ChangeData{BADGEUSE_TRY(read_closed_period(reader))};
    if (entity == "reservation")
        return ChangeData{BADGEUSE_TRY(read_reservation(reader))};
    if (entity == "absence")
        return ChangeData{BADGEUSE_TRY(read_absence(reader))};
    if (entity == "staff")
        return ChangeData{BADGEUSE_TRY(read_staff(reader))};
    return ChangeData{BADGEUSE_TRY(read_pin(reader))};
}

Result<std::string> read_entity_key(ObjectReader& reader) {
    const std::string entity = BADGEUSE_TRY(reader.string("entity"));
    for (std::string_view key : kEntityKeys)
        if (key == entity)
            return entity;
    return reader.fail("entity", "expected family, guardian, child, badge, activity, closed_period, "
                                 "reservation, absence, staff or pin, not \"" +
                                     entity + "\"");
}

// ---- events -----------------------------------------------------------------------------------

json::object to_json(const AttendanceEvent& event) {
    json::object object{{"type", "attendance"},
                        {"id", text(event.id.to_string())},
                        {"child", event.child.value},
                        {"activity", event.activity.value},
                        {"day", date_value(event.day)},
                        {"kind", text(event_kind_key(event.kind))},
                        {"capture", text(capture_key(event.capture))},
                        {"flag", text(attendance_flag_key(event.flag))},
                        {"at", instant_value(event.at)}};
    // Optional fields are sent only when set, so that an arrival by badge stays short.
    if (!event.badge_uid.empty())
        object["badge_uid"] = text(event.badge_uid);
    if (event.recorded_by)
        object["recorded_by"] = event.recorded_by.value;
    if (!event.picked_up_by.empty())
        object["picked_up_by"] = text(event.picked_up_by);
    if (!event.voids.is_nil())
        object["voids"] = text(event.voids.to_string());
    return object;
}

Result<AttendanceEvent> read_attendance(ObjectReader& reader) {
    AttendanceEvent event;
    event.id = BADGEUSE_TRY(reader.uuid("id"));
    event.child = BADGEUSE_TRY(read_id<ChildId>(reader, "child"));
    event.activity = BADGEUSE_TRY(read_id<ActivityId>(reader, "activity"));
    event.day = BADGEUSE_TRY(reader.date("day"));
    event.kind =
        BADGEUSE_TRY(reader.key("kind", [](std::string_view key) { return parse_event_kind_key(key); }));
    event.capture =
        BADGEUSE_TRY(reader.key("capture", [](std::string_view key) { return parse_capture_key(key); }));
    event.flag =
        BADGEUSE_TRY(reader.key("flag", [](std::string_view key) { return parse_attendance_flag_key(key); }));
    event.at = BADGEUSE_TRY(reader.instant("at"));
    event.badge_uid = BADGEUSE_TRY(reader.optional_string("badge_uid"));
    event.recorded_by = BADGEUSE_TRY(read_optional_id<StaffId>(reader, "recorded_by"));
    event.picked_up_by = BADGEUSE_TRY(reader.optional_string("picked_up_by"));
    event.voids = BADGEUSE_TRY(reader.optional_uuid("voids"));
    if (event.kind == EventKind::Void && event.voids.is_nil())
        return reader.fail("voids", "missing: a void event names the event it cancels");
    if (event.kind != EventKind::Void && !event.voids.is_nil())
        return reader.fail("voids", "only a void event names an event to cancel");
    return event;
}

json::object to_json(const BookingIntent& intent) {
    return {{"type", "booking"},
            {"id", text(intent.id.to_string())},
            {"child", intent.child.value},
            {"activity", intent.activity.value},
            {"day", date_value(intent.day)},
            {"action", text(booking_action_key(intent.action))},
            {"made_at", instant_value(intent.made_at)}};
}

Result<BookingIntent> read_booking(ObjectReader& reader) {
    BookingIntent intent;
    intent.id = BADGEUSE_TRY(reader.uuid("id"));
    intent.child = BADGEUSE_TRY(read_id<ChildId>(reader, "child"));
    intent.activity = BADGEUSE_TRY(read_id<ActivityId>(reader, "activity"));
    intent.day = BADGEUSE_TRY(reader.date("day"));
    intent.action = BADGEUSE_TRY(reader.key("action", parse_booking_action_key));
    intent.made_at = BADGEUSE_TRY(reader.instant("made_at"));
    return intent;
}

json::object to_json(const AbsenceDeclared& absence) {
    return {{"type", "absence"},
            {"id", text(absence.id.to_string())},
            {"child", absence.child.value},
            {"from", date_value(absence.from)},
            {"to", date_value(absence.to)},
            {"reason", text(absence.reason)},
            {"made_at", instant_value(absence.made_at)}};
}

Result<AbsenceDeclared> read_absence_declared(ObjectReader& reader) {
    AbsenceDeclared absence;
    absence.id = BADGEUSE_TRY(reader.uuid("id"));
    absence.child = BADGEUSE_TRY(read_id<ChildId>(reader, "child"));
    absence.from = BADGEUSE_TRY(reader.date("from"));
    absence.to = BADGEUSE_TRY(reader.date("to"));
    if (absence.to < absence.from)
        return reader.fail("to", "expected a day on or after from");
    absence.reason = BADGEUSE_TRY(reader.string("reason"));
    absence.made_at = BADGEUSE_TRY(reader.instant("made_at"));
    return absence;
}

json::object to_json(const StaffCorrection& correction) {
    return {{"type", "correction"},
            {"id", text(correction.id.to_string())},
            {"staff", correction.staff.value},
            {"child", correction.child.value},
            {"activity", correction.activity.value},
            {"day", date_value(correction.day)},
            {"correction", text(correction_kind_key(correction.correction))},
            {"note", text(correction.note)},
            {"made_at", instant_value(correction.made_at)}};
}

Result<StaffCorrection> read_correction(ObjectReader& reader) {
    StaffCorrection correction;
    correction.id = BADGEUSE_TRY(reader.uuid("id"));
    correction.staff = BADGEUSE_TRY(read_id<StaffId>(reader, "staff"));
    correction.child = BADGEUSE_TRY(read_id<ChildId>(reader, "child"));
    correction.activity = BADGEUSE_TRY(read_id<ActivityId>(reader, "activity"));
    correction.day = BADGEUSE_TRY(reader.date("day"));
    correction.correction = BADGEUSE_TRY(reader.key("correction", parse_correction_kind_key));
    correction.note = BADGEUSE_TRY(reader.string("note"));
    correction.made_at = BADGEUSE_TRY(reader.instant("made_at"));
    return correction;
}

json::object to_json(const BadgeAssigned& assigned) {
    return {{"type", "badge_assigned"},      {"id", text(assigned.id.to_string())},
            {"staff", assigned.staff.value}, {"badge_uid", text(assigned.badge_uid)},
            {"child", assigned.child.value}, {"made_at", instant_value(assigned.made_at)}};
}

Result<BadgeAssigned> read_badge_assigned(ObjectReader& reader) {
    BadgeAssigned assigned;
    assigned.id = BADGEUSE_TRY(reader.uuid("id"));
    assigned.staff = BADGEUSE_TRY(read_id<StaffId>(reader, "staff"));
    assigned.badge_uid = BADGEUSE_TRY(reader.string("badge_uid"));
    auto normalised = normalise_uid(assigned.badge_uid);
    if (!normalised || *normalised != assigned.badge_uid)
        return reader.fail("badge_uid", "expected upper-case hexadecimal, 4 to 10 bytes");
    assigned.child = BADGEUSE_TRY(read_id<ChildId>(reader, "child"));
    assigned.made_at = BADGEUSE_TRY(reader.instant("made_at"));
    return assigned;
}

json::object to_json(const PinChanged& changed) {
    return {{"type", "pin_changed"},
            {"id", text(changed.id.to_string())},
            {"subject", text(pin_subject_key(changed.subject))},
            {"subject_id", changed.subject_id},
            {"pin_hash", text(changed.pin_hash)},
            {"made_at", instant_value(changed.made_at)}};
}

Result<PinChanged> read_pin_changed(ObjectReader& reader) {
    PinChanged changed;
    changed.id = BADGEUSE_TRY(reader.uuid("id"));
    changed.subject = BADGEUSE_TRY(reader.key("subject", parse_pin_subject_key));
    changed.subject_id = BADGEUSE_TRY(reader.integer("subject_id"));
    if (changed.subject_id <= 0)
        return reader.fail("subject_id", "expected a positive id");
    changed.pin_hash = BADGEUSE_TRY(reader.string("pin_hash"));
    if (changed.pin_hash.empty())
        return reader.fail("pin_hash", "expected the new PIN's hash");
    changed.made_at = BADGEUSE_TRY(reader.instant("made_at"));
    return changed;
}

Result<Event> read_event(const json::value& value, const std::string& path) {
    ObjectReader reader = BADGEUSE_TRY(ObjectReader::open(value, path));
    const std::string type = BADGEUSE_TRY(reader.string("type"));
    Event event;
    if (type == "attendance")
        event = BADGEUSE_TRY(read_attendance(reader));
    else if (type == "booking")
        event = BADGEUSE_TRY(read_booking(reader));
    else if (type == "absence")
        event = BADGEUSE_TRY(read_absence_declared(reader));
    else if (type == "correction")
        event = BADGEUSE_TRY(read_correction(reader));
    else if (type == "badge_assigned")
        event = BADGEUSE_TRY(read_badge_assigned(reader));
    else if (type == "pin_changed")
        event = BADGEUSE_TRY(read_pin_changed(reader));
    else
        return reader.fail("type", "expected attendance, booking, absence, correction, badge_assigned or "
                                   "pin_changed, not \"" +
                                       type + "\"");
    BADGEUSE_CHECK(reader.finish());
    return event;
}

// Parses the text and opens its top-level object.
template <typename Message, typename Read>
Result<Message> decode_object(std::string_view body, Read read) {
    const json::value value = BADGEUSE_TRY(parse_json(body));
    ObjectReader reader = BADGEUSE_TRY(ObjectReader::open(value, ""));
    Message message = BADGEUSE_TRY(read(reader));
    BADGEUSE_CHECK(reader.finish());
    return message;
}

// A refusal, or the duplicate of one, says why.
bool carries_reason(const EventResult& result) {
    return result.outcome == Outcome::Refused ||
           (result.outcome == Outcome::Duplicate && result.original == Outcome::Refused);
}

Result<std::int64_t> parse_query_integer(std::string_view name, std::string_view value) {
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size() || value.empty())
        return make_error(std::string(name) + ": expected an integer, not \"" + std::string(value) + "\"");
    return number;
}

} // namespace

Uuid event_id(const Event& event) {
    return std::visit([](const auto& alternative) { return alternative.id; }, event);
}

std::string_view entity_key(const ChangeData& data) {
    return kEntityKeys[data.index()];
}

std::string encode_change_data(const ChangeData& data) {
    return to_text(std::visit([](const auto& record) { return to_json(record); }, data));
}

Result<ChangeData> decode_change_data(std::string_view entity, std::string_view body) {
    const json::value value = BADGEUSE_TRY(parse_json(body));
    const json::value wrapper = json::object{{"entity", text(entity)}};
    ObjectReader entity_reader = BADGEUSE_TRY(ObjectReader::open(wrapper, ""));
    const std::string key = BADGEUSE_TRY(read_entity_key(entity_reader));
    ObjectReader reader = BADGEUSE_TRY(ObjectReader::open(value, ""));
    ChangeData data = BADGEUSE_TRY(read_change_data(key, reader));
    BADGEUSE_CHECK(reader.finish());
    return data;
}

std::string encode_event(const Event& event) {
    return to_text(std::visit([](const auto& alternative) { return to_json(alternative); }, event));
}

Result<Event> decode_event(std::string_view body) {
    const json::value value = BADGEUSE_TRY(parse_json(body));
    return read_event(value, "");
}

// ---- enrollment ---------------------------------------------------------------------------------

std::string encode(const EnrollRequest& message) {
    return to_text({{"code", text(message.code)}, {"kiosk_name", text(message.kiosk_name)}});
}

Result<EnrollRequest> decode_enroll_request(std::string_view body) {
    return decode_object<EnrollRequest>(body, [](ObjectReader& reader) -> Result<EnrollRequest> {
        EnrollRequest message;
        message.code = BADGEUSE_TRY(reader.string("code"));
        message.kiosk_name = BADGEUSE_TRY(reader.string("kiosk_name"));
        if (message.kiosk_name.empty())
            return reader.fail("kiosk_name", "expected a name for the kiosk");
        return message;
    });
}

std::string encode(const EnrollResponse& message) {
    return to_text({{"token", text(message.token)},
                    {"site", message.site.value},
                    {"site_name", text(message.site_name)}});
}

Result<EnrollResponse> decode_enroll_response(std::string_view body) {
    return decode_object<EnrollResponse>(body, [](ObjectReader& reader) -> Result<EnrollResponse> {
        EnrollResponse message;
        message.token = BADGEUSE_TRY(reader.string("token"));
        message.site = BADGEUSE_TRY(read_id<SiteId>(reader, "site"));
        message.site_name = BADGEUSE_TRY(reader.string("site_name"));
        return message;
    });
}

// ---- pull -----------------------------------------------------------------------------------------

std::string encode(const PullResponse& message) {
    json::array changes;
    for (const Change& change : message.changes) {
        changes.push_back(json::object{
            {"seq", change.seq},
            {"kind", text(change_kind_key(change.kind))},
            {"entity", text(kEntityKeys[change.data.index()])},
            {"data", std::visit([](const auto& record) { return to_json(record); }, change.data)}});
    }
    return to_text({{"cursor", message.cursor},
                    {"more", message.more == MorePages::Yes},
                    {"changes", std::move(changes)}});
}

Result<PullResponse> decode_pull_response(std::string_view body) {
    return decode_object<PullResponse>(body, [](ObjectReader& reader) -> Result<PullResponse> {
        PullResponse message;
        message.cursor = BADGEUSE_TRY(reader.integer("cursor"));
        message.more = BADGEUSE_TRY(reader.boolean("more")) ? MorePages::Yes : MorePages::No;
        const auto read_element = [&](const json::value& value, const std::string& path) -> Result<void> {
            ObjectReader change_reader = BADGEUSE_TRY(ObjectReader::open(value, path));
            Change change;
            change.seq = BADGEUSE_TRY(change_reader.integer("seq"));
            if (change.seq <= 0 || change.seq > message.cursor)
                return change_reader.fail("seq", "expected a sequence number from 1 to the page's cursor");
            change.kind = BADGEUSE_TRY(change_reader.key("kind", parse_change_kind_key));
            const std::string entity = BADGEUSE_TRY(read_entity_key(change_reader));
            const json::value* data_value = BADGEUSE_TRY(change_reader.any("data"));
            ObjectReader data_reader =
                BADGEUSE_TRY(ObjectReader::open(*data_value, path_field(path, "data")));
            change.data = BADGEUSE_TRY(read_change_data(entity, data_reader));
            BADGEUSE_CHECK(data_reader.finish());
            BADGEUSE_CHECK(change_reader.finish());
            message.changes.push_back(std::move(change));
            return {};
        };
        BADGEUSE_CHECK(reader.array("changes", read_element));
        return message;
    });
}

std::string encode_query(const PullRequest& request) {
    std::string query = "after=" + std::to_string(request.after) + "&limit=" + std::to_string(request.limit);
    if (request.site)
        query += "&site=" + std::to_string(request.site.value);
    return query;
}

Result<PullRequest> decode_pull_query(std::string_view query) {
    PullRequest request;
    bool seen_after = false;
    bool seen_limit = false;
    bool seen_site = false;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos)
            return make_error("query: expected name=value, not \"" + std::string(pair) + "\"");
        const std::string_view name = pair.substr(0, eq);
        const std::string_view value = pair.substr(eq + 1);
        if (name == "after" && !seen_after) {
            request.after = BADGEUSE_TRY(parse_query_integer(name, value));
            if (request.after < 0)
                return make_error("after: expected a cursor of 0 or more");
            seen_after = true;
        } else if (name == "limit" && !seen_limit) {
            const std::int64_t limit = BADGEUSE_TRY(parse_query_integer(name, value));
            if (limit < 1 || limit > kMaxPullLimit)
                return make_error("limit: expected 1 to " + std::to_string(kMaxPullLimit));
            request.limit = static_cast<int>(limit);
            seen_limit = true;
        } else if (name == "site" && !seen_site) {
            request.site = SiteId{BADGEUSE_TRY(parse_query_integer(name, value))};
            if (request.site.value <= 0)
                return make_error("site: expected a positive id");
            seen_site = true;
        } else {
            return make_error("query: unknown or repeated parameter \"" + std::string(name) + "\"");
        }
    }
    if (!seen_after)
        return make_error("after: missing (use after=0 for the first pull)");
    return request;
}

// ---- push -------------------------------------------------------------------------------------------

std::string encode(const PushRequest& message) {
    json::array events;
    for (const Event& event : message.events)
        events.push_back(std::visit([](const auto& alternative) { return to_json(alternative); }, event));
    return to_text({{"events", std::move(events)}});
}

Result<PushRequest> decode_push_request(std::string_view body) {
    return decode_object<PushRequest>(body, [](ObjectReader& reader) -> Result<PushRequest> {
        PushRequest message;
        const auto read_element = [&](const json::value& value, const std::string& path) -> Result<void> {
            message.events.push_back(BADGEUSE_TRY(read_event(value, path)));
            return {};
        };
        BADGEUSE_CHECK(reader.array("events", read_element));
        return message;
    });
}

std::string encode(const PushResponse& message) {
    json::array results;
    for (const EventResult& result : message.results) {
        json::object object{{"event", text(result.event.to_string())},
                            {"outcome", text(outcome_key(result.outcome))}};
        if (result.outcome == Outcome::Duplicate)
            object["original"] = text(outcome_key(result.original));
        if (carries_reason(result)) {
            object["reason"] = text(result.reason);
            object["message"] = text(result.message);
        }
        results.push_back(std::move(object));
    }
    return to_text({{"results", std::move(results)}});
}

Result<PushResponse> decode_push_response(std::string_view body) {
    return decode_object<PushResponse>(body, [](ObjectReader& reader) -> Result<PushResponse> {
        PushResponse message;
        const auto read_element = [&](const json::value& value, const std::string& path) -> Result<void> {
            ObjectReader result_reader = BADGEUSE_TRY(ObjectReader::open(value, path));
            EventResult result;
            result.event = BADGEUSE_TRY(result_reader.uuid("event"));
            result.outcome = BADGEUSE_TRY(result_reader.key("outcome", parse_outcome_key));
            if (result.outcome == Outcome::Duplicate) {
                result.original = BADGEUSE_TRY(result_reader.key("original", parse_outcome_key));
                if (result.original == Outcome::Duplicate)
                    return result_reader.fail("original", "expected accepted or refused");
            }
            if (carries_reason(result)) {
                result.reason = BADGEUSE_TRY(result_reader.string("reason"));
                result.message = BADGEUSE_TRY(result_reader.string("message"));
            }
            BADGEUSE_CHECK(result_reader.finish());
            message.results.push_back(std::move(result));
            return {};
        };
        BADGEUSE_CHECK(reader.array("results", read_element));
        return message;
    });
}

// ---- time and errors --------------------------------------------------------------------------------

std::string encode(const TimeResponse& message) {
    return to_text({{"server_time", instant_value(message.server_time)}});
}

Result<TimeResponse> decode_time_response(std::string_view body) {
    return decode_object<TimeResponse>(body, [](ObjectReader& reader) -> Result<TimeResponse> {
        return TimeResponse{BADGEUSE_TRY(reader.instant("server_time"))};
    });
}

std::string encode(const ErrorResponse& message) {
    return to_text({{"error", text(message.message)}});
}

Result<ErrorResponse> decode_error_response(std::string_view body) {
    return decode_object<ErrorResponse>(body, [](ObjectReader& reader) -> Result<ErrorResponse> {
        return ErrorResponse{BADGEUSE_TRY(reader.string("error"))};
    });
}

} // namespace badgeuse::protocol
