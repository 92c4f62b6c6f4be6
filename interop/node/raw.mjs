// The raw endpoint of the interop suite: a WebSocket server and client of our own that speak the
// opening handshake and write every frame byte by byte, so that the suite controls exactly what
// is on the wire (malformed Close frames included) and sees exactly what a peer sent.
//
// Everything listens on 127.0.0.1 only, every socket has a deadline, and `close()` stops it all.

import { createHash } from "node:crypto";
import net from "node:net";
import tls from "node:tls";

/** The GUID of RFC 6455 section 1.3, for Sec-WebSocket-Accept. */
const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** How long a raw connection may stay open, in milliseconds. */
export const DEADLINE_MS = 4000;

/** Opcode of a Close frame. */
const CLOSE = 0x8;

/** Sec-WebSocket-Accept for a client key. */
function accept(key) {
  return createHash("sha1").update(key + GUID).digest("base64");
}

/** One frame: FIN, an opcode, a payload and, from a client, a mask. */
export function frame(opcode, payload, masked = false) {
  const length = payload.length;
  const header = [0x80 | opcode];
  const maskBit = masked ? 0x80 : 0;
  // A control frame of 126 bytes or more is itself a protocol error; the extended length is still
  // written as RFC 6455 5.2 says, so the receiver sees a well-formed header with a bad length.
  if (length < 126) header.push(maskBit | length);
  else if (length < 65536) header.push(maskBit | 126, length >> 8, length & 0xff);
  else throw new Error("frames over 65535 bytes are not needed here");
  if (!masked) return Buffer.concat([Buffer.from(header), payload]);
  const key = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
  const body = Buffer.from(payload.map((byte, index) => byte ^ key[index % 4]));
  return Buffer.concat([Buffer.from(header), key, body]);
}

/** A Close frame payload: the code in network byte order, then the reason bytes. */
export function closePayload(code, reason = Buffer.alloc(0)) {
  return Buffer.concat([Buffer.from([code >> 8, code & 0xff]), reason]);
}

