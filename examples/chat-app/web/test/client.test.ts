import assert from "node:assert/strict";
import { test } from "node:test";

import { CloseCode, describe, isSendable, nameOf } from "../src/closeCodes.js";
import { LEAVE_CODE, MAX_DELAY_MS, nextStep, statusLine } from "../src/client.js";

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
  assert.deepEqual(nextStep(CloseCode.SESSION_EXPIRED, 0), { kind: "sign-in" });
});

test("a moderator's removal and an outdated client stay closed", () => {
  assert.deepEqual(nextStep(CloseCode.REMOVED_BY_MODERATOR, 0), { kind: "stay-closed" });
  assert.deepEqual(nextStep(CloseCode.CLIENT_OUTDATED, 3), { kind: "stay-closed" });
  assert.deepEqual(nextStep(CloseCode.NORMAL_CLOSURE, 0), { kind: "stay-closed" });
});

test("temporary conditions reconnect with a growing, capped delay", () => {
  const delays = [0, 1, 2, 10].map((attempts) => {
    const step = nextStep(CloseCode.RATE_LIMITED, attempts, () => 0.999);
    assert.equal(step.kind, "reconnect");
    return step.kind === "reconnect" ? step.delayMs : -1;
  });
  assert.deepEqual(delays, [...delays].sort((a, b) => a - b));
  assert.ok(delays.every((delay) => delay <= MAX_DELAY_MS));
  assert.deepEqual(nextStep(CloseCode.ABNORMAL_CLOSURE, 0, () => 0), { kind: "reconnect", delayMs: 250 });
});

test("the client's own close code is one a browser's close() accepts", () => {
  assert.equal(isSendable(LEAVE_CODE), true);
  assert.equal(LEAVE_CODE, 1000);
});
