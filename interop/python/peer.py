"""The Python `websockets` peer of the interop suite, driven by `interop/node/suite.mjs`.

- `peer.py client`: reads a JSON array of tasks on standard input, runs them one after the other
  and prints one JSON line per task. `{"id", "do": "close", "url", "code"}` connects and calls
  `close(code)`, reporting whether the library sent it or refused; `{"id", "do": "listen", "url"}`
  connects and reports what the application is told when the connection ends.
- `peer.py server`: listens on 127.0.0.1 (a free port, printed as `{"port": N}`); a connection to
  `/close/<code>` is answered with `close(code)`, reported the same way. It stops when standard
  input ends (the suite closes it) or after a minute at most.

Every connection, read and close is bounded in time, so the peer always ends by itself.
"""

from __future__ import annotations

import asyncio
import json
import os
import ssl
import sys
from typing import Any

import websockets
import ws_close_codes
from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed, InvalidStatus

STEP = 3.0
"""How long one connection attempt, one read or one close may take, in seconds."""

SERVER_LIFETIME = 60.0
"""The longest a server may run if the suite never closes its standard input."""

MAX_ATTEMPTS = 100
"""How many reconnect attempts the policy check follows at most (as interop/node/ours.mjs)."""


def policy(code: int, ever_opened: bool) -> str:
    """Our reconnect policy (the Python package's ``reconnect_step``) for a client that keeps
    seeing the same close, with the largest jitter: the same summary as ``followPolicy`` in
    interop/node/ours.mjs, which the suite compares it with."""
    last = 0
    for attempt in range(MAX_ATTEMPTS):
        context = ws_close_codes.ReconnectContext(
            closed_by_client=False, ever_opened=ever_opened, attempt=attempt, random=0.999
        )
        step = ws_close_codes.reconnect_step(code, context)
        if step.action != ws_close_codes.ReconnectAction.RETRY:
            return f"{step.action.value} at attempt {attempt}"
        last = step.delay_ms
    return f"retry, backoff up to {last} ms"


def describe_error(error: BaseException) -> str:
    """A short, stable description of an error: its type and, for HTTP, the status."""
    if isinstance(error, InvalidStatus):
        return f"InvalidStatus({error.response.status_code})"
    if isinstance(error, ssl.SSLCertVerificationError):
        return "SSLCertVerificationError"
    return type(error).__name__


async def send_close(url: str, code: int) -> dict[str, Any]:
    """`close(code)` on a fresh connection: did the library send it?"""
    try:
        async with asyncio.timeout(STEP * 2):
            async with connect(url, open_timeout=STEP, close_timeout=STEP) as ws:
                try:
                    await ws.close(code)
                except Exception as error:  # noqa: BLE001 - any refusal is the result
                    return {"outcome": "refused", "error": f"{describe_error(error)}: {error}"}
                return {"outcome": "sent"}
    except Exception as error:  # noqa: BLE001 - reported, not raised
        return {"connect_error": describe_error(error)}


async def listen(url: str) -> dict[str, Any]:
    """Connects and reports what the application sees when the connection ends."""
    try:
        async with asyncio.timeout(STEP):
            ws = await connect(url, open_timeout=STEP, close_timeout=STEP)
    except Exception as error:  # noqa: BLE001 - reported, not raised
        return {"opened": False, "error": describe_error(error), "policy": policy(1006, False)}
    error_name = None
    try:
        async with asyncio.timeout(STEP * 2):
            async for _ in ws:
                pass
            await ws.wait_closed()
    except ConnectionClosed as error:
        error_name = type(error).__name__
    except TimeoutError:
        error_name = "timeout"
    rcvd = ws.protocol.close_rcvd
    sent = ws.protocol.close_sent
    return {
        "opened": True,
        "close_code": ws.close_code,
        "close_reason": ws.close_reason,
        "rcvd": None if rcvd is None else {"code": rcvd.code, "reason": rcvd.reason},
        "sent": None if sent is None else {"code": sent.code},
        "error": error_name,
        # What the application can hand the policy: the code it was told (1006 when none came).
        "policy": policy(ws.close_code if ws.close_code is not None else 1006, True),
    }


async def client() -> None:
    """Runs every task read from standard input."""
    tasks = json.loads(sys.stdin.read())
    for task in tasks:
        if task["do"] == "close":
            result = await send_close(task["url"], task["code"])
        elif task["do"] == "listen":
            result = await listen(task["url"])
        else:
            result = {"error": f"unknown task {task['do']!r}"}
        result["id"] = task["id"]
        print(json.dumps(result), flush=True)


async def handler(ws: ServerConnection) -> None:
    """Answers `/close/<code>` with `close(code)` and reports the outcome."""
    path = ws.request.path if ws.request is not None else ""
    if not path.startswith("/close/"):
        return
    code = int(path.removeprefix("/close/"))
    try:
        async with asyncio.timeout(STEP):
            await ws.close(code)
        result: dict[str, Any] = {"path": path, "outcome": "sent"}
    except Exception as error:  # noqa: BLE001 - any refusal is the result
        result = {"path": path, "outcome": "refused", "error": f"{describe_error(error)}: {error}"}
    print(json.dumps(result), flush=True)


async def server() -> None:
    """Serves until standard input ends or the lifetime is over."""
    async with serve(handler, "127.0.0.1", 0, close_timeout=STEP) as running:
        port = next(iter(running.sockets)).getsockname()[1]
        print(json.dumps({"port": port}), flush=True)
        stdin_closed = asyncio.create_task(asyncio.to_thread(sys.stdin.read))
        done, _ = await asyncio.wait({stdin_closed}, timeout=SERVER_LIFETIME)
    if not done:
        # The thread still blocked on standard input would keep the process alive.
        print("websockets peer: server stopped after its lifetime", file=sys.stderr)
        os._exit(0)


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "client":
        asyncio.run(client())
    elif mode == "server":
        asyncio.run(server())
    elif mode == "version":
        print(json.dumps({"websockets": websockets.__version__}))
    else:
        print("usage: peer.py client|server|version", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
