#include "badgeuse/protocol/stored_page.hpp"

#include "badgeuse/protocol/codec.hpp"
#include "badgeuse/protocol/keys.hpp"

#include <boost/json.hpp>

namespace badgeuse::protocol {
namespace {

namespace json = boost::json;

// A key written as a JSON string: the keys are the codec's own ASCII words, escaped all the same.
void append_string(std::string& out, std::string_view value) {
    out += json::serialize(json::string(value));
}

} // namespace

std::string encode(const StoredPage& page) {
    std::size_t size = 64;
    for (const StoredChange& change : page.changes)
        size += change.data.size() + change.entity.size() + 64;
    std::string out;
    out.reserve(size);
    // The member order of encode(const PullResponse&), so that both give the same bytes.
    out += "{\"cursor\":";
    out += std::to_string(page.cursor);
    out += page.more == MorePages::Yes ? ",\"more\":true" : ",\"more\":false";
    out += ",\"changes\":[";
    bool first = true;
    for (const StoredChange& change : page.changes) {
        out += first ? "{\"seq\":" : ",{\"seq\":";
        first = false;
        out += std::to_string(change.seq);
        out += ",\"kind\":";
        append_string(out, change_kind_key(change.kind));
        out += ",\"entity\":";
        append_string(out, change.entity);
        out += ",\"data\":";
        out += change.data;
        out += '}';
    }
    out += "]}";
    return out;
}

Result<PullResponse> decode_stored_page(const StoredPage& page) {
    PullResponse decoded;
    decoded.cursor = page.cursor;
    decoded.more = page.more;
    decoded.changes.reserve(page.changes.size());
    for (const StoredChange& change : page.changes) {
        auto data = decode_change_data(change.entity, change.data);
        if (!data)
            return make_error("change " + std::to_string(change.seq) + " (" + change.entity +
                              ") is unreadable: " + data.error().message);
        decoded.changes.push_back(Change{change.seq, change.kind, std::move(*data)});
    }
    return decoded;
}

} // namespace badgeuse::protocol
