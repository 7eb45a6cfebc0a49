package vn.campaign.localinfra;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Events as commitment-service publishes them ({@code CommitmentEvent} of service-foundation), for
 * the tests of the services that consume them; they run without commitment-service and feed the
 * real broker directly.
 */
public final class CommitmentEvents {

    public static final String TOPIC = "campaign.commitments.v1";

    private CommitmentEvents() {
    }

    /** {@code member.registered.v1} (version 0) or {@code member.updated.v1}; returns the event id. */
    public static String member(UUID memberId, String fullName, List<UUID> unitPath, long version) {
        String payload = "{\"memberId\":\"" + memberId + "\",\"fullName\":" + PlanEvents.quote(fullName) + ","
                + "\"unitId\":\"" + last(unitPath) + "\",\"unitPath\":" + ids(unitPath) + ","
                + "\"previousUnitId\":null,\"previousUnitPath\":null,\"category\":\"PARTY_MEMBER\",\"template\":\"FORM_01\","
                + "\"leader\":false,\"positionTitle\":null,\"exemption\":null,\"version\":" + version + ","
                + "\"changedAt\":\"" + Instant.now() + "\"," + actor() + "}";
        return send(memberId, version == 0 ? "member.registered.v1" : "member.updated.v1", payload, UUID.randomUUID().toString());
    }

    /** {@code commitment.evaluated.v1} with the rating the score gives (≥ 90 EXCELLENT, 70–89 GOOD, 50–69 COMPLETED, else NOT_COMPLETED). */
    public static String evaluated(UUID commitmentId, UUID memberId, List<UUID> unitPath, int year, int score) {
        String rating = score >= 90 ? "EXCELLENT" : score >= 70 ? "GOOD" : score >= 50 ? "COMPLETED" : "NOT_COMPLETED";
        String payload = "{\"commitmentId\":\"" + commitmentId + "\",\"memberId\":\"" + memberId + "\","
                + "\"unitId\":\"" + last(unitPath) + "\",\"unitPath\":" + ids(unitPath) + ",\"year\":" + year + ","
                + "\"planId\":\"" + UUID.randomUUID() + "\",\"topicId\":null,\"template\":\"FORM_01\",\"leader\":false,"
                + "\"status\":\"EVALUATED\",\"previousStatus\":\"SELF_ASSESSED\",\"resubmission\":false,\"late\":false,"
                + "\"dueOn\":\"" + year + "-04-30\",\"submittedAt\":\"" + Instant.now() + "\",\"onBehalf\":false,\"actionCount\":2,"
                + "\"score\":" + score + ",\"rating\":\"" + rating + "\",\"version\":5,\"changedAt\":\"" + Instant.now() + "\"," + actor() + "}";
        return send(commitmentId, "commitment.evaluated.v1", payload, UUID.randomUUID().toString());
    }

    /** {@code commitment.checked-in.v1}: progress in percent on action 1 for {@code period} (e.g. {@code 2026Q2}). */
    public static String checkedIn(UUID commitmentId, UUID checkInId, UUID memberId, List<UUID> unitPath, int year, String period, int percent) {
        String payload = "{\"commitmentId\":\"" + commitmentId + "\",\"checkInId\":\"" + checkInId + "\",\"memberId\":\"" + memberId + "\","
                + "\"unitId\":\"" + last(unitPath) + "\",\"unitPath\":" + ids(unitPath) + ",\"year\":" + year + ","
                + "\"planId\":\"" + UUID.randomUUID() + "\",\"leader\":false,\"action\":1,\"period\":" + PlanEvents.quote(period) + ","
                + "\"percent\":" + percent + ",\"recordedAt\":\"" + Instant.now() + "\"," + actor() + "}";
        return send(commitmentId, "commitment.checked-in.v1", payload, UUID.randomUUID().toString());
    }

    /** {@code commitment.praised.v1} with the given event id (send it twice to test redelivery). */
    public static String praised(String eventId, UUID commitmentId, UUID checkInId, UUID memberId, List<UUID> unitPath, int year, String comment) {
        String payload = "{\"commitmentId\":\"" + commitmentId + "\",\"checkInId\":\"" + checkInId + "\",\"memberId\":\"" + memberId + "\","
                + "\"unitId\":\"" + last(unitPath) + "\",\"unitPath\":" + ids(unitPath) + ",\"year\":" + year + ","
                + "\"planId\":\"" + UUID.randomUUID() + "\",\"topicId\":null,\"leader\":false,\"action\":1,\"period\":\"" + year + "Q2\","
                + "\"comment\":" + PlanEvents.quote(comment) + ",\"praisedAt\":\"" + Instant.now() + "\"," + actor() + "}";
        return send(commitmentId, "commitment.praised.v1", payload, eventId);
    }

    private static String send(UUID key, String type, String payload, String eventId) {
        Map<String, String> headers = OrgUnitEvents.headers(eventId, type, key.toString());
        headers.put("ce_source", "/commitment-service");
        TestTopics.send(TOPIC, key.toString(), payload, headers);
        return eventId;
    }

    private static UUID last(List<UUID> path) {
        return path.get(path.size() - 1);
    }

    private static String ids(List<UUID> ids) {
        return "[" + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]";
    }

    private static String actor() {
        return "\"actor\":{\"subject\":\"test-cell-secretary\",\"name\":\"Bí thư chi bộ\"}";
    }
}
