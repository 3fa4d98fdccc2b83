// PageApplier: the pages of one pull, gathered and applied to the kiosk's replica a batch at a time.
//
// A new kiosk's first pull is a school year of reservations arriving day by day. Applied a page per
// transaction, SQLite wrote the same pages of the by-child index back once per page; gathered into
// batches of `batch` changes, it writes them once per batch. While the portal says more pages follow, a
// full batch is applied on a thread of its own as the next pages are fetched, so the kiosk's database
// work and the network overlap; the last batch is applied on the caller's thread.
//
// Nothing is lost and nothing is skipped: each batch is one transaction with its last page's cursor
// (Replica::apply_page), a batch starts only once the one before it has committed (the replica is never
// used by two threads at once), and once a batch fails nothing after it is applied, so the stored cursor
// never jumps over changes the kiosk does not hold.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/protocol/messages.hpp"
#include "badgeuse/sync/replica.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <optional>

namespace badgeuse::sync {

class PageApplier {
public:
    // Runs on the caller's thread once a batch has committed: its number of changes and its cursor.
    using Applied = std::function<void(std::size_t changes, std::int64_t cursor)>;

    // `stored`: the replica's cursor when the pull began.
    PageApplier(Replica& replica, std::int64_t stored, std::size_t batch, Applied applied);
    ~PageApplier(); // waits for a batch in flight: a transaction is never left to the thread alone
    PageApplier(const PageApplier&) = delete;
    PageApplier& operator=(const PageApplier&) = delete;

    // Where the next page starts: the cursor of the last page added.
    std::int64_t cursor() const { return m_gathered.cursor; }

    // Adds the next page. When the gathered changes reach a batch and more pages follow, they go to the
    // replica on their own thread (after the batch before them has committed). An error is the replica's:
    // the pages gathered since are dropped, to be pulled again.
    Result<void> add(protocol::PullResponse page);

    // The end of the pull, or its failure: waits for the batch in flight, then applies what is gathered
    // (pages fetched before a lost connection are kept), unless the batch in flight failed.
    Result<void> finish();

private:
    Result<void> wait_in_flight();
    Result<void> apply_gathered();

    struct InFlight {
        std::future<Result<void>> done;
        std::size_t changes = 0;
        std::int64_t cursor = 0;
    };

    Replica* m_replica;
    std::int64_t m_stored; // the cursor the replica holds (or will, once the batch in flight commits)
    std::size_t m_batch;
    Applied m_applied;
    protocol::PullResponse m_gathered;
    std::optional<InFlight> m_in_flight;
    bool m_failed = false;
};

} // namespace badgeuse::sync
