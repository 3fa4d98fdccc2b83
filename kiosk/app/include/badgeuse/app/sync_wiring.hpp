// start_sync: the kiosk's sync client started on a built runtime: its health goes to the app's mailbox
// (or only to the log, headless, where no UI drains it), and every commit of the app's Store that
// queued an outbox row tells the client to push.
#pragma once

#include "badgeuse/app/kiosk_runtime.hpp"
#include "badgeuse/app/sync_connection.hpp"

namespace badgeuse::app {

enum class HealthDelivery { Mailbox, LogOnly };

// Fills runtime.sync. `clock` must outlive the runtime.
Result<void> start_sync(KioskRuntime& runtime, const SyncConfig& config, const Clock& clock,
                        HealthDelivery delivery, SyncConnection::LogCallback log);

// On the app's thread: after a pull brought changes, the check-in service reads the activities and
// the calendar again. With HealthDelivery::Mailbox it is posted for the UI; headless loops call it
// before each tap. Does nothing without sync or without news.
void apply_pulled_changes(KioskRuntime& runtime);

} // namespace badgeuse::app
