// The town's three standard activities, as its guide lists them.
#include "badgeuse/core/activity.hpp"

namespace badgeuse {

Activity morning_care(ActivityId id) {
    return Activity{id,
                    "peri-matin",
                    "Périscolaire matin",
                    ActivityKind::Care,
                    {WeekdaySet::school_week(), TimeOfDay::at(7, 0), TimeOfDay::at(8, 20)},
                    ReservationPolicy::Required,
                    DepartureRecording::Off,
                    {}};
}

Activity canteen(ActivityId id) {
    return Activity{id,
                    "cantine",
                    "Restauration scolaire",
                    ActivityKind::Meal,
                    {WeekdaySet::school_week(), TimeOfDay::at(11, 30), TimeOfDay::at(13, 30)},
                    ReservationPolicy::Required,
                    DepartureRecording::Off,
                    {}};
}

Activity evening_care(ActivityId id) {
    return Activity{id,
                    "peri-soir",
                    "Périscolaire soir",
                    ActivityKind::Care,
                    {WeekdaySet::school_week(), TimeOfDay::at(16, 30), TimeOfDay::at(19, 0)},
                    ReservationPolicy::Required,
                    DepartureRecording::On,
                    {}};
}

} // namespace badgeuse
