package io.github.wsclosecodes.bench;

import io.github.wsclosecodes.CloseCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Close frame payloads, read and written, by the generated package and by Java-WebSocket, on the
 * same mix of valid and invalid inputs as the other languages' benchmarks. One operation is one
 * pass over the mix; the time per call is its time divided by the number of inputs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CloseFrames {
    private static byte[] payload(int code, byte[] reason) {
        byte[] out = new byte[2 + reason.length];
        out[0] = (byte) (code >> 8);
        out[1] = (byte) code;
        System.arraycopy(reason, 0, out, 2, reason.length);
        return out;
    }

    private static byte[] payload(int code, String reason) {
        return payload(code, reason.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Payloads received: valid ones (empty, short and long reasons, UTF-8 of several widths) and
     * invalid ones (one byte, a code that may not be sent, a code outside every range, a reason
     * that is not UTF-8).
     */
    static final byte[][] PAYLOADS = {
        new byte[0],
        payload(1000, ""),
        payload(1001, "going away"),
        payload(4001, "сессия истекла"),
        payload(3000, "未授权"),
        payload(1011, "x".repeat(123)),
        new byte[] {0x03},
        payload(1005, ""),
        payload(999, "reserved"),
        payload(1000, new byte[] {(byte) 0xff, (byte) 0xfe}),
    };

    /** Codes to send, with the reasons of {@link #REASONS}. */
    static final int[] CODES = {1000, 1001, 4001, 3000, 1011, 1006, 1000};

    /**
     * Reasons to send: valid ones and invalid ones (with a code that may not be sent, and a
     * reason of 124 bytes, which Java-WebSocket does not check).
     */
    static final String[] REASONS = {"", "going away", "сессия истекла", "未授权", "x".repeat(123), "", "x".repeat(124)};

    /** Ours: a {@code Frame}, or null for a refused payload. */
    static CloseCode.Frame oursParse(byte[] payload) {
        try {
            return CloseCode.Frame.parse(payload);
        } catch (CloseCode.FrameException refused) {
            return null;
        }
    }

    /**
     * Java-WebSocket 1.6.0 reading a received Close frame: {@code CloseFrame#setPayload}, then
     * {@code isValid()}, as its {@code Draft_6455} does; null for a refused payload. It takes a
     * one-byte payload as code 1002 (protocol error), which fails the connection, so that counts
     * as refused; for a reason that is not UTF-8 it sets a null reason, on which {@code isValid}
     * throws a {@code NullPointerException}, which fails the connection too.
     */
    static CloseFrame javaWebSocketParse(byte[] payload) {
        CloseFrame frame = new CloseFrame();
        frame.setPayload(ByteBuffer.wrap(payload));
        try {
            frame.isValid();
        } catch (InvalidDataException | NullPointerException refused) {
            return null;
        }
        if (payload.length == 1) {
            return null;
        }
        return frame;
    }

    /** Ours: the payload, or null for a refused code or reason. */
    static byte[] oursEncode(int code, String reason) {
        try {
            return CloseCode.Frame.of(CloseCode.of(code), reason).encode();
        } catch (CloseCode.FrameException refused) {
            return null;
        }
    }

    /**
     * Java-WebSocket 1.6.0 writing a Close frame: a {@code CloseFrame} with the code and the
     * reason, {@code isValid()}, then its payload; null for a refused code.
     */
    static ByteBuffer javaWebSocketEncode(int code, String reason) {
        CloseFrame frame = new CloseFrame();
        frame.setCode(code);
        frame.setReason(reason);
        try {
            frame.isValid();
        } catch (InvalidDataException refused) {
            return null;
        }
        return frame.getPayloadData();
    }

    /** Ours, over the payloads. */
    @Benchmark
    public int oursParse() {
        int total = 0;
        for (byte[] payload : PAYLOADS) {
            CloseCode.Frame frame = oursParse(payload);
            if (frame != null) {
                total += frame.reason().length();
            }
        }
        return total;
    }

    /** Java-WebSocket, over the payloads. */
    @Benchmark
    public int javaWebSocketParse() {
        int total = 0;
        for (byte[] payload : PAYLOADS) {
            CloseFrame frame = javaWebSocketParse(payload);
            if (frame != null) {
                total += frame.getMessage().length();
            }
        }
        return total;
    }

    /** Ours, over the messages. */
    @Benchmark
    public int oursEncode() {
        int total = 0;
        for (int i = 0; i < CODES.length; i++) {
            byte[] payload = oursEncode(CODES[i], REASONS[i]);
            if (payload != null) {
                total += payload.length;
            }
        }
        return total;
    }

    /** Java-WebSocket, over the messages. */
    @Benchmark
    public int javaWebSocketEncode() {
        int total = 0;
        for (int i = 0; i < CODES.length; i++) {
            ByteBuffer payload = javaWebSocketEncode(CODES[i], REASONS[i]);
            if (payload != null) {
                total += payload.remaining();
            }
        }
        return total;
    }
}
