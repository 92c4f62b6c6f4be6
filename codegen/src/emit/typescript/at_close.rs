//! What to do at a close, in TypeScript: the browser rule, Close frame payloads and the
//! reconnect policy. The functions are the same for every registry (`close_frame.ts`,
//! `reconnect.ts`); only the reconnect delay bounds come from the registry. Reference:
//! [`crate::behaviour`].

use std::fmt::Write as _;

use crate::behaviour::DEFAULT_DELAY;
use crate::model::Registry;

const CLOSE_FRAME: &str = include_str!("close_frame.ts");
const RECONNECT: &str = include_str!("reconnect.ts");

/// Appends the browser rule, Close frame payloads and the reconnect policy to `out`.
pub(super) fn at_close(out: &mut String, registry: &Registry) {
    out.push_str(CLOSE_FRAME);
    delay_bounds(out, registry);
    out.push_str(RECONNECT);
}

/// `reconnectDelayBounds`: a code's own bounds, else its range's, else the default.
fn delay_bounds(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "/** The delay bounds, in milliseconds, of a code for which neither it nor its range has its own. */");
    ln!(
        out,
        "export const DEFAULT_DELAY_BOUNDS_MS: readonly [number, number] = [{}, {}];",
        DEFAULT_DELAY.min_ms,
        DEFAULT_DELAY.max_ms
    );
    ln!(out);
    ln!(out, "/**");
    ln!(out, " * The shortest and the longest delay, in milliseconds, that {{@link reconnectStep}} waits before a");
    ln!(out, " * reconnect after `code`: the registry's `delay_ms` of the code, else of its range, else");
    ln!(out, " * {{@link DEFAULT_DELAY_BOUNDS_MS}}.");
    ln!(out, " *");
    ln!(out, " * @example");
    ln!(out, " * ```ts");
    ln!(out, " * const [min, max] = reconnectDelayBounds(CloseCode.SERVICE_RESTART);");
    ln!(out, " * ```");
    ln!(out, " */");
    let codes: Vec<_> = registry.codes.iter().filter_map(|code| code.delay.map(|delay| (code.code, delay))).collect();
    // A registry without bounds never reads the parameter, which strict tsc rejects.
    let used = !codes.is_empty() || registry.ranges.iter().any(|range| range.delay.is_some());
    let parameter = if used { "code" } else { "_code" };
    ln!(out, "export function reconnectDelayBounds({parameter}: number): readonly [number, number] {{");
    if !codes.is_empty() {
        ln!(out, "  switch (code) {{");
        for (number, delay) in codes {
            ln!(out, "    case {number}:");
            ln!(out, "      return [{}, {}];", delay.min_ms, delay.max_ms);
        }
        ln!(out, "  }}");
    }
    for range in &registry.ranges {
        if let Some(delay) = range.delay {
            ln!(
                out,
                "  if (code >= {} && code <= {} && Number.isInteger(code)) return [{}, {}];",
                range.start,
                range.end,
                delay.min_ms,
                delay.max_ms
            );
        }
    }
    ln!(out, "  return DEFAULT_DELAY_BOUNDS_MS;");
    ln!(out, "}}");
}
