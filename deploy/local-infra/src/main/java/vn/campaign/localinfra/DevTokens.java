package vn.campaign.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 JWTs signed with the dev-only key pair ({@code dev-keys/}), carrying the claims of
 * the security model: {@code sub}, {@code name}, {@code groups}, {@code unit}, {@code member}.
 * For tests and the local stack only; production tokens come from the OIDC provider.
 */
public final class DevTokens {

    public static final String ISSUER = "https://dev.campaign.invalid/issuer";

    private DevTokens() {
    }

    /** A token of {@code role} for {@code unit} (null for none), as tests use them. */
    public static String bearer(String role, UUID unit) {
        return "Bearer " + mint("test-" + role + (unit == null ? "" : "-" + unit), unit, null, List.of(role));
    }

    public static String mint(String subject, UUID unit, UUID member, Collection<String> roles) {
        return mint(subject, subject, unit, member, roles, Duration.ofHours(8));
    }

    public static String mint(String subject, String name, UUID unit, UUID member, Collection<String> roles, Duration ttl) {
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder("{")
                .append(json("iss")).append(':').append(json(ISSUER))
                .append(',').append(json("sub")).append(':').append(json(subject))
                .append(',').append(json("upn")).append(':').append(json(subject))
                .append(',').append(json("name")).append(':').append(json(name))
                .append(',').append(json("jti")).append(':').append(json(UUID.randomUUID().toString()))
                .append(',').append(json("iat")).append(':').append(now.getEpochSecond())
                .append(',').append(json("exp")).append(':').append(now.plus(ttl).getEpochSecond())
                .append(',').append(json("groups")).append(":[")
                .append(roles.stream().map(DevTokens::json).collect(Collectors.joining(","))).append(']');
        if (unit != null) {
            claims.append(',').append(json("unit")).append(':').append(json(unit.toString()));
        }
        if (member != null) {
            claims.append(',').append(json("member")).append(':').append(json(member.toString()));
        }
        claims.append('}');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev-only\"}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the dev token", e);
        }
    }

    /**
     * {@code dev-token --role unit-officer[,viewer] --unit UUID [--member UUID] [--sub S] [--name N] [--hours H]}
     * prints a token to standard output.
     */
    public static void main(String[] args) {
        Map<String, String> options = LocalInfra.options(args);
        if (!options.containsKey("role")) {
            System.err.println("usage: dev-token --role ROLE[,ROLE] [--unit UNIT_UUID] [--member MEMBER_UUID] [--sub SUBJECT] [--name NAME] [--hours 8]");
            System.err.println("roles: member, cell-secretary, unit-officer, commendation-council, viewer, integration, admin");
            System.exit(2);
        }
        List<String> roles = new ArrayList<>(List.of(options.get("role").split(",")));
        UUID unit = options.containsKey("unit") ? UUID.fromString(options.get("unit")) : null;
        UUID member = options.containsKey("member") ? UUID.fromString(options.get("member")) : null;
        String subject = options.getOrDefault("sub", "dev-" + String.join("-", roles));
        System.out.println(mint(subject, options.getOrDefault("name", subject), unit, member, roles,
                Duration.ofHours(Long.parseLong(options.getOrDefault("hours", "8")))));
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-keys/dev-only-private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
