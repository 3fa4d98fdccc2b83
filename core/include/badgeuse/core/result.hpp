// Result<T>: the value of an operation that can fail for an expected reason, or the reason.
// Used instead of exceptions inside the domain and the store; messages are for people to act on.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace badgeuse {

struct Error {
    std::string message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(Error error)
        : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<T>(m_state);
    }
    const T& value() const& {
        assert(ok());
        return std::get<T>(m_state);
    }
    T&& value() && {
        assert(ok());
        return std::get<T>(std::move(m_state));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<Error>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

// The success of an operation that returns nothing.
struct Done {};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Done) {}
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error make_error(std::string message) {
    return Error{std::move(message)};
}

} // namespace badgeuse

// Propagates the error of a Result-returning expression, or yields its value (a GNU statement
// expression, as SerenityOS's TRY; __extension__ keeps -Wpedantic quiet about it).
#define BADGEUSE_TRY(expression)                                                                             \
    __extension__({                                                                                          \
        auto _badgeuse_result = (expression);                                                                \
        if (!_badgeuse_result.ok())                                                                          \
            return _badgeuse_result.error();                                                                 \
        std::move(_badgeuse_result).value();                                                                 \
    })

// Propagates the error of a Result<void>-returning expression.
#define BADGEUSE_CHECK(expression)                                                                           \
    do {                                                                                                     \
        if (auto _badgeuse_result = (expression); !_badgeuse_result.ok())                                    \
            return _badgeuse_result.error();                                                                 \
    } while (false)
