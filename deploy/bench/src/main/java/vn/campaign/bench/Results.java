package vn.campaign.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;

/** The figures of one run, as key=value lines that every step adds to. */
public final class Results {

    private final Path file;
    private final Properties values = new Properties();

    public Results(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    public double number(String key) {
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? Double.NaN : Double.parseDouble(v);
    }

    public Results put(String key, Object value) {
        values.setProperty(key, value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.3f", d) : String.valueOf(value));
        return this;
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (var e : new TreeMap<>(values).entrySet()) {
                    w.write(e.getKey() + "=" + e.getValue().toString().replace("\\", "\\\\").replace("\n", "\\n") + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
