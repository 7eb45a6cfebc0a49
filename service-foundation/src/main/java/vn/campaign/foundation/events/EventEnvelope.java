package vn.campaign.foundation.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A CloudEvents 1.0 event in Kafka binary mode: the attributes travel as {@code ce_*} headers,
 * the JSON payload is the record value and the record key is the aggregate id. The payload is
 * parsed once, straight into the contract's type, when a handler asks for it ({@link #data}).
 */
public record EventEnvelope(String id, String type, String source, String subject, Instant time, String payload) {

    public static final String SPEC_VERSION = "1.0";
    public static final String H_SPEC_VERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_TYPE = "ce_type";
    public static final String H_SOURCE = "ce_source";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    /** Reads an event from a record; a record that is not a valid event is a {@link PoisonEventException}. */
    public static EventEnvelope fromRecord(ConsumerRecord<String, String> record, ObjectMapper json) {
        Headers headers = record.headers();
        String specVersion = header(headers, H_SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new PoisonEventException("not a CloudEvents 1.0 binary-mode record (ce_specversion=" + specVersion + ")");
        }
        String id = required(headers, H_ID);
        String type = required(headers, H_TYPE);
        String source = required(headers, H_SOURCE);
        String subject = header(headers, H_SUBJECT);
        Instant time;
        try {
            String value = header(headers, H_TIME);
            time = value == null ? Instant.ofEpochMilli(record.timestamp()) : parseTime(value);
        } catch (DateTimeException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp");
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + id + " has no payload");
        }
        if (!isJsonObject(record.value())) {
            throw new PoisonEventException("payload of event " + id + " is not a JSON object");
        }
        return new EventEnvelope(id, type, source, subject, time, record.value());
    }

    /**
     * An RFC 3339 timestamp. The form the outbox writes ({@code 2026-12-02T08:36:01.123456Z}: UTC,
     * zero to nine digits of fraction) is read directly, more than ten times faster than
     * {@link Instant#parse}, which reads every other form.
     */
    static Instant parseTime(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || (n > 20 && (n == 21 || text.charAt(19) != '.'))) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = n > 20 ? digits(text, 20, n - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || nanos < 0) {
            return Instant.parse(text); // a leap second, or not a timestamp: Instant.parse says which
        }
        for (int fractionDigits = n - 21; fractionDigits < 9; fractionDigits++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay(); // rejects a day the month does not have
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The payload as the contract's type; a payload that does not fit is poison. */
    public <T> T data(ObjectMapper json, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            throw new PoisonEventException("payload of event " + id + " (" + this.type + ") is not JSON: " + e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("event " + id + " (" + this.type + ") does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the text starts as a JSON object (the rest is checked where it is read). */
    private static boolean isJsonObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("missing header " + name);
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
