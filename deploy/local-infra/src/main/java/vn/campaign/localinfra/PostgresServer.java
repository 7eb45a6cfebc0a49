package vn.campaign.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the zonky embedded binaries (PostgreSQL 17, with ltree,
 * unaccent, pg_trgm and pgcrypto), started without Docker.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on {@code port} (0 picks a free one) keeping its files in {@code dataDirectory};
     * an existing data directory is reused, so data survives a restart.
     */
    public static PostgresServer start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "400")
                .setServerConfig("shared_buffers", "256MB")
                // a bulk load (a national roster) wrote 1 GB of WAL every 40 s and, at the default 1 GB,
                // a checkpoint each time, after which every page touched is logged whole again
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", "on")
                // zonky turns this off for speed; an acknowledged commit must survive a crash here too
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        return new PostgresServer(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates {@code name} unless it exists; returns its JDBC URL. */
    public String ensureDatabase(String name) throws SQLException {
        return ensureDatabase(jdbcUrl("postgres"), user(), password(), name);
    }

    /** Creates {@code name} on the server behind {@code adminUrl} unless it exists; returns its JDBC URL. */
    public static String ensureDatabase(String adminUrl, String user, String password, String name) throws SQLException {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = java.sql.DriverManager.getConnection(adminUrl, user, password)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("create database " + name + " encoding 'UTF8' template template0");
                        }
                    }
                }
            }
        }
        int slash = adminUrl.lastIndexOf('/');
        return adminUrl.substring(0, slash + 1) + name;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
