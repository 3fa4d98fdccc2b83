// Past attendance for the demo school: what the kiosk would have recorded on each open day, from the
// reservations and absences, at the times children really come and go.
#include "badgeuse/core/paris_time.hpp"
#include "badgeuse/demo/demo_random.hpp"
#include "badgeuse/demo/demo_school.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_map>

namespace badgeuse::demo {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

constexpr double kNoShow = 0.035;              // booked, not declared absent, and not there
constexpr double kComesWhileAbsent = 0.03;     // declared absent, and there after all
constexpr int kWalkInsPerThousandChildren = 6; // a day and activity, children who come unbooked
constexpr double kManualArrival = 0.03;        // forgotten badge: an animator checks the child in by hand
constexpr double kManualDeparture = 0.10;      // the animator ticks the child out while the parent waits
constexpr double kAuthorisedAdultPicksUp = 0.15;

// When children arrive and leave within an activity's opening, in milliseconds after local midnight.
struct Timing {
    std::int64_t arrival_first;
    std::int64_t arrival_last;
    bool arrivals_late; // morning care fills up towards the start of school
    std::int64_t departure_last;
    std::int64_t minimum_stay;
};

Timing timing_of(const Activity& activity) {
    std::int64_t start = milliseconds{activity.opening.start.since_midnight()}.count();
    std::int64_t end = milliseconds{activity.opening.end.since_midnight()}.count();
    std::int64_t span = std::max<std::int64_t>(end - start, milliseconds{minutes{4}}.count());
    std::int64_t minute = milliseconds{minutes{1}}.count();
    Timing t{start, start, false, start + span - minute, std::min(10 * minute, span / 4)};
    if (activity.departure == DepartureRecording::On) {
        // Children come straight from class, and parents come after work.
        t.arrival_last = start + std::min(15 * minute, span / 4);
    } else if (activity.kind == ActivityKind::Meal) {
        t.arrival_last = start + std::min(40 * minute, span / 3);
    } else {
        t.arrival_last = start + span - std::min(5 * minute, span / 10);
        t.arrivals_late = true;
    }
    return t;
}

// Uniform in [low, high); the spans here are under a day of milliseconds, well within DemoRandom::below.
std::int64_t between(DemoRandom& rng, std::int64_t low, std::int64_t high) {
    if (high <= low)
        return low;
    return low + rng.below(static_cast<std::uint32_t>(high - low));
}

struct ChildInfo {
    const std::string* badge_uid = nullptr;     // the child's card in use
    std::vector<const std::string*> collectors; // guardians first, then authorised adults
    std::size_t guardian_count = 0;
};

class History {
public:
    History(const DemoSchool& school, Date from, Date to, std::uint64_t seed)
        : m_school(school)
        , m_calendar(school.calendar())
        , m_from(from)
        , m_seed(seed)
        , m_day_count(to < from ? 0 : static_cast<std::size_t>(days_between(from, to)) + 1) {
        for (const auto& activity : school.activities)
            m_timings.push_back(timing_of(activity));
        for (const auto& member : school.staff)
            if (member.role != "cuisine")
                m_checkers.push_back(member.id);
        index_children();
        index_reservations();
    }

    std::vector<AttendanceEvent> run() {
        std::vector<AttendanceEvent> events;
        events.reserve(m_expected_events);
        std::vector<const Absence*> by_start;
        for (const auto& absence : m_school.absences)
            by_start.push_back(&absence);
        std::sort(by_start.begin(), by_start.end(),
                  [](const Absence* a, const Absence* b) { return a->from < b->from; });
        auto next_absence = by_start.begin();
        std::vector<const Absence*> current; // the absences covering the day

        for (std::size_t d = 0; d < m_day_count; ++d) {
            Date day = add_days(m_from, static_cast<int>(d));
            while (next_absence != by_start.end() && (*next_absence)->from <= day)
                current.push_back(*next_absence++);
            std::erase_if(current, [&](const Absence* a) { return a->to < day; });
            if (m_calendar.closure(day))
                continue;
            for (const Absence* absence : current)
                if (std::size_t c = child_index(absence->child); c != kNone)
                    m_absent_on[c] = d;
            make_day(day, d, events);
        }
        return events;
    }

private:
    void index_children() {
        const std::size_t count = m_school.children.size();
        m_children.resize(count);
        m_absent_on.assign(count, kNever);
        m_stamp.assign(count, kNever);
        std::unordered_map<std::int64_t, std::vector<const std::string*>> guardian_names;
        for (const auto& guardian : m_school.guardians)
            m_names.push_back(guardian.first_name + " " + guardian.last_name);
        // m_names is complete: pointers into it stay valid from here on.
        for (std::size_t g = 0; g < m_school.guardians.size(); ++g)
            guardian_names[m_school.guardians[g].family.value].push_back(&m_names[g]);
        for (std::size_t c = 0; c < count; ++c) {
            const Child& child = m_school.children[c];
            m_child_index.emplace(child.id.value, c);
            auto& info = m_children[c];
            if (auto found = guardian_names.find(child.family.value); found != guardian_names.end())
                info.collectors = found->second;
            info.guardian_count = info.collectors.size();
            for (const auto& adult : child.authorised_adults)
                info.collectors.push_back(&adult.name);
        }
        for (const auto& badge : m_school.badges) {
            if (badge.holder_kind != HolderKind::Child || badge.state != BadgeState::Active)
                continue;
            std::size_t c = child_index(ChildId{badge.holder_id});
            if (c != kNone && m_children[c].badge_uid == nullptr)
                m_children[c].badge_uid = &badge.uid;
        }
    }

