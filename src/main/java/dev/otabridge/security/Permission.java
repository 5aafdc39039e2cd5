package dev.otabridge.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a service account may do, named as EnOS names service/operation pairs. */
public enum Permission {
    /** Search Device Upgrade. */
    FIRMWARE_READ("Firmware/Read"),
    /** Search OTA Job. */
    FIRMWARE_READ_OTA("Firmware/Read OTA"),
    /** The event feed of the account's own organizations; an admin reads every organization's. */
    EVENTS_READ("Firmware/Read Events"),
    /** Loading data, the event feed of every organization, the outbox: the bundle's own endpoints, for operators. */
    ADMIN("OtaBridge/Admin");

    private final String text;

    Permission(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Every permission's name, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Permission::text).toList();
    }

    public static Optional<Permission> named(String text) {
        return Arrays.stream(values()).filter(p -> p.text.equals(text)).findFirst();
    }
}
