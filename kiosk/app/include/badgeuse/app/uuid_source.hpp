// Where event UUIDs come from: the kernel's random generator on a kiosk, a seeded sequence in tests
// that need repeatable ids. Behind an interface so that core stays free of IO.
#pragma once

#include "badgeuse/core/uuid.hpp"

#include <cstdint>

namespace badgeuse::app {

class UuidSource {
public:
    virtual ~UuidSource() = default;
    virtual Uuid next() = 0;
};

// Version-4 UUIDs from getrandom(2): unique across kiosks without coordination.
class SystemUuidSource final : public UuidSource {
public:
    Uuid next() override;
};

// Version-4 UUIDs numbered 1, 2, 3...: tests and the UI's screenshots get the same ids on every run.
class SequenceUuidSource final : public UuidSource {
public:
    Uuid next() override;

private:
    std::uint64_t m_next = 0;
};

} // namespace badgeuse::app
