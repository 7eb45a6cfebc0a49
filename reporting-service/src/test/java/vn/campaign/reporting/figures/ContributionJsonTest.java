package vn.campaign.reporting.figures;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContributionJsonTest {

    @Test
    void writesAJsonObjectThatReadsBackAsTheSameValues() throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("2026-Q4|commitments.submitted", 1L);
        values.put("2026|members.expected", -3L);
        values.put("2026|odd \"key\" \\ with\tescapes|x", Long.MAX_VALUE);
        String text = ReadModel.contributionJson(values);
        assertEquals(values, new ObjectMapper().readValue(text, new TypeReference<Map<String, Long>>() {
        }));
        assertEquals("{}", ReadModel.contributionJson(Map.of()));
    }
}
