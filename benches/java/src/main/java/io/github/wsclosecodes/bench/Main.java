package io.github.wsclosecodes.bench;

import io.github.wsclosecodes.CloseCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.java_websocket.framing.CloseFrame;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark with JMH (one fork, warm-up iterations, then measured ones) after checking
 * that ours and Java-WebSocket agree on what they compare, and prints each result as a
 * {@code BENCH {json}} line: the median over the measured iterations, in ns per call.
 */
public final class Main {
    private Main() {}

    /** How each benchmark method is shown: its role, the operation (codecs) and the call. */
    private static final Map<String, String[]> SHOWN = Map.of(
            "oursIsSendable", new String[] {"lookup", "ours", "", "CloseCode.isSendable(c)"},
            "oursTitle", new String[] {"lookup", "ours", "", "CloseCode.title(c, Locale.RU)"},
            "oursDescription", new String[] {"lookup", "ours", "", "CloseCode.description(c, Locale.RU)"},
            "javaWebSocketConditions",
            new String[] {"lookup", "peer", "", "CloseFrame#isValid's code conditions (copied)"},
            "oursParse", new String[] {"codec", "ours", "parse", "CloseCode.Frame.parse(payload)"},
            "javaWebSocketParse", new String[] {"codec", "peer", "parse", "new CloseFrame() + setPayload + isValid()"},
            "oursEncode", new String[] {"codec", "ours", "encode", "CloseCode.Frame.of(code, reason).encode()"},
            "javaWebSocketEncode",
            new String[] {"codec", "peer", "encode", "new CloseFrame() + setCode + setReason + isValid() + getPayloadData()"});

    public static void main(String[] args) throws RunnerException {
        agree();
        Options options = new OptionsBuilder()
                .include(Lookups.class.getName())
                .include(CloseFrames.class.getName())
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(15)
                .measurementTime(TimeValue.milliseconds(300))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String[] shown = SHOWN.get(method);
            if (shown == null) {
                throw new IllegalStateException("no row for benchmark " + method);
            }
            boolean lookup = shown[0].equals("lookup");
            int calls = lookup ? Lookups.CODES : (shown[2].equals("parse")
                    ? CloseFrames.PAYLOADS.length : CloseFrames.CODES.length);
            double nsPerCall = median(result) / calls;
            StringBuilder json = new StringBuilder("{\"suite\": \"").append(shown[0]).append("\", \"language\": \"java\"");
            json.append(", \"role\": \"").append(shown[1]).append('"');
            if (!lookup) {
                json.append(", \"operation\": \"").append(shown[2]).append("\", \"inputs\": ").append(calls);
            }
            json.append(", \"call\": \"").append(shown[3]).append("\", \"ns_per_call\": ").append(nsPerCall).append('}');
            System.out.println("BENCH " + json);
        }
        String runtime = "Java " + System.getProperty("java.version");
        String version = CloseFrame.class.getPackage().getImplementationVersion();
        System.out.println("BENCH {\"suite\": \"peer\", \"language\": \"java\", \"peer\": \"Java-WebSocket\", \"version\": \""
                + (version != null ? version : "1.6.0") + "\", \"runtime\": \"" + runtime + "\"}");
    }

    /** The median of the measured iterations' scores (ns per operation). */
    private static double median(RunResult result) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Ours and Java-WebSocket must accept the same codes and payloads, or the comparison would be of different things. */
    private static void agree() {
        for (int code = 0; code < Lookups.CODES; code++) {
            boolean ours = CloseCode.isSendable(code);
            if (ours != Lookups.javaWebSocketIsValid(code)) {
                fail("ws-close-codes and Java-WebSocket disagree on " + code);
            }
        }
        for (byte[] payload : CloseFrames.PAYLOADS) {
            if ((CloseFrames.oursParse(payload) == null) != (CloseFrames.javaWebSocketParse(payload) == null)) {
                fail("ws-close-codes and Java-WebSocket disagree on " + Arrays.toString(payload));
            }
        }
        // Both write the same bytes for what both accept; only ours refuses a reason over 123 bytes.
        for (int i = 0; i < CloseFrames.CODES.length; i++) {
            byte[] ours = CloseFrames.oursEncode(CloseFrames.CODES[i], CloseFrames.REASONS[i]);
            ByteBuffer theirs = CloseFrames.javaWebSocketEncode(CloseFrames.CODES[i], CloseFrames.REASONS[i]);
            boolean tooLong = CloseFrames.REASONS[i].getBytes(StandardCharsets.UTF_8).length > CloseCode.MAX_REASON_BYTES;
            boolean agree = ours == null
                    ? theirs == null || tooLong
                    : theirs != null && ByteBuffer.wrap(ours).equals(theirs);
            if (!agree) {
                fail("ws-close-codes and Java-WebSocket disagree on sending " + CloseFrames.CODES[i] + " "
                        + CloseFrames.REASONS[i]);
            }
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
