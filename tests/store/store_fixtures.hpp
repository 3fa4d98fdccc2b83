// Helpers for the store's tests: unwrap a Result or fail the test with its message, and sample records
// with every field set to something other than its default, so that round trips prove each column.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/store/store.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

namespace badgeuse::store::fixtures {

template <typename T>
T require_ok(Result<T> result) {
    INFO((result.ok() ? std::string("ok") : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

inline void require_ok(const Result<void>& result) {
    INFO((result.ok() ? std::string("ok") : result.error().message));
    REQUIRE(result.ok());
}

inline Store open_store(const std::filesystem::path& path) {
    return require_ok(Store::open(path));
}

constexpr Date day(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline Instant instant_ms(std::int64_t ms) {
    return Instant{std::chrono::milliseconds{ms}};
}

// A UUID made from a number, distinct for distinct numbers.
inline Uuid uuid_of(std::uint64_t n) {
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t i = 0; i < 8; ++i)
        bytes[15 - i] = static_cast<std::uint8_t>(n >> (8 * i));
    bytes[0] = 0xBA;
    return Uuid::from_random_bytes(bytes);
}

inline Site sample_site() {
    return Site{SiteId{7}, "École Jules Ferry", "Laigneville"};
}

inline Family sample_family() {
    return Family{FamilyId{42}, SiteId{7}, "BLENFANCE-12087-0042", "Famille Martin"};
}

inline Activity sample_activity() {
    Activity activity;
    activity.id = ActivityId{3};
    activity.code = "peri-soir";
    activity.name = "Périscolaire soir";
    activity.kind = ActivityKind::Meal;
    activity.opening = {WeekdaySet::from_bits(0b0101010), TimeOfDay::at(16, 35), TimeOfDay::at(18, 55)};
    activity.reservation = ReservationPolicy::NotRequired;
    activity.departure = DepartureRecording::On;
    activity.deadline = {3, TimeOfDay::at(9, 45), WeekdaySet::from_bits(0b1011110)};
    return activity;
}

inline Child sample_child() {
    Child child;
    child.id = ChildId{1001};
    child.family = FamilyId{42};
    child.first_name = "Léa";
    child.last_name = "Martin";
    child.class_name = "CE1-B";
    child.diet = Diet::NoPork;
    child.allergy = true;
    child.pai = true;
    child.health_note = "Allergie arachide — trousse PAI dans le bureau";
    child.authorised_adults = {{"Jeanne Martin", "grand-mère", "06 11 22 33 44"},
                               {"Paul Durand", "voisin", "07 55 66 77 88"}};
    return child;
}

inline AttendanceEvent sample_event(std::uint64_t n) {
    AttendanceEvent event;
    event.id = uuid_of(n);
    event.child = ChildId{1001};
    event.activity = ActivityId{3};
    event.day = day(2027, 5, 4);
    event.kind = EventKind::Departure;
    event.capture = Capture::Manual;
    event.flag = AttendanceFlag::DeclaredAbsent;
    event.at = instant_ms(1'809'424'800'123 + static_cast<std::int64_t>(n));
    event.badge_uid = "04A1B2C3D4E5F6";
    event.recorded_by = StaffId{12};
    event.picked_up_by = "Jeanne Martin";
    event.voids = uuid_of(n + 1'000'000);
    return event;
}

// The site, family, activity and child that reservations, absences and events refer to.
inline void add_sample_people(Store& store) {
    require_ok(store.sites().upsert(sample_site()));
    require_ok(store.families().upsert(sample_family()));
    require_ok(store.activities().upsert(sample_activity()));
    require_ok(store.children().upsert(sample_child()));
}

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << bytes;
}

} // namespace badgeuse::store::fixtures
