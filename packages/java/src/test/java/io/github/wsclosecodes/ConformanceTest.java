package io.github.wsclosecodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the generated class against conformance/vectors.json, code by code. */
class ConformanceTest {
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws IOException {
        vectors = new ObjectMapper().readTree(Path.of("..", "..", "conformance", "vectors.json").toFile());
    }

    private static Optional<String> text(JsonNode node) {
        return node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    @Test
    void localesAreTheRegistrysInOrder() {
        List<String> tags = new ArrayList<>();
        for (CloseCode.Locale locale : CloseCode.Locale.values()) {
            tags.add(locale.tag());
        }
        List<String> expected = new ArrayList<>();
        vectors.get("locales").forEach(tag -> expected.add(tag.asText()));
        assertEquals(expected, tags);
        assertEquals(vectors.get("fallback").asText(), CloseCode.Locale.FALLBACK.tag());
    }

    @Test
    void negotiationAgreesWithEveryVector() {
        JsonNode pairs = vectors.get("negotiation");
        assertTrue(pairs.size() > 0);
        for (JsonNode pair : pairs) {
            String tag = pair.get(0).asText();
            assertEquals(pair.get(1).asText(), CloseCode.Locale.negotiate(tag).tag(), "negotiate(" + tag + ")");
        }
    }

    @Test
    void acceptLanguageAgreesWithEveryVector() {
        JsonNode pairs = vectors.get("accept_language");
        assertTrue(pairs.size() > 0);
        for (JsonNode pair : pairs) {
            String header = pair.get(0).asText();
            String expected = pair.get(1).asText();
            assertEquals(expected, CloseCode.Locale.negotiate(header).tag(), "negotiate(\"" + header + "\")");
            // The header's items as a list negotiate to the same locale.
            List<String> items = Arrays.asList(header.split(",", -1));
            assertEquals(expected, CloseCode.Locale.negotiate(items).tag(), "negotiate(" + items + ")");
        }
        System.out.println("checked " + pairs.size() + " Accept-Language headers, each as a header and as a list");
    }

    /** Each range's predicate ({@code is} and the id in UpperCamelCase), found by its name. */
    private static Map<String, Method> rangePredicates() throws NoSuchMethodException {
        Map<String, Method> predicates = new LinkedHashMap<>();
        for (CloseCode.Range range : CloseCode.Range.all()) {
            StringBuilder name = new StringBuilder("is");
            for (String word : range.id().split("-")) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            predicates.put(range.id(), CloseCode.class.getMethod(name.toString()));
        }
        return predicates;
    }

    @Test
    void rangePredicatesAgreeWithTheVectorsRanges() throws ReflectiveOperationException {
        Map<String, Method> predicates = rangePredicates();
        assertEquals(vectorsRangeIds(), predicates.keySet());
        int checked = 0;
        for (JsonNode run : vectors.get("runs")) {
            Optional<String> range = text(run.get("range"));
            for (int n = run.get("first").asInt(); n <= run.get("last").asInt(); n++) {
                CloseCode code = CloseCode.of(n);
                for (Map.Entry<String, Method> predicate : predicates.entrySet()) {
                    boolean expected = range.equals(Optional.of(predicate.getKey()));
                    assertEquals(expected, predicate.getValue().invoke(code), predicate.getValue().getName() + " of " + n);
                    checked++;
                }
            }
        }
        assertEquals(65536 * predicates.size(), checked);
        System.out.println("checked " + predicates.size() + " range predicates on every code");
    }

    /** The range ids the vectors name, in order of first appearance. */
    private static Set<String> vectorsRangeIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode run : vectors.get("runs")) {
            text(run.get("range")).ifPresent(ids::add);
        }
        return ids;
    }

    @Test
    void everyCodeAnswersAsTheVectorsSay() {
        int checked = 0;
        int next = 0;
        CloseCode.Locale[] locales = CloseCode.Locale.values();
        for (JsonNode run : vectors.get("runs")) {
            int first = run.get("first").asInt();
            int last = run.get("last").asInt();
            assertEquals(next, first, "runs cover every code");
            for (int n = first; n <= last; n++) {
                CloseCode code = CloseCode.of(n);
                String at = "code " + n;
                assertEquals(text(run.get("name")), code.name(), at);
                assertEquals(!run.get("name").isNull(), code.isKnown(), at);
                List<String> aliases = new ArrayList<>();
                run.get("aliases").forEach(alias -> aliases.add(alias.asText()));
                assertEquals(aliases, code.aliases(), at);
                assertEquals(text(run.get("iana_name")), code.ianaName(), at);
                assertEquals(text(run.get("range")), code.range().map(CloseCode.Range::id), at);
                assertEquals(run.get("sendable").asBoolean(), code.isSendable(), at);
                assertEquals(run.get("browser_closable").asBoolean(), code.isBrowserClosable(), at);
                assertEquals(text(run.get("sender")), code.sender().map(CloseCode.Sender::key), at);
                assertEquals(run.get("reconnect").asText(), code.reconnect().key(), at);
                for (int i = 0; i < locales.length; i++) {
                    assertEquals(run.get("title").get(i).asText(), code.title(locales[i]), at);
                    assertEquals(run.get("description").get(i).asText(), code.description(locales[i]), at);
                    assertEquals(run.get("title").get(i).asText(), CloseCode.title(n, locales[i]), at);
                    assertEquals(run.get("description").get(i).asText(), CloseCode.description(n, locales[i]), at);
                }
                assertEquals(run.get("sendable").asBoolean(), CloseCode.isSendable(n), at);
                checked++;
            }
            next = last + 1;
        }
        assertEquals(65536, checked);
        System.out.println("checked " + checked + " codes against conformance/vectors.json");
    }

    @Test
    void constantsAreTheValuesOfTheirNumbers() {
        assertSame(CloseCode.NORMAL_CLOSURE, CloseCode.of(1000));
        assertEquals(CloseCode.of(4321), CloseCode.of(4321));
        assertEquals(1000, CloseCode.NORMAL_CLOSURE.value());
        assertEquals("1000 Normal Closure", CloseCode.NORMAL_CLOSURE.toString());
        assertFalse(CloseCode.ABNORMAL_CLOSURE.isSendable());
        assertThrows(IllegalArgumentException.class, () -> CloseCode.of(65536));
        assertThrows(IllegalArgumentException.class, () -> CloseCode.of(-1));
        for (CloseCode code : CloseCode.registered()) {
            assertSame(code, CloseCode.of(code.value()));
        }
    }

    @Test
    void numbersOutside16BitsAreNoCloseCodes() {
        // The vectors' run outside every range gives the texts of such a number.
        JsonNode outside = null;
        for (JsonNode run : vectors.get("runs")) {
            if (run.get("range").isNull() && run.get("name").isNull()) {
                outside = run;
            }
        }
        assertTrue(outside != null, "the vectors have a number outside every range");
        CloseCode.Locale[] locales = CloseCode.Locale.values();
        for (int n : new int[] {-1, 65536, 70000, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertFalse(CloseCode.isSendable(n), "isSendable(" + n + ")");
            for (int i = 0; i < locales.length; i++) {
                assertEquals(outside.get("title").get(i).asText(), CloseCode.title(n, locales[i]), "title " + n);
                assertEquals(outside.get("description").get(i).asText(), CloseCode.description(n, locales[i]),
                        "description " + n);
            }
        }
    }

    /**
     * The reason check of {@code Frame.parse} is the JDK's UTF-8 decoder reporting malformed input:
     * on every reason of one and two bytes, and on every reason of three and four bytes made of a
     * lead byte and boundary bytes, both accept and refuse the same and decode to the same text.
     */
    @Test
    void reasonsAreCheckedAsTheJdkDecoderChecksThem() {
        // The bounds of the second byte's ranges in table 3-7 of the Unicode Standard, and others.
        int[] edges = {0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff};
        List<byte[]> reasons = new ArrayList<>();
        for (int a = 0; a < 256; a++) {
            reasons.add(new byte[] {(byte) a});
            for (int b = 0; b < 256; b++) {
                reasons.add(new byte[] {(byte) a, (byte) b});
            }
        }
        for (int lead = 0xc0; lead < 256; lead++) {
            for (int b : edges) {
                for (int c : edges) {
                    reasons.add(new byte[] {(byte) lead, (byte) b, (byte) c});
                    reasons.add(new byte[] {0x61, (byte) lead, (byte) b, (byte) c});
                    for (int d : edges) {
                        reasons.add(new byte[] {(byte) lead, (byte) b, (byte) c, (byte) d});
                    }
                }
            }
        }
        for (byte[] reason : reasons) {
            byte[] payload = new byte[2 + reason.length];
            payload[0] = 0x03;
            payload[1] = (byte) 0xe8;
            System.arraycopy(reason, 0, payload, 2, reason.length);
            String expected;
            try {
                expected = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(reason)).toString();
            } catch (java.nio.charset.CharacterCodingException malformed) {
                expected = null;
            }
            try {
                CloseCode.Frame frame = CloseCode.Frame.parse(payload);
                assertEquals(expected, frame.reason(), () -> "reason " + hex(reason));
                assertArrayEquals(payload, frame.encode(), () -> "reason " + hex(reason));
            } catch (CloseCode.FrameException refused) {
                assertEquals(null, expected, () -> "reason " + hex(reason));
                assertEquals(1007, refused.closeCode().value(), () -> "reason " + hex(reason));
            }
        }
        System.out.println("checked " + reasons.size() + " reasons against the JDK's UTF-8 decoder");
    }

    @Test
    void encodingAReasonIsItsUtf8AndALoneSurrogateIsRefused() {
        // As in TypeScript and Python: a lone surrogate has no UTF-8 form and is refused with
        // 1007 (String.getBytes would send a '?' instead); everything else is its UTF-8 bytes.
        String[] reasons = {"", "a", "\u007f", "\u0080", "é", "中", "😀", "\ud800", "a\udc00b", "\ud83d\ude00\ud83d",
            "\ud83d\ude00", "x".repeat(123), "x".repeat(122) + "é", "x".repeat(121) + "中", "x".repeat(120) + "\ud800",
            "x".repeat(200) + "\ud800"};
        for (String reason : reasons) {
            boolean lone = false;
            for (int i = 0; i < reason.length(); i++) {
                char c = reason.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < reason.length() && Character.isLowSurrogate(reason.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    lone = true;
                }
            }
            byte[] text = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                byte[] payload = CloseCode.Frame.of(CloseCode.of(4000), reason).encode();
                assertFalse(lone, () -> "reason " + reason);
                assertTrue(text.length <= 123, () -> "reason " + reason);
                assertEquals("0fa0" + hex(text), hex(payload), () -> "reason " + reason);
            } catch (CloseCode.FrameException refused) {
                // The lone surrogate is found before the length is measured, as in TypeScript and Python.
                if (lone) {
                    assertEquals(1007, refused.closeCode().value(), () -> "reason " + reason);
                    assertEquals("a close reason with a lone surrogate", refused.getMessage());
                } else {
                    assertTrue(text.length > 123, () -> "reason " + reason);
                    assertEquals(1002, refused.closeCode().value(), () -> "reason " + reason);
                }
            }
        }
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }

    @Test
    void closeFramesParseEncodeAndTruncateAsTheVectorsSay() {
        JsonNode payloads = vectors.get("close_payloads");
        int checked = 0;
        for (JsonNode c : payloads.get("parse")) {
            String payload = c.get("payload").asText();
            try {
                CloseCode.Frame frame = CloseCode.Frame.parse(hex(payload));
                assertTrue(c.get("error").isNull(), "parse " + payload + " should fail");
                assertEquals(c.get("code").isNull() ? Optional.empty() : Optional.of(c.get("code").asInt()),
                        frame.code().map(CloseCode::value), "parse " + payload);
                assertEquals(c.get("reason").asText(), frame.reason(), "parse " + payload);
                assertEquals(payload, hex(frame.encode()), "parse " + payload);
            } catch (CloseCode.FrameException error) {
                assertEquals(c.get("error").asInt(-1), error.closeCode().value(), "parse " + payload);
            }
            checked++;
        }
        for (JsonNode c : payloads.get("encode")) {
            int code = c.get("code").asInt();
            String reason = c.get("reason").asText();
            try {
                CloseCode.Frame frame = CloseCode.Frame.of(CloseCode.of(code), reason);
                assertEquals(c.get("payload").asText(), hex(frame.encode()), "encode " + code);
            } catch (CloseCode.FrameException error) {
                assertEquals(c.get("error").asInt(-1), error.closeCode().value(), "encode " + code);
            }
            checked++;
        }
        for (JsonNode c : payloads.get("truncate")) {
            assertEquals(c.get("truncated").asText(), CloseCode.truncateReason(c.get("reason").asText()));
            checked++;
        }
        assertTrue(checked > 0);
    }

    @Test
    void reconnectStepsAreTheVectorsOwn() {
        JsonNode reconnect = vectors.get("reconnect");
        int attempts = reconnect.get("attempts").asInt();
        int checked = 0;
        for (JsonNode c : reconnect.get("cases")) {
            CloseCode code = CloseCode.of(c.get("code").asInt());
            long[] bounds = code.reconnectDelayBounds();
            assertEquals(c.get("delay_bounds").get(0).asLong(), bounds[0], "bounds of " + code);
            assertEquals(c.get("delay_bounds").get(1).asLong(), bounds[1], "bounds of " + code);
            for (JsonNode context : c.get("contexts")) {
                int i = 0;
                for (int attempt = 0; attempt < attempts; attempt++) {
                    for (JsonNode random : reconnect.get("randoms")) {
                        CloseCode.ReconnectStep step = code.reconnectStep(new CloseCode.ReconnectContext(
                                context.get("closed_by_client").asBoolean(), context.get("ever_opened").asBoolean(),
                                attempt, random.asDouble()));
                        String got = step.action() == CloseCode.Action.STOP ? "stop"
                                : step.action().key() + ":" + step.delayMs();
                        assertEquals(context.get("steps").get(i).asText(), got, code + " attempt " + attempt);
                        i++;
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 0);
        System.out.println("checked " + checked + " reconnect steps");
    }
}
