package vn.campaign.localinfra;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Org-unit events as plan-service publishes them, for the tests of the services that replicate
 * the tree (they run without plan-service and feed the real broker directly).
 */
public final class OrgUnitEvents {

    public static final String TOPIC = "campaign.org-units.v1";

    private OrgUnitEvents() {
    }

    /** Sends a snapshot event with its own id; returns that id. */
    public static String send(UUID unit, String code, String name, String kind, List<UUID> path, long version) {
        String eventId = UUID.randomUUID().toString();
        send(eventId, unit, code, name, kind, path, version);
        return eventId;
    }

    public static void send(String eventId, UUID unit, String code, String name, String kind, List<UUID> path, long version) {
        UUID parent = path.size() > 1 ? path.get(path.size() - 2) : null;
        String payload = "{\"unitId\":\"" + unit + "\",\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\","
                + "\"parentId\":" + (parent == null ? "null" : "\"" + parent + "\"") + ","
                + "\"unitPath\":[" + path.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "],"
                + "\"validFrom\":\"2025-07-01\",\"validTo\":null,\"predecessorIds\":[],\"successorId\":null,"
                + "\"version\":" + version + ",\"actor\":{\"subject\":\"test\",\"name\":\"test\"}}";
        TestTopics.send(TOPIC, unit.toString(), payload, headers(eventId, version == 0 ? "org-unit.created.v1" : "org-unit.updated.v1", unit.toString()));
    }

    public static Map<String, String> headers(String eventId, String type, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId);
        headers.put("ce_type", type);
        headers.put("ce_source", "/plan-service");
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        return headers;
    }
}
