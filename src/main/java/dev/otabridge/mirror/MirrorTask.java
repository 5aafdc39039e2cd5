package dev.otabridge.mirror;

/**
 * One thing a mirror pass reads from upstream, page by page: an organization's device upgrade
 * statuses or its OTA jobs. {@code path} and {@code query} address the upstream API as EnOS does.
 */
public record MirrorTask(String orgId, Kind kind) {

    public enum Kind {
        DEVICES("/connect-service/v2.1/ota-firmwares", "searchDeviceUpgrade", "devices"),
        JOBS("/connect-service/v2.1/ota-jobs", "search", "jobs");

        private final String path;
        private final String action;
        private final String records;

        Kind(String path, String action, String records) {
            this.path = path;
            this.action = action;
            this.records = records;
        }
    }

    public String path() {
        return kind.path;
    }

    /** Names and values need no encoding: organization ids are checked to be plain tokens. */
    public String query() {
        return "action=" + kind.action + "&orgId=" + orgId;
    }

    /** The key of a load document that holds what this task reads. */
    String records() {
        return kind.records;
    }

    @Override
    public String toString() {
        return orgId + "/" + kind.records;
    }
}
