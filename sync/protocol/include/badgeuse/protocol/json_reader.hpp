// A strict reader of JSON objects: required fields of one type, unknown fields refused, and every
// error prefixed with the JSON path it is about ("events[3].day: expected YYYY-MM-DD").
#pragma once

#include "badgeuse/core/clock.hpp"
#include "badgeuse/core/date.hpp"
#include "badgeuse/core/result.hpp"
#include "badgeuse/core/uuid.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace badgeuse::protocol {

// Parses a whole text as one JSON value; the error says where the syntax broke.
Result<boost::json::value> parse_json(std::string_view text);

// "events" + 3 -> "events[3]"; "" + "day" -> "day"; "events[3]" + "day" -> "events[3].day".
std::string path_index(const std::string& path, std::size_t index);
std::string path_field(const std::string& path, std::string_view key);

// Reads the fields of one object. Each getter marks its field as known; finish() refuses the rest.
class ObjectReader {
public:
    static Result<ObjectReader> open(const boost::json::value& value, std::string path);

    Result<std::string> string(std::string_view key);
    Result<std::string> optional_string(std::string_view key); // "" when absent
    Result<std::int64_t> integer(std::string_view key);
    Result<std::int64_t> optional_integer(std::string_view key, std::int64_t fallback);
    Result<bool> boolean(std::string_view key);
    Result<Date> date(std::string_view key);
    Result<Instant> instant(std::string_view key);
    Result<Uuid> uuid(std::string_view key);
    Result<Uuid> optional_uuid(std::string_view key); // the nil UUID when absent
    Result<TimeOfDay> time_of_day(std::string_view key);
    Result<const boost::json::value*> any(std::string_view key);
    // Calls `each` with every element of the array field and its path, stopping at the first error.
    Result<void>
    array(std::string_view key,
          const std::function<Result<void>(const boost::json::value&, const std::string&)>& each);
    // Reads a string field and turns it into an enum with one of keys.hpp's parse functions.
    template <typename Parse>
    auto key(std::string_view field, Parse parse) -> decltype(parse(std::string_view{})) {
        auto text = string(field);
        if (!text)
            return text.error();
        auto parsed = parse(*text);
        if (!parsed)
            return fail(field, parsed.error().message);
        return parsed;
    }

    bool has(std::string_view key) const { return m_object->contains(key); }
    const std::string& path() const { return m_path; }
    // An error about one field, with its path.
    Error fail(std::string_view key, std::string_view message) const;
    // Refuses any field no getter asked for.
    Result<void> finish() const;

private:
    ObjectReader(const boost::json::object& object, std::string path)
        : m_object(&object)
        , m_path(std::move(path)) {}
    Result<const boost::json::value*> required(std::string_view key);

    const boost::json::object* m_object;
    std::string m_path;
    std::vector<std::string> m_known;
};

} // namespace badgeuse::protocol
