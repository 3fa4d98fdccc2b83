// The absences a family may declare at the kiosk.
#include "badgeuse/core/absence_request.hpp"

#include <catch2/catch.hpp>

using namespace badgeuse;

namespace {
Date day(const char* text) {
    return *parse_date(text);
}
} // namespace

TEST_CASE("an absence from today to a later day with a listed reason may be declared") {
    Date today = day("2026-12-07");
    CHECK(check_absence_request(today, today, today, "maladie") == AbsenceProblem::None);
    CHECK(check_absence_request(today, day("2026-12-08"), day("2026-12-11"), "rendez-vous médical") ==
          AbsenceProblem::None);
}

TEST_CASE(
    "an absence that ends before it starts, starts yesterday, runs too long or has no reason is refused") {
    Date today = day("2026-12-07");
    CHECK(check_absence_request(today, day("2026-12-09"), day("2026-12-08"), "maladie") ==
          AbsenceProblem::EndsBeforeStart);
    CHECK(check_absence_request(today, day("2026-12-04"), day("2026-12-08"), "maladie") ==
          AbsenceProblem::StartsInThePast);
    CHECK(check_absence_request(today, today, add_days(today, 59), "maladie") == AbsenceProblem::None);
    CHECK(check_absence_request(today, today, add_days(today, 60), "maladie") == AbsenceProblem::TooLong);
    CHECK(check_absence_request(today, today, today, "vacances") == AbsenceProblem::UnknownReason);
    CHECK(check_absence_request(today, today, today, "") == AbsenceProblem::UnknownReason);
}
