package vn.campaign.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples, from /proc, the resident memory (VmRSS) and CPU time of the stack's service processes
 * and the whole machine's CPU use, while a measurement runs.
 */
public final class ProcSampler implements AutoCloseable {

    private static final long CLK_TCK = 100; // USER_HZ on Linux x86-64

    private final Map<String, Long> pids;
    private final Map<String, Long> maxRssKb = new LinkedHashMap<>();
    private final Map<String, Long> cpuTicksStart = new LinkedHashMap<>();
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
            maxRssKb.put(name, 0L);
            cpuTicksStart.put(name, cpuTicks(pid));
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
            long rss = rssKb(pid);
            if (rss > maxRssKb.get(name)) {
                maxRssKb.put(name, rss);
            }
        });
    }

    public synchronized Map<String, Long> maxRssKb() {
        return new LinkedHashMap<>(maxRssKb);
    }

    /** CPU used by each service since the start, in cores (1.0 = one core busy the whole time). */
    public Map<String, Double> serviceCores() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, (cpuTicks(pid) - cpuTicksStart.get(name)) / (double) CLK_TCK / seconds));
        return out;
    }

    /** Share of the machine's CPU time that was busy since the start (0..1). */
    public double machineBusy() {
        long[] now = machineTicks();
        long total = now[0] - machineStart[0];
        long idle = now[1] - machineStart[1];
        return total <= 0 ? Double.NaN : 1.0 - (double) idle / total;
    }

    /**
     * CPU used since the start, in cores, by the rest of the stack (PostgreSQL, Kafka, nginx: every
     * process whose command line, or an ancestor's, names the stack directory, other than the
     * services), by this load tool, and by processes outside the stack, i.e. other work on the
     * machine that competes for it.
     */
    public Map<String, Double> otherCores() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<Long, Long> now = allTicks();
        long self = ProcessHandle.current().pid();
        long infra = 0;
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
                infra += used;
            } else {
                outside += used;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("pg+kafka+nginx", infra / (double) CLK_TCK / seconds);
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

    public static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