    // The child's index in the school, or kNone: the demo's ids are dense from 1, other schools are looked
    // up.
    std::size_t child_index(ChildId id) const {
        auto dense = static_cast<std::size_t>(id.value - 1);
        if (id.value >= 1 && dense < m_school.children.size() && m_school.children[dense].id == id)
            return dense;
        auto found = m_child_index.find(id.value);
        return found == m_child_index.end() ? kNone : found->second;
    }

    std::size_t activity_index(ActivityId id) const {
        for (std::size_t a = 0; a < m_school.activities.size(); ++a)
            if (m_school.activities[a].id == id)
                return a;
        return kNone;
    }

    // Buckets the booked children by day and activity (a counting sort, in the reservations' order).
    void index_reservations() {
        const std::size_t activities = m_school.activities.size();
        m_bucket_start.assign(m_day_count * activities + 1, 0);
        struct Booked {
            std::size_t bucket;
            std::uint32_t child;
        };
        std::vector<Booked> booked;
        booked.reserve(m_school.reservations.size());
        for (const auto& r : m_school.reservations) {
            if (r.day < m_from)
                continue;
            auto d = static_cast<std::size_t>(days_between(m_from, r.day));
            std::size_t a = activity_index(r.activity);
            std::size_t c = child_index(r.child);
            if (d >= m_day_count || a == kNone || c == kNone)
                continue;
            booked.push_back({d * activities + a, static_cast<std::uint32_t>(c)});
            ++m_bucket_start[booked.back().bucket + 1];
            m_expected_events += m_school.activities[a].departure == DepartureRecording::On ? 2 : 1;
        }
        m_expected_events += m_expected_events / 20; // the unbooked who come
        for (std::size_t b = 1; b < m_bucket_start.size(); ++b)
            m_bucket_start[b] += m_bucket_start[b - 1];
        m_booked.resize(booked.size());
        std::vector<std::size_t> fill(m_bucket_start.begin(), m_bucket_start.end() - 1);
        for (const auto& b : booked)
            m_booked[fill[b.bucket]++] = b.child;
    }

    void make_day(Date day, std::size_t d, std::vector<AttendanceEvent>& events) {
        auto rng = DemoRandom::stream(
            m_seed, static_cast<std::uint64_t>(std::chrono::sys_days{day}.time_since_epoch().count()));
        // No clock change happens between the first and the last activity of a day (France changes at
        // night), so one offset serves the whole day.
        Instant midnight = paris::to_instant(day, std::chrono::hours{12}) - std::chrono::hours{12};
        std::size_t day_first = events.size();
        const std::size_t activities = m_school.activities.size();
        for (std::size_t a = 0; a < activities; ++a) {
            const Activity& activity = m_school.activities[a];
            if (!activity.opening.open_on(weekday_of(day)))
                continue;
            std::size_t bucket = d * activities + a;
            std::size_t stamp = bucket; // marks the children booked or already come for this bucket
            for (std::size_t i = m_bucket_start[bucket]; i < m_bucket_start[bucket + 1]; ++i) {
                std::uint32_t c = m_booked[i];
                m_stamp[c] = stamp;
                bool absent = m_absent_on[c] == d;
                if (absent ? !rng.chance(kComesWhileAbsent) : rng.chance(kNoShow))
                    continue;
                attend(rng, day, midnight, a, c,
                       absent ? AttendanceFlag::DeclaredAbsent : AttendanceFlag::None, events);
            }
            const std::size_t count = m_children.size();
            int expected = std::max(1, static_cast<int>(count) * kWalkInsPerThousandChildren / 1000);
            int walk_ins = count == 0 ? 0 : rng.between(0, 2 * expected);
            for (int w = 0; w < walk_ins; ++w) {
                // A few tries at a child who is neither booked nor declared absent; a full site gives up.
                for (int attempt = 0; attempt < 8; ++attempt) {
                    auto c = rng.below(static_cast<std::uint32_t>(count));
                    if (m_stamp[c] == stamp || m_absent_on[c] == d)
                        continue;
                    m_stamp[c] = stamp;
                    attend(rng, day, midnight, a, c, AttendanceFlag::NotReserved, events);
                    break;
                }
            }
        }
        std::sort(events.begin() + static_cast<std::ptrdiff_t>(day_first), events.end(),
                  [](const AttendanceEvent& x, const AttendanceEvent& y) {
                      return x.at != y.at ? x.at < y.at : x.id < y.id;
                  });
    }

