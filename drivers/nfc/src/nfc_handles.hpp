// RAII owners of libnfc's context and device handles: nfc_exit and nfc_close run exactly once.
// Drivers' private header; only the NFC reader includes libnfc.
#pragma once

#include <nfc/nfc.h>

#include <memory>

namespace badgeuse::drivers {

struct NfcContextClose {
    void operator()(nfc_context* context) const { nfc_exit(context); }
};
struct NfcDeviceClose {
    void operator()(nfc_device* device) const { nfc_close(device); }
};

using NfcContext = std::unique_ptr<nfc_context, NfcContextClose>;
using NfcDevice = std::unique_ptr<nfc_device, NfcDeviceClose>;

inline NfcContext make_nfc_context() {
    nfc_context* context = nullptr;
    nfc_init(&context);
    return NfcContext(context);
}

} // namespace badgeuse::drivers
