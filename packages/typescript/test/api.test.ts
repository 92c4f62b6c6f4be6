// Focused behaviour of the generated module, one behaviour per test.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  aliasesOf,
  CloseCode,
  describe,
  describeCloseEvent,
  FALLBACK_LOCALE,
  ianaNameOf,
  isKnown,
  isSendable,
  LOCALES,
  nameOf,
  negotiate,
  RANGES,
  RECONNECT_HINTS,
  reconnectDescription,
  reconnectOf,
  reconnectStep,
  reconnectTitle,
  rangeOf,
  referenceOf,
  SENDERS,
  senderDescription,
  senderOf,
  senderTitle,
  titleOf,
} from "ws-close-codes";

/** The codes RFC 6455 and IANA allow in a Close frame. */
function sendableByTheRfc(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

test("isSendable is true exactly for 1000-1003, 1007-1014 and 3000-4999", () => {
  for (let code = 0; code <= 65535; code += 1) {
    assert.equal(isSendable(code), sendableByTheRfc(code), `code ${code}`);
  }
});

test("codes that are only reported locally have a name but may not be sent", () => {
  for (const code of [CloseCode.NO_STATUS_RECEIVED, CloseCode.ABNORMAL_CLOSURE, CloseCode.TLS_HANDSHAKE]) {
    assert.equal(isKnown(code), true);
    assert.equal(isSendable(code), false);
    assert.equal(senderOf(code), "local");
  }
});

test("numbers that are not integers in 0-65535 answer like a number outside every range", () => {
  const outside = 65535;
  assert.equal(rangeOf(outside), undefined);
  for (const code of [Number.NaN, 1.5, 1000.5, -1, -1000, 65536, 70000, Infinity, -Infinity]) {
    assert.equal(isSendable(code), false, `isSendable(${code})`);
    assert.equal(isKnown(code), false, `isKnown(${code})`);
    assert.equal(nameOf(code), undefined, `nameOf(${code})`);
    assert.equal(rangeOf(code), undefined, `rangeOf(${code})`);
    assert.equal(reconnectOf(code), reconnectOf(outside), `reconnectOf(${code})`);
    for (const locale of LOCALES) {
      assert.equal(titleOf(code, locale), titleOf(outside, locale), `titleOf(${code}, ${locale})`);
      assert.equal(describe(code, locale), describe(outside, locale), `describe(${code}, ${locale})`);
    }
  }
});

test("aliases have the value of their canonical name", () => {
  assert.equal(CloseCode.CLOSE_NORMAL, CloseCode.NORMAL_CLOSURE);
  assert.equal(CloseCode.NO_STATUS_RCVD, CloseCode.NO_STATUS_RECEIVED);
  for (const [key, code] of Object.entries(CloseCode)) {
    const name = nameOf(code);
    assert.ok(name !== undefined, `${key} is registered`);
    assert.ok(key === name || aliasesOf(code).includes(key), `${key} is the name or an alias of ${code}`);
    assert.equal(CloseCode[name as keyof typeof CloseCode], code);
  }
});

test("the CloseCode type holds exactly the registered numbers", () => {
  const registered: CloseCode = CloseCode.BAD_GATEWAY;
  // @ts-expect-error 4000 is a valid close code, but not a registered one.
  const unregistered: CloseCode = 4000;
  assert.equal(isKnown(registered), true);
  assert.equal(isKnown(unregistered), false);
});

test("isKnown narrows a number to CloseCode", () => {
  const received: number = 1014;
  if (!isKnown(received)) assert.fail("1014 is registered");
  const narrowed: CloseCode = received;
  assert.equal(narrowed, CloseCode.BAD_GATEWAY);
});

test("registered codes have their IANA names", () => {
  assert.equal(ianaNameOf(1014), "Bad Gateway");
  assert.equal(ianaNameOf(1007), "Invalid frame payload data");
  assert.equal(nameOf(1007), "INVALID_FRAME_PAYLOAD_DATA");
  assert.equal(ianaNameOf(4001), undefined);
});

test("unregistered codes get their range's texts", () => {
  const privateUse = rangeOf(4001);
  assert.equal(privateUse?.id, "private");
  for (const locale of LOCALES) {
    assert.equal(titleOf(4001, locale), privateUse?.title[locale]);
    assert.equal(describe(4001, locale), privateUse?.description[locale]);
  }
});

test("ranges are sorted and disjoint", () => {
  for (let index = 1; index < RANGES.length; index += 1) {
    const previous = RANGES[index - 1];
    const range = RANGES[index];
    assert.ok(previous !== undefined && range !== undefined && previous.end < range.start);
  }
});

test("a locale tag is negotiated, so zh-CN gets the Simplified Chinese text", () => {
  assert.equal(negotiate("zh-CN"), "zh-Hans");
  assert.equal(describe(1014, "zh-CN"), describe(1014, "zh-Hans"));
  assert.notEqual(describe(1014, "zh-CN"), describe(1014, "en"));
  assert.equal(titleOf(1000, "ru_RU"), titleOf(1000, "ru"));
});

test("an omitted or unknown locale means the fallback", () => {
  assert.equal(negotiate("de-DE"), FALLBACK_LOCALE);
  assert.equal(negotiate("zh-TW"), FALLBACK_LOCALE);
  for (const code of [0, 1000, 1006, 3008, 4001, 65535]) {
    assert.equal(describe(code), describe(code, FALLBACK_LOCALE));
    assert.equal(titleOf(code), titleOf(code, "de-DE"));
  }
});

test("every text is present in every locale", () => {
  for (let code = 0; code <= 65535; code += 1) {
    for (const locale of LOCALES) {
      assert.ok(titleOf(code, locale).length > 0 && describe(code, locale).length > 0, `${code} in ${locale}`);
    }
  }
  for (const locale of LOCALES) {
    for (const hint of RECONNECT_HINTS) {
      assert.ok(reconnectTitle(hint, locale).length > 0 && reconnectDescription(hint, locale).length > 0);
    }
    for (const sender of SENDERS) {
      assert.ok(senderTitle(sender, locale).length > 0 && senderDescription(sender, locale).length > 0);
    }
  }
});

test("reconnect hints follow the registry", () => {
  assert.equal(reconnectOf(CloseCode.NORMAL_CLOSURE), "never");
  assert.equal(reconnectOf(CloseCode.TRY_AGAIN_LATER), "backoff");
  assert.equal(reconnectOf(CloseCode.UNAUTHORIZED), "reauthenticate");
  assert.equal(reconnectOf(4001), "unspecified");
});

test("describeCloseEvent describes a browser CloseEvent", () => {
  const close = describeCloseEvent({ code: 1006, reason: "", wasClean: false }, "ru-RU", { random: 0.5 });
  assert.deepEqual(close, {
    code: 1006,
    name: "ABNORMAL_CLOSURE",
    title: titleOf(1006, "ru"),
    description: describe(1006, "ru"),
    reason: "",
    wasClean: false,
    reconnect: "backoff",
    locale: "ru",
    closedByClient: false,
    everOpened: true,
    step: reconnectStep(1006, { closedByClient: false, everOpened: true, attempt: 0, random: 0.5 }),
  });
});

test("describeCloseEvent takes the reconnect context", () => {
  // The page closed its own socket and the server echoed a Close frame without a code.
  const own = describeCloseEvent({ code: 1005, reason: "", wasClean: true }, "en", { closedByClient: true });
  assert.equal(own.closedByClient, true);
  assert.deepEqual(own.step, { action: "stop", delayMs: 0 });
  // A handshake that failed five times in a row (a browser's 1006 before `open`): stop.
  const refused = describeCloseEvent({ code: 1006, reason: "", wasClean: false }, "en", {
    everOpened: false,
    attempt: 5,
  });
  assert.equal(refused.everOpened, false);
  assert.equal(refused.step.action, "stop");
  const restart = describeCloseEvent({ code: 1012, reason: "", wasClean: true }, "en", { attempt: 2, random: 0 });
  assert.deepEqual(restart.step, { action: "retry", delayMs: 5000 });
});

test("describeCloseEvent keeps the peer's reason and handles unregistered codes", () => {
  const close = describeCloseEvent({ code: 4001, reason: "room \"a\" closed", wasClean: true });
  assert.equal(close.name, undefined);
  assert.equal(close.reason, "room \"a\" closed");
  assert.equal(close.wasClean, true);
  assert.equal(close.locale, FALLBACK_LOCALE);
  assert.equal(close.title, titleOf(4001));
  assert.equal(close.reconnect, "unspecified");
});

test("the reference is written in each locale", () => {
  assert.equal(referenceOf(1002), "RFC 6455, section 7.4.1");
  assert.equal(referenceOf(1002, "zh-CN"), "RFC 6455 第 7.4.1 节");
  assert.equal(referenceOf(1002, "ru"), "RFC 6455, раздел 7.4.1");
  assert.equal(referenceOf(4001, "ru"), undefined);
});

test("the ranges are those of RFC 6455 and IANA", () => {
  assert.deepEqual(
    RANGES.map((range) => [range.id, range.start, range.end]),
    [
      ["unused", 0, 999],
      ["protocol", 1000, 1015],
      ["protocol-reserved", 1016, 2999],
      ["registered", 3000, 3999],
      ["private", 4000, 4999],
    ],
  );
  for (const code of [5000, 5001, 65535]) {
    assert.equal(rangeOf(code), undefined, `rangeOf(${code})`);
  }
});
