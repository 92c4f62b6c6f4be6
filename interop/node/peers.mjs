// The library peers: `ws` in this process, and the websockets (Python) and tokio-tungstenite (Rust)
// peers as child processes speaking the small JSON protocol of interop/python/peer.py and
// interop/rust/src/main.rs. Each task and each child has a deadline; every server is stopped.

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import WebSocket, { WebSocketServer } from "ws";

/** How long one task may take, in milliseconds (a peer bounds its own steps to less). */
const TASK_MS = 8000;

/** How long a child may take to start (print its port) or to stop, in milliseconds. */
const CHILD_MS = 20000;

/** Runs a child peer's client over `tasks`; resolves to its results by task id. */
export function childClient(command, args, tasks, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, "client"], { stdio: ["pipe", "pipe", "inherit"], env });
    const results = new Map();
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} client did not finish ${tasks.length} tasks in time`));
    }, CHILD_MS + tasks.length * TASK_MS);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const result = JSON.parse(line);
      results.set(result.id, result);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      if (status === 0) resolve(results);
      else reject(new Error(`${command} client exited with ${status}`));
    });
    child.stdin.end(JSON.stringify(tasks));
  });
}

/** Starts a child peer's server; resolves once it printed its port. */
export function childServer(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, "server"], { stdio: ["pipe", "pipe", "inherit"], env });
    const reports = new Map();
    const exited = new Promise((done) => child.on("close", done));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} server did not start in time`));
    }, CHILD_MS);
    const stop = async () => {
      child.stdin.end();
      const killer = setTimeout(() => child.kill("SIGKILL"), CHILD_MS);
      await exited;
      clearTimeout(killer);
    };
    createInterface({ input: child.stdout }).on("line", (line) => {
      const message = JSON.parse(line);
      if (message.port !== undefined) {
        clearTimeout(timer);
        resolve({ port: message.port, reports, stop });
      } else {
        reports.set(message.path, message);
      }
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** `ws` as a client: runs the same tasks as the child peers, in this process. */
export async function wsClient(tasks) {
  const results = new Map();
  for (const task of tasks) {
    const result = task.do === "close" ? await wsSendClose(task.url, task.code) : await wsListen(task.url);
    results.set(task.id, { ...result, id: task.id });
  }
  return results;
}

/** Connects with `ws` and calls `close(code)`: sent, or refused with the error. */
function wsSendClose(url, code) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    let outcome;
    const timer = setTimeout(() => {
      socket.terminate();
      resolve(outcome ?? { connect_error: "timeout" });
    }, TASK_MS);
    socket.on("error", () => {});
    socket.on("open", () => {
      try {
        socket.close(code);
        outcome = { outcome: "sent" };
      } catch (error) {
        outcome = { outcome: "refused", error: `${error.name}: ${error.message}` };
        socket.close();
      }
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(outcome ?? { connect_error: "closed before open" });
    });
  });
}

/** Connects with `ws` and reports what the application is told when the connection ends. */
function wsListen(url) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    let opened = false;
    let error = null;
    let status = null;
    const timer = setTimeout(() => {
      socket.terminate();
      resolve({ opened, code: null, reason: "", error: "timeout" });
    }, TASK_MS);
    socket.on("open", () => (opened = true));
    socket.on("unexpected-response", (_request, response) => {
      status = response.statusCode;
      socket.terminate();
    });
    socket.on("error", (cause) => (error = cause.code ?? cause.name));
    socket.on("close", (code, reason) => {
      clearTimeout(timer);
      const seen = status === null ? error : `unexpected-response ${status}`;
      resolve({ opened, code, reason: reason.toString("utf8"), error: seen });
    });
  });
}

/** `ws` as a server: `/close/<code>` is answered with `close(code)`, reported by path. */
export async function wsServer() {
  const reports = new Map();
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("connection", (socket, request) => {
    socket.on("error", () => {});
    const path = request.url ?? "";
    const code = Number(path.replace("/close/", ""));
    try {
      socket.close(code);
      reports.set(path, { path, outcome: "sent" });
    } catch (error) {
      reports.set(path, { path, outcome: "refused", error: `${error.name}: ${error.message}` });
      socket.close();
    }
    setTimeout(() => socket.terminate(), TASK_MS).unref();
  });
  await new Promise((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return {
    port: server.address().port,
    reports,
    stop: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
