// The strict JSON object reader: every failure names its path, and unknown fields are errors, so
// that a kiosk and a portal of different versions disagree loudly rather than drop data silently.
#include "badgeuse/protocol/json_reader.hpp"

#include "badgeuse/core/paris_time.hpp"

#include <algorithm>
#include <limits>

namespace badgeuse::protocol {
namespace json = boost::json;

Result<json::value> parse_json(std::string_view text) {
    boost::system::error_code error;
    json::parse_options options;
    options.max_depth = 32; // our messages nest four levels deep; deeper input is an attack or a bug
    json::value value = json::parse(text, error, {}, options);
    if (error)
        return make_error("malformed JSON: " + error.message());
    return value;
}

std::string path_index(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

std::string path_field(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

Result<ObjectReader> ObjectReader::open(const json::value& value, std::string path) {
    if (!value.is_object())
        return make_error((path.empty() ? std::string("body") : path) + ": expected an object");
    return ObjectReader(value.get_object(), std::move(path));
}

Error ObjectReader::fail(std::string_view key, std::string_view message) const {
    return make_error(path_field(m_path, key) + ": " + std::string(message));
}

Result<const json::value*> ObjectReader::required(std::string_view key) {
    m_known.emplace_back(key);
    const json::value* value = m_object->if_contains(key);
    if (value == nullptr)
        return fail(key, "missing");
    return value;
}

Result<const json::value*> ObjectReader::any(std::string_view key) {
    return required(key);
}

Result<std::string> ObjectReader::string(std::string_view key) {
    const json::value* value = BADGEUSE_TRY(required(key));
    if (!value->is_string())
        return fail(key, "expected a string");
    return std::string(value->get_string());
}

Result<std::string> ObjectReader::optional_string(std::string_view key) {
    if (!has(key)) {
        m_known.emplace_back(key);
        return std::string();
    }
    return string(key);
}

Result<std::int64_t> ObjectReader::integer(std::string_view key) {
    const json::value* value = BADGEUSE_TRY(required(key));
    if (value->is_int64())
        return value->get_int64();
    if (value->is_uint64() &&
        value->get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return static_cast<std::int64_t>(value->get_uint64());
    return fail(key, "expected an integer");
}

Result<std::int64_t> ObjectReader::optional_integer(std::string_view key, std::int64_t fallback) {
    if (!has(key)) {
        m_known.emplace_back(key);
        return fallback;
    }
    return integer(key);
}

Result<bool> ObjectReader::boolean(std::string_view key) {
    const json::value* value = BADGEUSE_TRY(required(key));
    if (!value->is_bool())
        return fail(key, "expected true or false");
    return value->get_bool();
}

Result<Date> ObjectReader::date(std::string_view key) {
    const json::value* value = BADGEUSE_TRY(required(key));
    if (!value->is_string())
        return fail(key, "expected YYYY-MM-DD");
    auto parsed = parse_date(std::string_view(value->get_string()));
    if (!parsed)
        return fail(key, "expected YYYY-MM-DD (" + parsed.error().message + ")");
    return *parsed;
}

Result<Instant> ObjectReader::instant(std::string_view key) {
    const json::value* value = BADGEUSE_TRY(required(key));
    if (!value->is_string())
        return fail(key, "expected an ISO 8601 time with its offset");
    auto parsed = paris::parse_iso8601(std::string_view(value->get_string()));
    if (!parsed)
        return fail(key, "expected an ISO 8601 time with its offset (" + parsed.error().message + ")");
    return *parsed;
}

Result<Uuid> ObjectReader::uuid(std::string_view key) {
    const json::value* value = BADGEUSE_TRY(required(key));
    if (!value->is_string())
        return fail(key, "expected a UUID");
    auto parsed = Uuid::parse(std::string_view(value->get_string()));
    if (!parsed)
        return fail(key, "expected a UUID (" + parsed.error().message + ")");
    return *parsed;
}

Result<Uuid> ObjectReader::optional_uuid(std::string_view key) {
    if (!has(key)) {
        m_known.emplace_back(key);
        return Uuid{};
    }
    return uuid(key);
}

Result<TimeOfDay> ObjectReader::time_of_day(std::string_view key) {
    auto text = BADGEUSE_TRY(string(key));
    auto parsed = TimeOfDay::parse(text);
    if (!parsed)
        return fail(key, "expected HH:MM (" + parsed.error().message + ")");
    return *parsed;
}

Result<void>
ObjectReader::array(std::string_view key,
                    const std::function<Result<void>(const json::value&, const std::string&)>& each) {
    const json::value* value = BADGEUSE_TRY(required(key));
    if (!value->is_array())
        return fail(key, "expected an array");
    const std::string base = path_field(m_path, key);
    const json::array& elements = value->get_array();
    for (std::size_t i = 0; i < elements.size(); ++i)
        BADGEUSE_CHECK(each(elements[i], path_index(base, i)));
    return {};
}

Result<void> ObjectReader::finish() const {
    for (const auto& entry : *m_object) {
        const std::string_view key = entry.key();
        if (std::find(m_known.begin(), m_known.end(), key) == m_known.end())
            return fail(key, "unknown field");
    }
    return {};
}

} // namespace badgeuse::protocol
