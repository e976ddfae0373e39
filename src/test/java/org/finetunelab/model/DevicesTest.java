package org.finetunelab.model;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicesTest {
    @Test
    void automaticChoicePrefersGpuWhenPresent() {
        assertEquals(Device.gpu(), Devices.choose(null, 1));
        assertEquals(Device.cpu(), Devices.choose("", 0));
        assertEquals(Device.cpu(), Devices.choose("auto", 0));
    }

    @Test
    void overrideWins() {
        assertEquals(Device.cpu(), Devices.choose("CPU", 4));
        assertEquals(Device.gpu(), Devices.choose("gpu", 2));
    }

    @Test
    void askingForAMissingGpuExplainsTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Devices.choose("gpu", 0));
        assertTrue(e.getMessage().contains("FINETUNE_DEVICE=cpu"));
    }

    @Test
    void unknownValueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.choose("tpu", 0));
        assertTrue(e.getMessage().contains("tpu"));
    }
}
