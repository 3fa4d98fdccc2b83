// A page of changes as the portal's change log keeps it: each record already in its JSON
// (encode_change_data), so that the portal answers a pull without decoding and encoding every record
// again. A first full pull is a school year of reservations; those two steps were most of the portal's
// time for it.
#pragma once

#include "badgeuse/core/result.hpp"
#include "badgeuse/protocol/messages.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace badgeuse::protocol {

struct StoredChange {
    std::int64_t seq = 0;
    ChangeKind kind = ChangeKind::Upsert;
    std::string entity; // entity_key(): "family", "child", ...
    std::string data;   // encode_change_data() of the record
};

struct StoredPage {
    std::int64_t cursor = 0;
    MorePages more = MorePages::No;
    std::vector<StoredChange> changes;
};

// The pull response, with each record's stored JSON written as it is: the same bytes as encode() of
// the decoded page. The stored JSON is the portal's own writing (PortalStore::commit); it is not parsed.
std::string encode(const StoredPage& page);

// Every record decoded; an unreadable one is named by its sequence number.
Result<PullResponse> decode_stored_page(const StoredPage& page);

} // namespace badgeuse::protocol
