"""The generated Python package, as installed, against the close-code check of `websockets`.

Run by `cargo xtask bench` in target/bench-venv. Every function is timed with the same loop over
all 65,536 codes; after a warm-up pass, each round times every loop once, with the garbage
collector off (as `timeit` does). Each result is the median over the rounds, in ns per call,
printed as a `BENCH {json}` line.
"""

import gc
import json
import platform
import statistics
import time
from importlib.metadata import version

import websockets.frames
import ws_close_codes
from websockets.exceptions import ProtocolError
from websockets.frames import EXTERNAL_CLOSE_CODES, Close
from ws_close_codes import (
    CloseFrameError,
    describe,
    encode_close_payload,
    is_sendable,
    parse_close_payload,
)

CODES = range(65536)
ROUNDS = 7

# Close frame payloads received: valid ones (empty, short and long reasons, UTF-8 of several
# widths) and invalid ones (one byte, a code that may not be sent, a code outside every range, a
# reason that is not UTF-8). The same mix as the Rust and TypeScript benchmarks.
PAYLOADS = [
    b"",
    (1000).to_bytes(2, "big"),
    (1001).to_bytes(2, "big") + b"going away",
    (4001).to_bytes(2, "big") + "сессия истекла".encode(),
    (3000).to_bytes(2, "big") + "未授权".encode(),
    (1011).to_bytes(2, "big") + b"x" * 123,
    b"\x03",
    (1005).to_bytes(2, "big"),
    (999).to_bytes(2, "big") + b"reserved",
    (1000).to_bytes(2, "big") + b"\xff\xfe",
]

# Codes and reasons to send: valid ones and invalid ones (a code that may not be sent, a reason
# longer than 123 bytes, which websockets does not check).
MESSAGES = [
    (1000, ""),
    (1001, "going away"),
    (4001, "сессия истекла"),
    (3000, "未授权"),
    (1011, "x" * 123),
    (1006, ""),
    (1000, "x" * 124),
]
# Each codec loop makes this many passes over its inputs, so one sample lasts long enough.
CODEC_PASSES = 2000


def ours_is_sendable() -> int:
    total = 0
    for code in CODES:
        if is_sendable(code):
            total += 1
    return total


def ours_describe() -> int:
    total = 0
    for code in CODES:
        total += len(describe(code))
    return total


def ours_describe_ru() -> int:
    total = 0
    for code in CODES:
        total += len(describe(code, "ru"))
    return total


def websockets_close_check() -> int:
    # The check raises for an invalid code; caught in the loop, as a caller would.
    total = 0
    for code in CODES:
        try:
            Close(code, "").check()
        except ProtocolError:
            continue
        total += 1
    return total


def websockets_code_sets() -> int:
    # What Close.check evaluates, without the Close object and the exception.
    total = 0
    for code in CODES:
        if code in EXTERNAL_CLOSE_CODES or 3000 <= code < 5000:
            total += 1
    return total


def ours_parse() -> int:
    total = 0
    for _ in range(CODEC_PASSES):
        for payload in PAYLOADS:
            try:
                total += len(parse_close_payload(payload).reason)
            except CloseFrameError:
                continue
    return total


def websockets_parse() -> int:
    # Close.parse raises ProtocolError, or UnicodeDecodeError for a reason that is not UTF-8.
    total = 0
    for _ in range(CODEC_PASSES):
        for payload in PAYLOADS:
            try:
                total += len(Close.parse(payload).reason)
            except (ProtocolError, UnicodeDecodeError):
                continue
    return total


def ours_encode() -> int:
    total = 0
    for _ in range(CODEC_PASSES):
        for code, reason in MESSAGES:
            try:
                total += len(encode_close_payload(code, reason))
            except CloseFrameError:
                continue
    return total


def websockets_encode() -> int:
    total = 0
    for _ in range(CODEC_PASSES):
        for code, reason in MESSAGES:
            try:
                total += len(Close(code, reason).serialize())
            except ProtocolError:
                continue
    return total


CODECS = [
    ("ours", "parse", "parse_close_payload(payload)", len(PAYLOADS), ours_parse),
    ("peer", "parse", "Close.parse(payload)", len(PAYLOADS), websockets_parse),
    ("ours", "encode", "encode_close_payload(code, reason)", len(MESSAGES), ours_encode),
    ("peer", "encode", "Close(code, reason).serialize()", len(MESSAGES), websockets_encode),
]


BENCHMARKS = [
    ("ours", "is_sendable(c)", ours_is_sendable),
    ("ours", "describe(c)", ours_describe),
    ("ours", 'describe(c, "ru")', ours_describe_ru),
    ("peer", 'Close(c, "").check()', websockets_close_check),
    ("peer-inner", "c in EXTERNAL_CLOSE_CODES or 3000 <= c < 5000", websockets_code_sets),
]


def main() -> None:
    # The answers must agree, or the comparison would be of different things.
    sendable = ours_is_sendable()
    if not sendable == websockets_close_check() == websockets_code_sets():
        raise SystemExit("ws_close_codes and websockets disagree on which codes may be sent")
    # Both must accept and refuse the same payloads, or the comparison would be of different things.
    for payload in PAYLOADS:
        ours = websockets_ok = True
        try:
            parse_close_payload(payload)
        except CloseFrameError:
            ours = False
        try:
            Close.parse(payload)
        except (ProtocolError, UnicodeDecodeError):
            websockets_ok = False
        if ours != websockets_ok:
            raise SystemExit(f"ws_close_codes and websockets disagree on {payload!r}")
    samples: dict[str, list[float]] = {call: [] for _, call, _ in BENCHMARKS}
    codec_samples: dict[str, list[float]] = {call: [] for _, _, call, _, _ in CODECS}
    gc.disable()
    try:
        for _, _, loop in BENCHMARKS:
            loop()
        for *_, loop in CODECS:
            loop()
        for _ in range(ROUNDS):
            for _, call, loop in BENCHMARKS:
                start = time.perf_counter_ns()
                loop()
                samples[call].append((time.perf_counter_ns() - start) / len(CODES))
            for _, _, call, inputs, loop in CODECS:
                start = time.perf_counter_ns()
                loop()
                codec_samples[call].append((time.perf_counter_ns() - start) / (inputs * CODEC_PASSES))
    finally:
        gc.enable()
    for role, operation, call, inputs, _ in CODECS:
        ns_per_call = statistics.median(codec_samples[call])
        print(f"python {call:<60} {ns_per_call:9.2f} ns/call")
        result = {
            "suite": "codec",
            "language": "python",
            "role": role,
            "operation": operation,
            "call": call,
            "inputs": inputs,
            "ns_per_call": ns_per_call,
        }
        print("BENCH " + json.dumps(result))
    for role, call, _ in BENCHMARKS:
        ns_per_call = statistics.median(samples[call])
        print(f"python {call:<60} {ns_per_call:9.2f} ns/call")
        result = {
            "suite": "lookup",
            "language": "python",
            "role": role,
            "call": call,
            "ns_per_call": ns_per_call,
            "rounds": ROUNDS,
        }
        print("BENCH " + json.dumps(result))
    runtime = f"{platform.python_implementation()} {platform.python_version()}"
    peer = {"suite": "peer", "language": "python", "peer": "websockets", "version": version("websockets")}
    print("BENCH " + json.dumps({**peer, "runtime": runtime}))
    print(f"measured {ws_close_codes.__file__} and {websockets.frames.__file__}")


if __name__ == "__main__":
    main()
