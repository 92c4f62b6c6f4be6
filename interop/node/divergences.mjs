// Known divergences of the receive side: where a peer does not do what our parser says, by its own
// reading of RFC 6455 or a list older than the IANA registry. Each is asserted exactly as observed,
// so that a peer that changes (either way) fails the suite until this list and interop/RESULTS.md
// are updated.
//
// `peer` is a column of the results (`ws client`, `websockets client`, `tokio-tungstenite client`,
// `Chromium`), `case` a receive case of ./cases.mjs, `observed` the verdict the suite computes.

/** tungstenite's list of allowed codes predates 1014: it answers 1002 and hands the app Close(1002). */
const TUNGSTENITE_1014 = {
  peer: "tokio-tungstenite client",
  case: "code-1014",
  observed: "fail 1002",
  why: "tungstenite's list of allowed codes lacks 1014 (Bad Gateway): it answers 1002 and hands the application a Close frame with 1002 instead of 1014.",
};

/** tungstenite reports a malformed Close frame as an error and drops TCP without a Close frame. */
const tungsteniteDrops = ["one-byte", "payload-126-bytes"].map((id) => ({
  peer: "tokio-tungstenite client",
  case: id,
  observed: "fail, no Close frame",
  why: "tungstenite returns a protocol error to the application and ends the TCP connection without answering with Close 1002.",
}));

/** The same for a reason that is not UTF-8: an error, no Close 1007. */
const UTF8_CASES = [
  "reason-utf8-ff",
  "reason-utf8-lone-continuation",
  "reason-utf8-overlong",
  "reason-utf8-surrogate",
  "reason-utf8-truncated",
];
const tungsteniteUtf8 = UTF8_CASES.map((id) => ({
  peer: "tokio-tungstenite client",
  case: id,
  observed: "fail, no Close frame",
  why: "tungstenite returns a UTF-8 error to the application and ends the TCP connection without answering with Close 1007.",
}));

/** Chromium fails a reason that is not UTF-8 with 1002 where RFC 6455 section 8.1 says 1007. */
const chromiumUtf8 = UTF8_CASES.map((id) => ({
  peer: "Chromium",
  case: id,
  observed: "fail 1002",
  why: "Chromium fails the connection (the page sees 1006) and answers with 1002 where RFC 6455 section 8.1 says 1007.",
}));

/**
 * Chromium checks only 1005, 1006 and 1015 in a received Close frame: every other code that may not
 * be sent (0-999, 1004, 1016-2999, 5000 and up) reaches `onclose` unchanged, with a clean close.
 */
const chromiumInvalid = [0, 999, 1004, 1016, 1999, 2000, 2999, 5000, 65535].map((code) => ({
  peer: "Chromium",
  case: `code-${code}`,
  observed: `code ${code}`,
  why: "Chromium passes a code that may not be sent to onclose unchanged (it rejects only 1005, 1006 and 1015).",
}));

export const DIVERGENCES = [TUNGSTENITE_1014, ...tungsteniteDrops, ...tungsteniteUtf8, ...chromiumUtf8, ...chromiumInvalid];
