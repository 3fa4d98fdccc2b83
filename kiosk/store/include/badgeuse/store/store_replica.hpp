// StoreReplica: the kiosk's database as the sync client sees it (sync::Replica): the outbox as protocol
// events, the portal's per-event answers, the pull cursor and the pulled pages applied with it.
#pragma once

#include "badgeuse/store/store.hpp"
#include "badgeuse/sync/replica.hpp"

namespace badgeuse::store {

// Works on the Store it is given, from that Store's thread only. The kiosk gives the sync client a
// Store of its own on the same file (SQLite serialises the two connections' writes; WAL lets the
// check-ins read while a page is applied), so the client's thread never touches the app's Store.
class StoreReplica final : public sync::Replica {
public:
    explicit StoreReplica(Store& store)
        : m_store(&store) {}

    Result<std::vector<protocol::Event>> events_waiting(std::size_t limit) override;
    Result<std::int64_t> events_waiting_count() override;
    Result<std::size_t> acknowledge(std::span<const protocol::EventResult> results) override;
    Result<std::int64_t> cursor() override;
    Result<void> apply_page(const protocol::PullResponse& page) override;

private:
    Result<void> apply_change(const protocol::Change& change);
    Database& db() { return *m_store->m_db; }

    Store* m_store;
};

} // namespace badgeuse::store
