package vn.campaign.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcSamplerTest {

    @Test
    void residentMemoryIsSplitIntoAnonymousAndFileBackedPages() {
        ProcSampler.Rss rss = ProcSampler.rss(ProcessHandle.current().pid());
        // this JVM has a heap (anonymous) and its own mapped libraries and jars (file-backed)
        assertTrue(rss.anonKb() > 0, "anonymous part: " + rss);
        assertTrue(rss.fileKb() > 0, "file-backed part: " + rss);
        // VmRSS is RssAnon + RssFile + RssShmem, each read at the same moment
        assertTrue(rss.anonKb() + rss.fileKb() <= rss.totalKb(), "parts within the total: " + rss);
        assertEquals(ProcSampler.Rss.NONE, ProcSampler.rss(-1), "a process that is gone counts nothing");
    }

    @Test
    void thePeakKeepsTheSplitOfTheSampleItCameFrom() {
        ProcSampler.Rss low = new ProcSampler.Rss(300_000, 200_000, 100_000);
        ProcSampler.Rss high = new ProcSampler.Rss(400_000, 250_000, 150_000);
        assertEquals(high, low.max(high));
        assertEquals(high, high.max(low));
    }

    @Test
    void theJitCompilersOfThisJvmAreFoundAmongItsThreads() {
        long pid = ProcessHandle.current().pid();
        // this JVM has loaded JUnit and run its code, so its compilers have worked (a tick is 10 ms)
        long jit = ProcSampler.jitTicks(pid);
        assertTrue(jit > 0, "compiler threads' CPU ticks: " + jit);
        assertTrue(ProcSampler.cpuTicks(pid) >= jit, "the compilers are a part of the process");
    }

    @Test
    void cpuByProcessShowsTheJitShareBesideItsService() {
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put("commitment", 0.67);
        cores.put("reporting", 0.12);
        cores.put("postgres", 0.41);
        assertEquals("commitment 0.67 (JIT 0.10) reporting 0.12 postgres 0.41",
                Bench.fmt(cores, Map.of("commitment", 0.10, "reporting", 0.001)));
    }
}
