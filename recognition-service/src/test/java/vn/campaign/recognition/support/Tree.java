package vn.campaign.recognition.support;

import vn.campaign.localinfra.DevTokens;
import vn.campaign.localinfra.OrgUnitEvents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Builds organisation trees for the tests by sending org-unit events and waiting until the replica has them. */
public final class Tree {

    private final List<UUID> sent = new ArrayList<>();

    /** A unit under {@code parentPath} (empty for a root); returns its path. */
    public List<UUID> unit(List<UUID> parentPath, String name, String kind) {
        UUID id = UUID.randomUUID();
        List<UUID> path = new ArrayList<>(parentPath);
        path.add(id);
        OrgUnitEvents.send(id, "U-" + id.toString().substring(0, 8), name, kind, path, 0);
        sent.add(id);
        return List.copyOf(path);
    }

    /** Waits until every unit sent so far is in the replica. */
    public void awaitReplica() {
        String admin = DevTokens.bearer("admin", null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (UUID id : sent) {
                given().header("Authorization", admin).when().get("/internal/org-units/{id}", id).then().statusCode(200);
            }
        });
    }

    public static UUID last(List<UUID> path) {
        return path.get(path.size() - 1);
    }

    public static String token(String role, List<UUID> path) {
        return DevTokens.bearer(role, last(path));
    }
}
