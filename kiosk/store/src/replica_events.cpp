// The outbox as the portal wants it: each row's event read back from its own table and turned into a
// protocol::Event; and the portal's answers, which settle rows and give booking intents their outcome.
#include "badgeuse/store/store_replica.hpp"
#include "database.hpp"

#include <string>

namespace badgeuse::store {
namespace {

protocol::BookingAction wire_action(BookingAction action) {
    return action == BookingAction::Book ? protocol::BookingAction::Book : protocol::BookingAction::Cancel;
}

// The outcome that counts: a duplicate repeats the first answer's.
protocol::Outcome settled_outcome(const protocol::EventResult& result) {
    return result.outcome == protocol::Outcome::Duplicate ? result.original : result.outcome;
}

} // namespace

Result<std::vector<protocol::Event>> StoreReplica::events_waiting(std::size_t limit) {
    auto entries = BADGEUSE_TRY(m_store->outbox_pending(limit));
    std::vector<protocol::Event> events;
    events.reserve(entries.size());
    for (const OutboxEntry& entry : entries) {
        if (entry.kind == kAttendanceOutboxKind) {
            auto event = BADGEUSE_TRY(m_store->attendance().get(entry.event));
            if (event)
                events.emplace_back(std::move(*event));
        } else if (entry.kind == kBookingIntentOutboxKind) {
            auto intent = BADGEUSE_TRY(m_store->booking_intents().get(entry.event));
            if (intent)
                events.emplace_back(protocol::BookingIntent{intent->id, intent->child, intent->activity,
                                                            intent->day, wire_action(intent->action),
                                                            intent->made_at});
        } else if (entry.kind == kAbsenceOutboxKind) {
            auto declared = BADGEUSE_TRY(m_store->absence_declarations().get(entry.event));
            if (declared)
                events.emplace_back(protocol::AbsenceDeclared{declared->id, declared->child, declared->from,
                                                              declared->to, declared->reason,
                                                              declared->made_at});
        } else if (entry.kind == kBadgeAssignmentOutboxKind) {
            auto given = BADGEUSE_TRY(m_store->badge_assignments().get(entry.event));
            if (given)
                events.emplace_back(protocol::BadgeAssigned{given->id, given->staff, given->badge_uid,
                                                            given->child, given->made_at});
        } else if (entry.kind == kPinChangedOutboxKind) {
            auto changed = BADGEUSE_TRY(m_store->pin_changes().get(entry.event));
            if (changed)
                events.emplace_back(protocol::PinChanged{
                    changed->id,
                    changed->subject == "staff" ? protocol::PinSubject::Staff : protocol::PinSubject::Family,
                    changed->subject_id, changed->pin_hash, changed->made_at});
        }
        // A row of a kind this build does not know (written by a newer one) stays queued for it; a row
        // whose event is missing cannot be sent and waits for someone to look (it stays counted).
    }
    return events;
}

Result<std::int64_t> StoreReplica::events_waiting_count() {
    return m_store->outbox_count();
}

Result<std::size_t> StoreReplica::acknowledge(std::span<const protocol::EventResult> results) {
    auto transaction = BADGEUSE_TRY(m_store->begin_transaction());
    std::size_t deleted = 0;
    for (const protocol::EventResult& result : results) {
        // Accepted, duplicate and refused all settle the event: a refusal is final, never retried.
        auto remove = BADGEUSE_TRY(db().query("DELETE FROM outbox WHERE event_uuid = ?1"));
        deleted += static_cast<std::size_t>(BADGEUSE_TRY(remove.bind(1, result.event).execute()));
        const bool refused = settled_outcome(result) == protocol::Outcome::Refused;
        // The parents' "recent changes" show the refusal in words; the key when the portal gave none.
        const std::string& why = result.message.empty() ? result.reason : result.message;
        BADGEUSE_CHECK(m_store->booking_intents().set_state(
            result.event, refused ? IntentState::Refused : IntentState::Accepted, refused ? why : ""));
    }
    BADGEUSE_CHECK(transaction.commit());
    return deleted;
}

} // namespace badgeuse::store