    void attend(DemoRandom& rng, Date day, Instant midnight, std::size_t a, std::uint32_t c,
                AttendanceFlag flag, std::vector<AttendanceEvent>& events) {
        const Activity& activity = m_school.activities[a];
        const Timing& t = m_timings[a];
        const ChildInfo& info = m_children[c];
        std::int64_t arrival = between(rng, t.arrival_first, t.arrival_last);
        if (t.arrivals_late)
            arrival = std::max(arrival, between(rng, t.arrival_first, t.arrival_last));

        events.push_back(make_event(rng, day, a, c, EventKind::Arrival, flag,
                                    midnight + milliseconds{arrival}, kManualArrival));

        if (activity.departure != DepartureRecording::On)
            return;
        // Parents come after work: the average of two draws gathers departures around the window's middle.
        std::int64_t earliest = arrival + t.minimum_stay;
        std::int64_t departure =
            (between(rng, earliest, t.departure_last) + between(rng, earliest, t.departure_last)) / 2;
        AttendanceEvent leaving =
            make_event(rng, day, a, c, EventKind::Departure, flag,
                       midnight + milliseconds{std::max(departure, earliest)}, kManualDeparture);
        std::size_t guardians = info.guardian_count;
        std::size_t adults = info.collectors.size() - guardians;
        if (adults > 0 && (guardians == 0 || rng.chance(kAuthorisedAdultPicksUp)))
            leaving.picked_up_by =
                *info.collectors[guardians + rng.below(static_cast<std::uint32_t>(adults))];
        else if (guardians > 0)
            leaving.picked_up_by = *info.collectors[rng.below(static_cast<std::uint32_t>(guardians))];
        events.push_back(std::move(leaving));
    }

    AttendanceEvent make_event(DemoRandom& rng, Date day, std::size_t a, std::uint32_t c, EventKind kind,
                               AttendanceFlag flag, Instant at, double manual) const {
        AttendanceEvent e;
        e.id = Uuid::from_random_bytes(rng.bytes16());
        e.child = m_school.children[c].id;
        e.activity = m_school.activities[a].id;
        e.day = day;
        e.kind = kind;
        e.flag = flag;
        e.at = at;
        capture(rng, m_children[c], manual, e);
        return e;
    }

    // The child's badge, or a staff member's hand when the badge is forgotten (or the child has none).
    void capture(DemoRandom& rng, const ChildInfo& info, double manual, AttendanceEvent& event) const {
        bool by_hand = info.badge_uid == nullptr || rng.chance(manual);
        if (by_hand && !m_checkers.empty()) {
            event.capture = Capture::Manual;
            event.recorded_by = m_checkers[rng.below(static_cast<std::uint32_t>(m_checkers.size()))];
        } else if (info.badge_uid != nullptr) {
            event.capture = Capture::Badge;
            event.badge_uid = *info.badge_uid;
        } else {
            event.capture = Capture::Manual;
        }
    }

    static constexpr std::size_t kNever = static_cast<std::size_t>(-1);
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    const DemoSchool& m_school;
    Calendar m_calendar;
    Date m_from;
    std::uint64_t m_seed;
    std::size_t m_day_count;
    std::vector<Timing> m_timings;
    std::vector<StaffId> m_checkers;  // staff who check children in: everyone but the kitchen
    std::vector<std::string> m_names; // guardians' full names, by guardian index
    std::unordered_map<std::int64_t, std::size_t> m_child_index;
    std::vector<ChildInfo> m_children;
    std::vector<std::size_t> m_absent_on; // per child: the day index it was last seen declared absent
    std::vector<std::size_t> m_stamp;     // per child: the last bucket it was booked or came in
    std::vector<std::size_t> m_bucket_start;
    std::vector<std::uint32_t> m_booked;
    std::size_t m_expected_events = 0;
};

} // namespace

std::vector<AttendanceEvent> generate_attendance_history(const DemoSchool& school, Date from, Date to,
                                                         std::uint64_t seed) {
    return History(school, from, to, seed).run();
}

} // namespace badgeuse::demo
