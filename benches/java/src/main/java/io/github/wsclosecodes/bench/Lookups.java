package io.github.wsclosecodes.bench;

import io.github.wsclosecodes.CloseCode;
import java.util.concurrent.TimeUnit;
import org.java_websocket.framing.CloseFrame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The generated lookups against Java-WebSocket's close-code check. Every benchmark runs the same
 * loop over all 65,536 codes and returns the sum of its answers (a count, or the lengths of the
 * texts), which JMH consumes, so nothing is optimized away; the time per call is the time of one
 * operation divided by {@link #CODES}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Lookups {
    /** Calls per operation: every u16. */
    public static final int CODES = 65536;

    /** Read from a field, so that the JIT cannot fold the locale into the loop. */
    public CloseCode.Locale ru = CloseCode.Locale.RU;

    /** {@code CloseCode.isSendable(c)} over every code. */
    @Benchmark
    public int oursIsSendable() {
        int total = 0;
        for (int code = 0; code < CODES; code++) {
            if (CloseCode.isSendable(code)) {
                total++;
            }
        }
        return total;
    }

    /** {@code CloseCode.title(c, ru)} over every code. */
    @Benchmark
    public int oursTitle() {
        CloseCode.Locale locale = ru;
        int total = 0;
        for (int code = 0; code < CODES; code++) {
            total += CloseCode.title(code, locale).length();
        }
        return total;
    }

    /** {@code CloseCode.description(c, ru)} over every code. */
    @Benchmark
    public int oursDescription() {
        CloseCode.Locale locale = ru;
        int total = 0;
        for (int code = 0; code < CODES; code++) {
            total += CloseCode.description(code, locale).length();
        }
        return total;
    }

    /**
     * Java-WebSocket 1.6.0's close-code conditions in {@code CloseFrame#isValid} (copied, over its
     * public constants): it exports no check of a number. The method itself checks a whole frame
     * and throws; it also refuses to send 1007 with an empty reason, which is not about the code.
     */
    public static boolean javaWebSocketIsValid(int code) {
        if (code > CloseFrame.TLS_ERROR && code < 3000) {
            return false;
        }
        return !(code == CloseFrame.ABNORMAL_CLOSE || code == CloseFrame.TLS_ERROR || code == CloseFrame.NOCODE
                || code > 4999 || code < 1000 || code == 1004);
    }

    /** Java-WebSocket's conditions, copied, over every code. */
    @Benchmark
    public int javaWebSocketConditions() {
        int total = 0;
        for (int code = 0; code < CODES; code++) {
            if (javaWebSocketIsValid(code)) {
                total++;
            }
        }
        return total;
    }
}
