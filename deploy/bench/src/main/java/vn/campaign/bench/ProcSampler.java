package vn.campaign.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples, from /proc, the resident memory (VmRSS) and CPU time of the stack's service processes
 * and the whole machine's CPU use, while a measurement runs. The peak's split into anonymous
 * memory (heap, metaspace, code, C heap, stacks, and the AOT cache or CDS archive, whose pages the
 * JVM writes when it relocates them at start) and file-backed pages (jars and the JDK's own files:
 * clean pages the kernel can drop and read back) is kept with it.
 */
public final class ProcSampler implements AutoCloseable {

    private static final long CLK_TCK = 100; // USER_HZ on Linux x86-64

    private final Map<String, Long> pids;
    private final Map<String, Rss> maxRss = new LinkedHashMap<>();
    private final Map<String, Long> cpuTicksStart = new LinkedHashMap<>();
    private final Map<String, Long> jitTicksStart = new LinkedHashMap<>();
    private final long[] machineStart;
    private final String stackMarker;
    private final Map<Long, Long> allTicksStart;
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    public ProcSampler(Map<String, Long> pids, String stackMarker) {
        this.pids = pids;
        this.stackMarker = stackMarker;
        this.allTicksStart = allTicks();
        pids.forEach((name, pid) -> {
            maxRss.put(name, Rss.NONE);
            cpuTicksStart.put(name, cpuTicks(pid));
            jitTicksStart.put(name, jitTicks(pid));
        });
        machineStart = machineTicks();
        thread = new Thread(this::loop, "proc-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The pids of the stack's services from their pid files. */
    public static Map<String, Long> servicePids(Path stackDir, List<String> services) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String s : services) {
            try {
                pids.put(s, Long.parseLong(Files.readString(stackDir.resolve("run").resolve(s + "-service.pid")).trim()));
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("no pid file for " + s + "-service under " + stackDir + "/run: is the stack up?", e);
            }
        }
        return pids;
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        pids.forEach((name, pid) -> {
            Rss rss = rss(pid);
            if (rss.totalKb() > maxRss.get(name).totalKb()) {
                maxRss.put(name, rss);
            }
        });
    }

    /** Each service's highest VmRSS sample, with its split. */
    public synchronized Map<String, Rss> maxRss() {
        return new LinkedHashMap<>(maxRss);
    }

    /** A VmRSS sample in KiB: the total, and its anonymous and file-backed parts (RssAnon, RssFile). */
    public record Rss(long totalKb, long anonKb, long fileKb) {
        static final Rss NONE = new Rss(0, 0, 0);

        /** The larger of the two samples by total. */
        public Rss max(Rss other) {
            return other.totalKb > totalKb ? other : this;
        }
    }

    /** CPU used by each service since the start, in cores (1.0 = one core busy the whole time). */
    public Map<String, Double> serviceCores() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, (cpuTicks(pid) - cpuTicksStart.get(name)) / (double) CLK_TCK / seconds));
        return out;
    }

    /** CPU used by each service's JIT compiler threads since the start, in cores (part of {@link #serviceCores()}). */
    public Map<String, Double> serviceJitCores() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> out = new LinkedHashMap<>();
        // a compiler thread the JVM stopped meanwhile takes its ticks with it: never below zero
        pids.forEach((name, pid) -> out.put(name, Math.max(0, jitTicks(pid) - jitTicksStart.get(name)) / (double) CLK_TCK / seconds));
        return out;
    }

    /** CPU ticks of a JVM's C1 and C2 compiler threads. */
    static long jitTicks(long pid) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        ticks += taskTicks(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** Share of the machine's CPU time that was busy since the start (0..1). */
    public double machineBusy() {
        long[] now = machineTicks();
        long total = now[0] - machineStart[0];
        long idle = now[1] - machineStart[1];
        return total <= 0 ? Double.NaN : 1.0 - (double) idle / total;
    }

    /**
     * CPU used since the start, in cores, by the rest of the stack (every process whose command
     * line, or an ancestor's, names the stack directory, other than the services: PostgreSQL's
     * processes, nginx's, and the local-infra JVM, which runs the Kafka broker), by this load tool,
     * and by processes outside the stack, i.e. other work on the machine that competes for it.
     */
    public Map<String, Double> otherCores() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<Long, Long> now = allTicks();
        long self = ProcessHandle.current().pid();
        long postgres = 0;
        long nginx = 0;
        long kafka = 0;
        long tool = 0;
        long outside = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            long pid = e.getKey();
            long used = e.getValue() - allTicksStart.getOrDefault(pid, 0L);
            if (pid == self) {
                tool += used;
            } else if (pids.containsValue(pid)) {
                continue;
            } else if (belongsToStack(pid)) {
                String comm = comm(pid);
                if (comm.startsWith("postgres")) {
                    postgres += used;
                } else if (comm.startsWith("nginx")) {
                    nginx += used;
                } else {
                    kafka += used;
                }
            } else {
                outside += used;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("postgres", postgres / (double) CLK_TCK / seconds);
        out.put("kafka", kafka / (double) CLK_TCK / seconds);
        out.put("nginx", nginx / (double) CLK_TCK / seconds);
        out.put("load tool", tool / (double) CLK_TCK / seconds);
        out.put("outside the stack", outside / (double) CLK_TCK / seconds);
        return out;
    }

    private boolean belongsToStack(long pid) {
        for (int depth = 0; depth < 6 && pid > 1; depth++) {
            try {
                String cmd = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
                if (cmd.contains(stackMarker)) {
                    return true;
                }
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                pid = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<Long, Long> allTicks() {
        Map<Long, Long> ticks = new java.util.HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            dirs.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> ticks.put(Long.parseLong(n), cpuTicks(Long.parseLong(n))));
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        sample();
    }

    public static Rss rss(long pid) {
        long total = 0;
        long anon = 0;
        long file = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    total = kb(line);
                } else if (line.startsWith("RssAnon:")) {
                    anon = kb(line);
                } else if (line.startsWith("RssFile:")) {
                    file = kb(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Rss.NONE;
        }
        return new Rss(total, anon, file);
    }

    private static long kb(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    static long cpuTicks(long pid) {
        try {
            return taskTicks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a /proc stat line. */
    private static long taskTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** {total, idle (idle + iowait)} jiffies of all CPUs. */
    static long[] machineTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[]{total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
