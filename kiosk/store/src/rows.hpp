// Turning a query's rows into domain values: all of them, or the first one if any.
// A row that does not decode (a bad day, an unknown key) fails the whole read with the table named.
#pragma once

#include "database.hpp"

#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace badgeuse::store {

template <typename T>
struct ResultValue;
template <typename T>
struct ResultValue<Result<T>> {
    using type = T;
};

// The T of the Result<T> that `Read` returns from a row.
template <typename Read>
using RowValue = typename ResultValue<std::invoke_result_t<Read&, const Query&>>::type;

template <typename Read>
Result<std::vector<RowValue<Read>>> read_all(Query& query, std::string_view table, Read read) {
    std::vector<RowValue<Read>> values;
    for (;;) {
        if (!BADGEUSE_TRY(query.next()))
            return values;
        auto value = read(std::as_const(query));
        if (!value)
            return query.unreadable(table, value.error());
        values.push_back(std::move(value).value());
    }
}

template <typename Read>
Result<std::optional<RowValue<Read>>> read_first(Query& query, std::string_view table, Read read) {
    if (!BADGEUSE_TRY(query.next()))
        return std::optional<RowValue<Read>>{};
    auto value = read(std::as_const(query));
    if (!value)
        return query.unreadable(table, value.error());
    return std::optional<RowValue<Read>>{std::move(value).value()};
}

} // namespace badgeuse::store
