package io.github.wsclosecodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
                }
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
}
