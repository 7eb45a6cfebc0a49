package vn.campaign.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the loader put into the stack, kept beside it so the measurements (and a later run with
 * --skip-load) find the ids: the provinces and their plans (JSON), every commitment (CSV).
 */
public final class BenchState {

    public double scale;
    public long seed;
    public String rootId;
    public String topicId;
    public String guidanceId;
    public List<ProvinceState> provinces = new ArrayList<>();
    /** The province whose commitments only the freshness probe submits. */
    public int probeProvince;
    /** How many of {@link #pool} and {@link #probes} have been submitted by a measurement. */
    public int poolUsed;
    public int probesUsed;
    /** The whole lifecycle has been applied (everything after the submit measurement). */
    public boolean finished;
    public long members;
    public int units;

    public static final class ProvinceState {
        public int index;
        public String code;
        public String id;
        public String planId;
    }

    /** A commitment the loader created (as DRAFT) and the state it should reach. */
    public record CommitmentRow(String id, String memberId, String cellId, NationalDataset.Lifecycle lifecycle, int score, int province) {
    }

    public transient List<CommitmentRow> commitments = new ArrayList<>();

    public static Path file(Path dir) {
        return dir.resolve("state.json");
    }

    public static boolean exists(Path dir) {
        return Files.exists(file(dir)) && Files.exists(dir.resolve("commitments.csv"));
    }

    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("state.json.tmp");
            Api.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
            Files.move(tmp, file(dir), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void saveCommitments(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("commitments.csv"), StandardCharsets.UTF_8)) {
            for (CommitmentRow c : commitments) {
                w.write(c.id() + "," + c.memberId() + "," + c.cellId() + "," + c.lifecycle() + "," + c.score() + "," + c.province());
                w.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BenchState load(Path dir) {
        try {
            BenchState s = Api.JSON.readValue(file(dir).toFile(), BenchState.class);
            s.commitments = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("commitments.csv"), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                s.commitments.add(new CommitmentRow(f[0], f[1], f[2], NationalDataset.Lifecycle.valueOf(f[3]), Integer.parseInt(f[4]),
                        Integer.parseInt(f[5])));
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drafts the submit measurement may use: every commitment headed for submission outside the probe province. */
    public List<CommitmentRow> pool() {
        return commitments.stream().filter(c -> c.lifecycle().submitted() && c.province() != probeProvince).toList();
    }

    public List<CommitmentRow> probes() {
        return commitments.stream().filter(c -> c.lifecycle().submitted() && c.province() == probeProvince).toList();
    }

    public ProvinceState province(int index) {
        return provinces.stream().filter(p -> p.index == index).findFirst().orElseThrow();
    }
}
