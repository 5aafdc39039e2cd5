package dev.otabridge.api;

import java.util.Set;

/** Reads the fleet summary's query string: {@code orgId}, required, and nothing else. */
public final class FleetRequestReader {

    public String read(String rawQuery) {
        QueryString query = QueryString.parse(rawQuery);
        query.refuseOtherThan(Set.of("orgId"), "the fleet summary takes orgId");
        return query.identifier("orgId")
                .orElseThrow(() ->
                        ApiException.invalidArgument("orgId", "the fleet summary is of one organization: name it"));
    }
}
