// StorePinVault: the Sessions' PIN hashes and lockouts kept in the kiosk's store (schema v3), so that
// a lockout survives a restart. Also how PINs are set (the demo, and later the portal's pull).
#pragma once

#include "badgeuse/app/sessions.hpp"
#include "badgeuse/store/store.hpp"

namespace badgeuse::app {

class StorePinVault final : public PinVault {
public:
    explicit StorePinVault(store::Store& store)
        : m_store(&store) {}

    Result<std::optional<std::string>> pin_hash(const Subject& subject) override {
        return m_store->pins().hash(subject.key());
    }
    Result<PinLockout> lockout(const Subject& subject) override {
        auto row = BADGEUSE_TRY(m_store->pins().lockout(subject.key()));
        return PinLockout{row.failures, row.locked_until};
    }
    Result<void> set_lockout(const Subject& subject, const PinLockout& lockout) override {
        return m_store->pins().set_lockout(subject.key(),
                                           store::PinLockoutRow{lockout.failures, lockout.locked_until});
    }

private:
    store::Store* m_store;
};

} // namespace badgeuse::app
