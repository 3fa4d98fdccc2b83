// Store::set_outbox_listener: the connection's update hook sees outbox inserts, its commit calls back.
#include "badgeuse/store/store.hpp"
#include "database.hpp"

namespace badgeuse::store {

void Store::set_outbox_listener(std::function<void()> listener) {
    m_db->set_outbox_listener(std::move(listener));
}

} // namespace badgeuse::store
