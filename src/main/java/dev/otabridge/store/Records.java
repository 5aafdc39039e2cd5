package dev.otabridge.store;

import java.util.List;

/** A batch of records to load into the store in one transaction, and devices to remove. */
public record Records(List<DeviceFirmware> devices, List<JobInfo> jobs, List<DeviceRef> removedDevices) {

    public Records {
        devices = List.copyOf(devices);
        jobs = List.copyOf(jobs);
        removedDevices = List.copyOf(removedDevices);
    }

    public Records(List<DeviceFirmware> devices, List<JobInfo> jobs) {
        this(devices, jobs, List.of());
    }

    /** A device by its key. */
    public record DeviceRef(String orgId, String assetId) {}

    /** What a load answers: how many records of each kind it wrote or removed. */
    public record Loaded(int devices, int jobs, int removedDevices) {}
}
