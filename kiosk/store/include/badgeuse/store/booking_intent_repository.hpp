// BookingIntentRepository: the bookings and cancellations parents made at this kiosk, with the state
// the portal gave them. Written only by Store::record_booking_intent, which queues each in the outbox.
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/date.hpp"
#include "badgeuse/core/ids.hpp"
#include "badgeuse/core/long_period.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/core/uuid.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace badgeuse::store {

class Database;

// Waiting until the portal answers; then accepted, or refused with its reason (deadline passed...).
enum class IntentState { Waiting, Accepted, Refused };

struct BookingIntent {
    Uuid id;
    FamilyId family;
    ChildId child;
    ActivityId activity;
    Date day;
    BookingAction action = BookingAction::Book;
    Instant made_at; // when the parent tapped, by the kiosk's clock
    IntentState state = IntentState::Waiting;
    std::string refusal;
    bool operator==(const BookingIntent&) const = default;
};

class BookingIntentRepository {
public:
    explicit BookingIntentRepository(Database& db)
        : m_db(&db) {}

    Result<std::optional<BookingIntent>> get(const Uuid& id) const;
    // Newest first.
    Result<std::vector<BookingIntent>> recent_for_family(FamilyId family, std::size_t limit) const;
    // The portal's answer; an unknown UUID is not an error (the intent may predate a reinstall).
    Result<void> set_state(const Uuid& id, IntentState state, std::string_view refusal = {});
    Result<std::int64_t> count() const;

private:
    Database* m_db;
};

} // namespace badgeuse::store
