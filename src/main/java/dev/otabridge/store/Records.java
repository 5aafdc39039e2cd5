package dev.otabridge.store;

import java.util.List;

/** A batch of records to load into the store in one transaction. */
public record Records(List<DeviceFirmware> devices, List<JobInfo> jobs) {

    public Records {
        devices = List.copyOf(devices);
        jobs = List.copyOf(jobs);
    }

    /** What a load answers: how many records of each kind it wrote. */
    public record Loaded(int devices, int jobs) {
    }
}
