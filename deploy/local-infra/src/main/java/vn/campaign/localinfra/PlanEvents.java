package vn.campaign.localinfra;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plan events as plan-service publishes them ({@code PlanEvent.PlanState} of service-foundation),
 * for the tests of the services that keep a replica of plans; they run without plan-service and
 * feed the real broker directly.
 *
 * <pre>
 * PlanEvents.plan(planId, 2025, provincePath).recipientSubtree(provincePath)
 *         .window(opensOn, dueOn).actions(1, 2).publish();
 * </pre>
 */
public final class PlanEvents {

    public static final String TOPIC = "campaign.plans.v1";
    public static final String PUBLISHED = "plan.published.v1";
    public static final String AMENDED = "plan.amended.v1";
    public static final String WITHDRAWN = "plan.withdrawn.v1";
    public static final String ARCHIVED = "plan.archived.v1";

    private PlanEvents() {
    }

    /** A plan issued by the last unit of {@code issuingUnitPath} (ids from the root). */
    public static Plan plan(UUID planId, int year, List<UUID> issuingUnitPath) {
        return new Plan(planId, year, issuingUnitPath);
    }

    /** The plan's state; each send method publishes it as one event and returns the event id. */
    public static final class Plan {
        private final UUID planId;
        private final int year;
        private final List<UUID> issuingUnitPath;
        private final List<String> recipients = new ArrayList<>();
        private final List<String> duties = new ArrayList<>();
        private String number;
        private String title = "Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";
        private UUID topicId = UUID.randomUUID();
        private int revision = 1;
        private boolean window;
        private LocalDate opensOn;
        private LocalDate dueOn;
        private Integer minActions;
        private Integer maxActions;
        private List<String> templates;
        private List<String> exemptCategories;

        private Plan(UUID planId, int year, List<UUID> issuingUnitPath) {
            this.planId = planId;
            this.year = year;
            this.issuingUnitPath = List.copyOf(issuingUnitPath);
            this.number = planId.toString().substring(0, 4) + "-KH/TU";
        }

        public Plan number(String number) {
            this.number = number;
            return this;
        }

        public Plan title(String title) {
            this.title = title;
            return this;
        }

        public Plan topic(UUID topicId) {
            this.topicId = topicId;
            return this;
        }

        public Plan revision(int revision) {
            this.revision = revision;
            return this;
        }

        /** The unit at the end of {@code unitPath} and everything below it. */
        public Plan recipientSubtree(List<UUID> unitPath) {
            recipients.add(recipient(unitPath, true));
            return this;
        }

        /** Only the unit at the end of {@code unitPath}. */
        public Plan recipientUnit(List<UUID> unitPath) {
            recipients.add(recipient(unitPath, false));
            return this;
        }

        /** A reporting duty: QUARTER, HALF_YEAR or YEAR, due so many days after each period ends. */
        public Plan reportingDuty(String periodType, int daysAfterPeriodEnd) {
            duties.add("{\"periodType\":\"" + periodType + "\",\"daysAfterPeriodEnd\":" + daysAfterPeriodEnd + "}");
            return this;
        }

        /** A commitment window: opens on, due on (end of that day, Asia/Ho_Chi_Minh). */
        public Plan window(LocalDate opensOn, LocalDate dueOn) {
            this.window = true;
            this.opensOn = opensOn;
            this.dueOn = dueOn;
            return this;
        }

        /** Fewest and most concrete actions per commitment (null: the defaults 1 and 2). */
        public Plan actions(Integer min, Integer max) {
            this.window = true;
            this.minActions = min;
            this.maxActions = max;
            return this;
        }

        /** Allowed templates, e.g. FORM_01 (null: all three). */
        public Plan templates(String... templates) {
            this.window = true;
            this.templates = List.of(templates);
            return this;
        }

        /** Exempt categories, e.g. RETIRED (not called: the plan names none). */
        public Plan exempt(String... categories) {
            this.window = true;
            this.exemptCategories = List.of(categories);
            return this;
        }

        public String publish() {
            return send(UUID.randomUUID().toString(), PUBLISHED, "PUBLISHED");
        }

        public String amend() {
            return send(UUID.randomUUID().toString(), AMENDED, "PUBLISHED");
        }

        public String withdraw() {
            return send(UUID.randomUUID().toString(), WITHDRAWN, "WITHDRAWN");
        }

        public String archive() {
            return send(UUID.randomUUID().toString(), ARCHIVED, "ARCHIVED");
        }

        /** Sends the state with a given event id (to test redelivery); returns it. */
        public String send(String eventId, String type, String status) {
            TestTopics.send(TOPIC, planId.toString(), payload(status), OrgUnitEvents.headers(eventId, type, planId.toString()));
            return eventId;
        }

        /** The JSON value, in the shape of {@code PlanEvent.PlanState}. */
        public String payload(String status) {
            UUID issuingUnit = issuingUnitPath.get(issuingUnitPath.size() - 1);
            String commitmentWindow = !window ? "null"
                    : "{\"opensOn\":" + date(opensOn) + ",\"dueOn\":" + date(dueOn)
                    + ",\"templates\":" + strings(templates) + ",\"minActions\":" + minActions + ",\"maxActions\":" + maxActions
                    + ",\"exemptCategories\":" + strings(exemptCategories) + "}";
            return "{\"planId\":\"" + planId + "\",\"number\":" + quote(number) + ",\"type\":\"PLAN\","
                    + "\"title\":" + quote(title) + ",\"status\":\"" + status + "\",\"revision\":" + revision + ","
                    + "\"issuingUnitId\":\"" + issuingUnit + "\",\"unitPath\":" + ids(issuingUnitPath) + ",\"year\":" + year + ","
                    + "\"issueDate\":\"" + LocalDate.of(year, 1, 1) + "\",\"topicId\":\"" + topicId + "\","
                    + "\"topicTitle\":\"Chuyên đề năm " + year + "\",\"parentPlanId\":null,"
                    + "\"recipients\":[" + String.join(",", recipients) + "],\"expectedUnitCount\":" + recipients.size() + ","
                    + "\"commitmentWindow\":" + commitmentWindow + ",\"reportingDuties\":[" + String.join(",", duties) + "],"
                    + "\"actor\":{\"subject\":\"test-plan-officer\",\"name\":\"test\"}}";
        }

        private static String recipient(List<UUID> unitPath, boolean subtree) {
            return "{\"unitId\":\"" + unitPath.get(unitPath.size() - 1) + "\",\"unitPath\":" + ids(unitPath)
                    + ",\"includeSubtree\":" + subtree + ",\"kinds\":[]}";
        }

        private static String ids(List<UUID> ids) {
            return "[" + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]";
        }

        private static String strings(List<String> values) {
            return values == null ? "null" : "[" + values.stream().map(PlanEvents::quote).collect(Collectors.joining(",")) + "]";
        }

        private static String date(LocalDate date) {
            return date == null ? "null" : "\"" + date + "\"";
        }
    }

    /** A JSON string literal (Vietnamese titles pass through as UTF-8). */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
