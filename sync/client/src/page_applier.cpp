#include "badgeuse/sync/page_applier.hpp"

#include <iterator>
#include <memory>
#include <system_error>
#include <utility>

namespace badgeuse::sync {

PageApplier::PageApplier(Replica& replica, std::int64_t stored, std::size_t batch, Applied applied)
    : m_replica(&replica)
    , m_stored(stored)
    , m_batch(batch == 0 ? 1 : batch)
    , m_applied(std::move(applied)) {
    m_gathered.cursor = stored;
}

PageApplier::~PageApplier() {
    if (m_in_flight)
        m_in_flight->done.wait();
}

Result<void> PageApplier::add(protocol::PullResponse page) {
    if (m_failed)
        return make_error("an earlier batch of this pull was not applied");
    if (m_gathered.changes.empty())
        m_gathered.changes = std::move(page.changes);
    else
        m_gathered.changes.insert(m_gathered.changes.end(), std::make_move_iterator(page.changes.begin()),
                                  std::make_move_iterator(page.changes.end()));
    if (page.cursor > m_gathered.cursor)
        m_gathered.cursor = page.cursor;
    m_gathered.more = page.more;
    if (page.more == protocol::MorePages::No || m_gathered.changes.size() < m_batch)
        return {};
    BADGEUSE_CHECK(wait_in_flight());
    InFlight in_flight;
    in_flight.changes = m_gathered.changes.size();
    in_flight.cursor = m_gathered.cursor;
    auto batch = std::make_shared<const protocol::PullResponse>(std::move(m_gathered));
    m_gathered = protocol::PullResponse{};
    m_gathered.cursor = in_flight.cursor;
    try {
        in_flight.done = std::async(std::launch::async,
                                    [replica = m_replica, batch] { return replica->apply_page(*batch); });
    } catch (const std::system_error&) {
        // No thread to spare: the batch is applied here, as it would have been without the overlap.
        if (auto applied = m_replica->apply_page(*batch); !applied) {
            m_failed = true;
            return applied.error();
        }
        m_stored = in_flight.cursor;
        if (m_applied)
            m_applied(in_flight.changes, in_flight.cursor);
        return {};
    }
    m_in_flight = std::move(in_flight);
    m_stored = m_in_flight->cursor;
    return {};
}

Result<void> PageApplier::finish() {
    BADGEUSE_CHECK(wait_in_flight());
    return apply_gathered();
}

Result<void> PageApplier::wait_in_flight() {
    if (!m_in_flight)
        return {};
    Result<void> applied = m_in_flight->done.get();
    const std::size_t changes = m_in_flight->changes;
    const std::int64_t cursor = m_in_flight->cursor;
    m_in_flight.reset();
    if (!applied) {
        m_failed = true;
        m_gathered.changes.clear();
        return applied.error();
    }
    if (m_applied)
        m_applied(changes, cursor);
    return {};
}

Result<void> PageApplier::apply_gathered() {
    if (m_failed)
        return make_error("an earlier batch of this pull was not applied");
    if (m_gathered.changes.empty() && m_gathered.cursor <= m_stored)
        return {};
    auto applied = m_replica->apply_page(m_gathered);
    if (!applied) {
        m_failed = true;
        return applied.error();
    }
    const std::size_t changes = m_gathered.changes.size();
    m_stored = m_gathered.cursor;
    m_gathered.changes.clear();
    if (m_applied && changes > 0)
        m_applied(changes, m_stored);
    return {};
}

} // namespace badgeuse::sync
