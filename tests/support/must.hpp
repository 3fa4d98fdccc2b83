// must(): the value of a Result the test cannot go on without; otherwise the test stops there, with
// the error's words in its report.
#pragma once

#include "badgeuse/core/result.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

namespace badgeuse::testing {

template <typename T>
T must(Result<T> result) {
    INFO((result.ok() ? std::string("ok") : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

} // namespace badgeuse::testing
