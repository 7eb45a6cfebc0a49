package vn.campaign.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GcPausesTest {

    // as a service's /q/metrics shows them under the serial collector
    private static final String METRICS = """
            # HELP jvm_gc_pause_seconds Time spent in GC pause
            # TYPE jvm_gc_pause_seconds summary
            jvm_gc_pause_seconds_count{action="end of major GC",cause="CodeCache GC Threshold",gc="MarkSweepCompact"} 3.0
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="CodeCache GC Threshold",gc="MarkSweepCompact"} 0.329
            jvm_gc_pause_seconds_count{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 1.0
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 0.151
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 250.0
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 1.02
            # HELP jvm_gc_pause_seconds_max Time spent in GC pause
            # TYPE jvm_gc_pause_seconds_max gauge
            jvm_gc_pause_seconds_max{action="end of major GC",cause="CodeCache GC Threshold",gc="MarkSweepCompact"} 0.134
            """;

    @Test
    void fullCollectionsOfEveryCauseAreSummedAndMinorOnesLeftOut() {
        GcPauses.Major major = GcPauses.parse(METRICS);
        assertEquals(4, major.count());
        assertEquals(0.48, major.seconds(), 1e-9);
        assertEquals(new GcPauses.Major(0, 0), GcPauses.parse("jvm_threads_live_threads 40.0\n"));
    }

    @Test
    void aStepShowsTheFullCollectionsThatFellIntoIt() {
        Map<String, GcPauses.Major> before = new LinkedHashMap<>();
        before.put("plan", new GcPauses.Major(2, 0.3));
        before.put("commitment", new GcPauses.Major(3, 0.329));
        before.put("reporting", GcPauses.Major.UNKNOWN);
        Map<String, GcPauses.Major> after = new LinkedHashMap<>();
        after.put("plan", new GcPauses.Major(2, 0.3));
        after.put("commitment", new GcPauses.Major(5, 0.569));
        after.put("reporting", new GcPauses.Major(1, 0.1));
        // a service that did not answer shows as unknown rather than as none
        assertEquals("commitment 2 (0.24 s), reporting ?", GcPauses.describe(before, after));
        assertEquals("none", GcPauses.describe(after, after));
    }
}
