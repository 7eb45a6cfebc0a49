package vn.campaign.foundation.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitPathsTest {

    @Test
    void aLabelIsTheIdsThirtyTwoHexDigitsAndAPathReadsBackAsWritten() {
        Random random = new Random(7);
        List<UUID> path = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1), UUID.fromString("00000000-0000-0001-8000-00000000000f")));
        for (int i = 0; i < 200; i++) {
            path.add(new UUID(random.nextLong(), random.nextLong()));
        }
        for (UUID id : path) {
            assertEquals(id.toString().replace("-", ""), UnitPaths.label(id));
        }
        assertEquals("0000000000000001800000000000000f", UnitPaths.label(path.get(2)));
        assertEquals(path, UnitPaths.fromLtree(UnitPaths.toLtree(path)));
    }
}
