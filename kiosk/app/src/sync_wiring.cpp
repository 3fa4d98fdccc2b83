// Wiring the sync client into the runtime: health out, outbox commits in.
#include "badgeuse/app/sync_wiring.hpp"

namespace badgeuse::app {

Result<void> start_sync(KioskRuntime& runtime, const SyncConfig& config, const Clock& clock,
                        HealthDelivery delivery, SyncConnection::LogCallback log) {
    SyncConnection::HealthCallback on_health;
    if (delivery == HealthDelivery::Mailbox) {
        KioskApp* app = runtime.app.get();
        on_health = [app](SyncHealth health) {
            app->mailbox().post([health = std::move(health)](KioskApp& target) mutable {
                target.set_sync_health(std::move(health));
            });
        };
    }
    std::function<void()> on_pulled;
    if (delivery == HealthDelivery::Mailbox) {
        KioskRuntime* live = &runtime;
        on_pulled = [live] { live->app->mailbox().post([live](KioskApp&) { apply_pulled_changes(*live); }); };
    }
    SyncHealth connecting;
    connecting.link = SyncLink::Connecting;
    connecting.server = config.server;
    runtime.app->set_sync_health(connecting);
    runtime.sync = BADGEUSE_TRY(SyncConnection::start(config, *runtime.store, clock, std::move(on_health),
                                                      std::move(log), std::move(on_pulled)));
    SyncConnection* link = runtime.sync.get();
    // The narrowest place every local event passes: the commit of its outbox row, whichever service
    // (check-in, booking, absence, badge, PIN) wrote it. Called on the app's thread; never blocks.
    runtime.store->set_outbox_listener([link] { link->notify_event(); });
    return {};
}

void apply_pulled_changes(KioskRuntime& runtime) {
    if (!runtime.sync || !runtime.sync->take_pulled() || !runtime.check_in)
        return;
    // A failure keeps what was loaded before; the next pull's news tries again.
    (void)runtime.check_in->reload();
}

} // namespace badgeuse::app
