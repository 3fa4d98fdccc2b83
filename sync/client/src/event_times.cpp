// Every alternative of protocol::Event has exactly one instant of the kiosk's clock to move.
#include "badgeuse/sync/event_times.hpp"

#include <type_traits>

namespace badgeuse::sync {

protocol::Event on_portal_clock(protocol::Event event, std::chrono::milliseconds offset) {
    std::visit(
        [offset](auto& e) {
            if constexpr (std::is_same_v<std::decay_t<decltype(e)>, AttendanceEvent>)
                e.at += offset;
            else
                e.made_at += offset;
        },
        event);
    return event;
}

} // namespace badgeuse::sync
