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
from ws_close_codes import describe, is_sendable

CODES = range(65536)
ROUNDS = 7


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
    samples: dict[str, list[float]] = {call: [] for _, call, _ in BENCHMARKS}
    gc.disable()
    try:
        for _, _, loop in BENCHMARKS:
            loop()
        for _ in range(ROUNDS):
            for _, call, loop in BENCHMARKS:
                start = time.perf_counter_ns()
                loop()
                samples[call].append((time.perf_counter_ns() - start) / len(CODES))
    finally:
        gc.enable()
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