/** Reads frames from a buffer; returns the complete ones and the bytes left over. */
export function readFrames(buffer) {
  const frames = [];
  let offset = 0;
  for (let guard = 0; guard < 1000; guard += 1) {
    if (buffer.length - offset < 2) break;
    const opcode = buffer[offset] & 0x0f;
    const masked = (buffer[offset + 1] & 0x80) !== 0;
    let length = buffer[offset + 1] & 0x7f;
    let at = offset + 2;
    if (length === 126) {
      if (buffer.length < at + 2) break;
      length = buffer.readUInt16BE(at);
      at += 2;
    } else if (length === 127) {
      if (buffer.length < at + 8) break;
      length = Number(buffer.readBigUInt64BE(at));
      at += 8;
    }
    const key = masked ? buffer.subarray(at, at + 4) : undefined;
    if (masked) at += 4;
    if (buffer.length < at + length) break;
    const payload = Buffer.from(buffer.subarray(at, at + length));
    if (key) for (let index = 0; index < payload.length; index += 1) payload[index] ^= key[index % 4];
    frames.push({ opcode, payload });
    offset = at + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

/** What a Close frame payload carried, as plain data for the results. */
export function describePayload(payload) {
  if (payload.length === 0) return { code: null, bytes: 0 };
  if (payload.length === 1) return { code: null, bytes: 1 };
  return { code: payload.readUInt16BE(0), bytes: payload.length };
}

/**
 * The raw server. Routes, by the request path:
 * - `/send/<peer>/<code>`: reads the client's frames and records its first Close frame (the
 *   send-side cases), then answers with an empty Close frame and ends the connection;
 * - `/recv/<peer>/<case>`: writes the case's bytes (`frames` gives them), then records the
 *   client's answer: its Close frame, or that it ended the TCP connection without one;
 * - `/abnormal/<peer>/tcp-close`: ends TCP right after the handshake, without a Close frame;
 * - `/abnormal/<peer>/reset`: resets the TCP connection right after the handshake;
 * - `/abnormal/<peer>/403`: answers the upgrade with HTTP 403;
 * - `/idle`: completes the handshake and waits (the page's socket for the 65,536 close() calls).
 * Every observation is kept in `observed`, by path.
 */
export async function rawServer(frames) {
  const observed = new Map();
  const sockets = new Set();
  const record = (path, value) => observed.set(path, value);
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.setTimeout(DEADLINE_MS, () => socket.destroy());
    let buffer = Buffer.alloc(0);
    let path;
    let recorded = false;
    const onData = (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (path === undefined) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString("latin1");
        buffer = buffer.subarray(end + 4);
        path = head.split(" ")[1] ?? "";
        const key = /^sec-websocket-key:\s*(\S+)\s*$/im.exec(head)?.[1];
        if (path.startsWith("/abnormal/") && path.endsWith("/403")) {
          socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
          return;
        }
        if (key === undefined) {
          socket.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
          return;
        }
        socket.write(
          "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            `Sec-WebSocket-Accept: ${accept(key)}\r\n\r\n`,
        );
        if (path.startsWith("/abnormal/") && path.endsWith("/tcp-close")) {
          socket.end();
          return;
        }
        if (path.startsWith("/abnormal/") && path.endsWith("/reset")) {
          socket.resetAndDestroy();
          return;
        }
        if (path.startsWith("/recv/")) {
          const bytes = frames(path.split("/")[3] ?? "");
          if (bytes === undefined) {
            socket.destroy();
            return;
          }
          // One write: a client that fails the connection half-way through a frame written in
          // pieces closes TCP while bytes are still coming, and the reset that follows can take its
          // answering Close frame with it (seen with Chromium), which would make the case flaky.
          socket.write(bytes);
        }
      }
      const { frames: received, rest } = readFrames(buffer);
      buffer = Buffer.from(rest);
      const close = received.find((one) => one.opcode === CLOSE);
      if (close && !recorded) {
        recorded = true;
        record(path, { close: describePayload(close.payload) });
        // Complete the closing handshake (an empty Close frame is always valid), then end TCP.
        if (path.startsWith("/send/")) socket.write(frame(CLOSE, Buffer.alloc(0)));
        socket.end();
      }
    };
    socket.on("data", onData);
    socket.on("end", () => {
      if (!recorded && path !== undefined && !path.startsWith("/abnormal/")) {
        recorded = true;
        record(path, { close: null });
      }
      socket.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    port: server.address().port,
    observed,
    close: () => closeServer(server, sockets),
  };
}

/**
 * A TLS server whose certificate the clients cannot verify (self-signed, made at test time): every
 * handshake fails on the client's side before any WebSocket byte.
 */
export async function tlsServer(key, cert) {
  const sockets = new Set();
  const server = tls.createServer({ key, cert }, (socket) => socket.destroy());
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setTimeout(DEADLINE_MS, () => socket.destroy());
  });
  server.on("tlsClientError", () => {});
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return { port: server.address().port, close: () => closeServer(server, sockets) };
}

/** Stops a server and destroys the sockets it still has. */
function closeServer(server, sockets) {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * The raw client: connects to a library's server at `path`, completes the handshake and records
 * the first Close frame the server sends (the server-side send cases), then answers it with an
 * empty Close frame. Resolves to `{ close }` (null when TCP ended without one) or `{ error }`.
 */
export function rawClient(port, path) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      resolve(result);
      socket.end();
    };
    socket.setTimeout(DEADLINE_MS, () => {
      done({ error: "timeout" });
      socket.destroy();
    });
    socket.on("error", (error) => done({ error: error.code ?? String(error) }));
    socket.on("connect", () => {
      const key = Buffer.from("interop-raw-key!").toString("base64");
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const status = buffer.subarray(0, end).toString("latin1").split(" ")[1];
        if (status !== "101") return done({ error: `HTTP ${status}` });
        upgraded = true;
        buffer = buffer.subarray(end + 4);
      }
      const { frames, rest } = readFrames(buffer);
      buffer = Buffer.from(rest);
      const close = frames.find((one) => one.opcode === CLOSE);
      if (close) {
        socket.write(frame(CLOSE, Buffer.alloc(0), true));
        done({ close: describePayload(close.payload) });
      }
    });
    socket.on("end", () => done({ close: null }));
  });
}
