// Booking intents: read back for the parents' "recent changes", written with their outbox row by
// Store::record_booking_intent (below), which also applies the change to the local reservations.
#include "badgeuse/store/booking_intent_repository.hpp"

#include "badgeuse/store/store.hpp"
#include "database.hpp"
#include "enum_keys.hpp"
#include "rows.hpp"

namespace badgeuse::store {
namespace {

inline constexpr EnumKeys<BookingAction, 2> kBookingActions{
    "a booking action", {{{BookingAction::Book, "book"}, {BookingAction::Cancel, "cancel"}}}};
inline constexpr EnumKeys<IntentState, 3> kIntentStates{"an intent state",
                                                        {{{IntentState::Waiting, "waiting"},
                                                          {IntentState::Accepted, "accepted"},
                                                          {IntentState::Refused, "refused"}}}};

Result<BookingIntent> read_intent(const Query& row) {
    BookingIntent intent;
    intent.id = BADGEUSE_TRY(row.uuid(0));
    intent.family = FamilyId{row.int64(1)};
    intent.child = ChildId{row.int64(2)};
    intent.activity = ActivityId{row.int64(3)};
    intent.day = BADGEUSE_TRY(row.date(4));
    intent.action = BADGEUSE_TRY(kBookingActions.parse(row.text(5)));
    intent.made_at = row.instant(6);
    intent.state = BADGEUSE_TRY(kIntentStates.parse(row.text(7)));
    intent.refusal = row.text(8);
    return intent;
}

} // namespace

Result<std::optional<BookingIntent>> BookingIntentRepository::get(const Uuid& id) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT uuid, family_id, child_id, activity_id, day, action, made_at_ms, "
                                 "state, refusal FROM booking_intent WHERE uuid = ?1"));
    query.bind(1, id);
    return read_first(query, "booking_intent", read_intent);
}

Result<std::vector<BookingIntent>> BookingIntentRepository::recent_for_family(FamilyId family,
                                                                              std::size_t limit) const {
    auto query =
        BADGEUSE_TRY(m_db->query("SELECT uuid, family_id, child_id, activity_id, day, action, made_at_ms, "
                                 "state, refusal FROM booking_intent WHERE family_id = ?1 "
                                 "ORDER BY made_at_ms DESC, rowid DESC LIMIT ?2"));
    query.bind(1, family).bind(2, static_cast<std::int64_t>(limit));
    return read_all(query, "booking_intent", read_intent);
}

Result<void> BookingIntentRepository::set_state(const Uuid& id, IntentState state, std::string_view refusal) {
    auto query =
        BADGEUSE_TRY(m_db->query("UPDATE booking_intent SET state = ?2, refusal = ?3 WHERE uuid = ?1"));
    BADGEUSE_TRY(query.bind(1, id).bind(2, kIntentStates.key(state)).bind(3, refusal).execute());
    return {};
}

Result<std::int64_t> BookingIntentRepository::count() const {
    return m_db->query_integer("SELECT count(*) FROM booking_intent");
}

Result<RecordOutcome> Store::record_booking_intent(const BookingIntent& intent) {
    if (intent.id.is_nil())
        return make_error(
            "internal error in the kiosk: a booking was recorded without its UUID; please report it");
    auto transaction = BADGEUSE_TRY(m_db->begin_transaction());
    auto insert = BADGEUSE_TRY(
        m_db->query("INSERT INTO booking_intent (uuid, family_id, child_id, activity_id, day, action, "
                    "made_at_ms, state, refusal) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (uuid) DO NOTHING"));
    int inserted = BADGEUSE_TRY(insert.bind(1, intent.id)
                                    .bind(2, intent.family)
                                    .bind(3, intent.child)
                                    .bind(4, intent.activity)
                                    .bind(5, intent.day)
                                    .bind(6, kBookingActions.key(intent.action))
                                    .bind(7, intent.made_at)
                                    .bind(8, kIntentStates.key(intent.state))
                                    .bind(9, intent.refusal)
                                    .execute());
    if (inserted == 0)
        return RecordOutcome::AlreadyRecorded;
    auto outbox = BADGEUSE_TRY(
        m_db->query("INSERT INTO outbox (event_uuid, kind, created_at_ms) "
                    "VALUES (?1, ?2, CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER))"));
    BADGEUSE_TRY(outbox.bind(1, intent.id).bind(2, kBookingIntentOutboxKind).execute());
    Reservation reservation{intent.child, intent.activity, intent.day};
    if (intent.action == BookingAction::Book)
        BADGEUSE_CHECK(m_reservations.add(reservation));
    else
        BADGEUSE_CHECK(m_reservations.remove(reservation));
    BADGEUSE_CHECK(transaction.commit());
    return RecordOutcome::Recorded;
}

} // namespace badgeuse::store
