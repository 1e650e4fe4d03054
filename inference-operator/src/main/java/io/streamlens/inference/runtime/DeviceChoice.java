package io.streamlens.inference.runtime;

import io.streamlens.inference.Device;
import java.util.Objects;
import java.util.Optional;

/**
 * The device a pack was asked for and the one its sessions actually run on.
 *
 * @param requested from the options
 * @param used where the sessions run
 * @param fallbackReason why {@code used} differs from {@code requested}; empty when it doesn't
 */
public record DeviceChoice(Device requested, Device used, Optional<String> fallbackReason) {

    public DeviceChoice {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(fallbackReason, "fallbackReason");
    }

    static DeviceChoice asRequested(Device device) {
        return new DeviceChoice(device, device, Optional.empty());
    }

    static DeviceChoice fellBack(Device requested, String reason) {
        return new DeviceChoice(requested, Device.CPU, Optional.of(reason));
    }

    public boolean fellBack() {
        return fallbackReason.isPresent();
    }
}
