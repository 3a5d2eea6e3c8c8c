package org.loredigest.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the event contract writes them, {@link Instant#toString()}'s {@code 2024-03-01T12:34:56[.fraction]Z},
 * read and written by hand: every activity of a topic carries one, and the general ISO formatter behind
 * {@code JavaTimeModule} took a tenth of report-service's CPU reading classified threads. Anything outside that
 * shape (years past 9999, offsets, leap seconds, numbers) goes to {@code JavaTimeModule}'s own code, so what is read
 * and written does not change.
 */
public final class InstantText {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years written with four digits. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long END_SECOND = 253_402_300_800L;
    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private InstantText() {
    }

    /** The module that reads and writes instants this way; registered by {@link EventJson#configure}. */
    public static SimpleModule module() {
        return new SimpleModule("lore-instant-text")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /** The instant {@code text} names in the contract's shape, or null when it is not in that shape. */
    public static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int value = digits(text, 20, n - 1);
            if (value < 0) {
                return null;
            }
            nanos = value * SCALE[fraction - 1];
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // e.g. 30 February: the general reader says why
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** {@link Instant#toString()} for years 0 to 9999, the same text; other years as {@link Instant#toString()}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] out = new char[30];
        put(out, 0, t.getYear(), 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        int length = 19;
        int nanos = instant.getNano();
        if (nanos > 0) { // in groups of three digits, as many as needed
            out[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, length, nanos / 1_000_000, 3);
                length += 3;
            } else if (nanos % 1_000 == 0) {
                put(out, length, nanos / 1_000, 6);
                length += 6;
            } else {
                put(out, length, nanos, 9);
                length += 9;
            }
        }
        out[length++] = 'Z';
        return new String(out, 0, length);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = parse(p.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }

    private static final class Writer extends StdScalarSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                InstantSerializer.INSTANCE.serialize(value, gen, provider);
            } else {
                gen.writeString(format(value));
            }
        }
    }
}
