import assert from "node:assert/strict";
import { test } from "node:test";

import { CloseCode, describe, encodeClosePayload, isBrowserClosable, isSendable, nameOf } from "../src/closeCodes.js";
import { LEAVE_CODE, leaveReason, nextStep, statusLine } from "../src/client.js";

const opened = { leftOnPurpose: false, everOpened: true, failedAttempts: 0 };

test("the service's own codes sit beside the standard ones", () => {
  assert.equal(CloseCode.SESSION_EXPIRED, 4001);
  assert.equal(CloseCode.ROOM_FULL, 4002);
  assert.equal(CloseCode.BAD_GATEWAY, 1014);
  assert.equal(nameOf(4005), "CLIENT_OUTDATED");
  assert.equal(CloseCode.KICKED, CloseCode.REMOVED_BY_MODERATOR);
});

test("descriptions come in the application's locales", () => {
  assert.equal(
    describe(4001, "ru"),
    "Пока соединение было открыто, истёк срок действия токена сеанса пользователя. Клиенту следует обновить токен или попросить пользователя войти снова, а затем переподключиться.",
  );
  assert.equal(describe(1000, "ru").startsWith("Соединение"), true);
  assert.equal(statusLine({ code: 4002, reason: "", wasClean: true }, "zh-CN"), "聊天室已满 (4002)");
});

test("an expired session asks the user to sign in", () => {
  assert.equal(nextStep(CloseCode.SESSION_EXPIRED, opened).action, "reauthenticate");
});

test("a moderator's removal, an outdated client and the user's own leaving stay closed", () => {
  assert.deepEqual(nextStep(CloseCode.REMOVED_BY_MODERATOR, opened), { action: "stop", delayMs: 0 });
  assert.deepEqual(nextStep(CloseCode.CLIENT_OUTDATED, { ...opened, failedAttempts: 3 }).action, "stop");
  assert.deepEqual(nextStep(CloseCode.NORMAL_CLOSURE, opened).action, "stop");
  // The server echoes the client's own Close frame without a code: 1005, whose hint is backoff.
  assert.deepEqual(nextStep(CloseCode.NO_STATUS_RECEIVED, { ...opened, leftOnPurpose: true }).action, "stop");
});

test("temporary conditions reconnect with a growing, capped delay", () => {
  const delays = [0, 1, 2, 10].map((failedAttempts) => {
    const step = nextStep(CloseCode.RATE_LIMITED, { ...opened, failedAttempts }, () => 0.999);
    assert.equal(step.action, "retry");
    return step.delayMs;
  });
  assert.deepEqual(delays, [...delays].sort((a, b) => a - b));
  assert.ok(delays.every((delay) => delay <= 30_000));
  assert.deepEqual(nextStep(CloseCode.ABNORMAL_CLOSURE, opened, () => 0), { action: "retry", delayMs: 500 });
});

test("a full room waits at least ten seconds", () => {
  assert.deepEqual(nextStep(CloseCode.ROOM_FULL, opened, () => 0), { action: "retry", delayMs: 10_000 });
});

test("a server that refuses the handshake is tried a few times, then given up", () => {
  const refused = (failedAttempts: number) =>
    nextStep(CloseCode.ABNORMAL_CLOSURE, { leftOnPurpose: false, everOpened: false, failedAttempts }).action;
  assert.deepEqual([0, 4, 5].map(refused), ["retry", "retry", "stop"]);
});

test("the reason the client sends fits in a Close frame", () => {
  const reason = leaveReason("пока ".repeat(40));
  assert.ok(encodeClosePayload(LEAVE_CODE, reason).length <= 125);
  assert.ok("пока ".repeat(40).startsWith(reason));
});

test("the client's own close code is one a browser's close() accepts", () => {
  assert.equal(isSendable(LEAVE_CODE), true);
  assert.equal(isBrowserClosable(LEAVE_CODE), true);
  assert.equal(LEAVE_CODE, 1000);
});
