package dev.otabridge.api;

/** Reads the fleet summary's query string: {@code orgId}, required, and nothing else. */
public final class FleetRequestReader {

    public String read(String rawQuery) {
        QueryString query = QueryString.parse(rawQuery);
        for (String name : query.all().keySet()) {
            if (!name.equals("orgId")) {
                throw ApiException.invalidArgument("query", "unknown parameter; the fleet summary takes orgId");
            }
        }
        return query.identifier("orgId")
                .orElseThrow(() ->
                        ApiException.invalidArgument("orgId", "the fleet summary is of one organization: name it"));
    }
}
