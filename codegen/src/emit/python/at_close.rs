//! What to do at a close, in Python: the browser rule, Close frame payloads and the reconnect
//! policy. The functions are the same for every registry (`close_frame.py`, `reconnect.py`);
//! only the reconnect delay bounds come from the registry. Reference: [`crate::behaviour`].

use std::fmt::Write as _;

use crate::behaviour::DEFAULT_DELAY;
use crate::model::Registry;

const CLOSE_FRAME: &str = include_str!("close_frame.py");
const RECONNECT: &str = include_str!("reconnect.py");

/// Appends the browser rule, Close frame payloads and the reconnect policy to `out`.
pub(super) fn at_close(out: &mut String, registry: &Registry) {
    out.push_str(CLOSE_FRAME);
    delay_bounds(out, registry);
    out.push_str(RECONNECT);
}

/// The bounds tables that `reconnect_delay_bounds` reads.
fn delay_bounds(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out);
    ln!(out, "DEFAULT_DELAY_BOUNDS_MS: Final = ({}, {})", DEFAULT_DELAY.min_ms, DEFAULT_DELAY.max_ms);
    ln!(
        out,
        "\"\"\"The delay bounds, in milliseconds, of a code for which neither it nor its range has its own.\"\"\""
    );
    ln!(out);
    ln!(out, "# The registry's `delay_ms` of codes that have their own, by code.");
    let codes: Vec<String> = registry
        .codes
        .iter()
        .filter_map(|code| code.delay.map(|d| format!("{}: ({}, {})", code.code, d.min_ms, d.max_ms)))
        .collect();
    if codes.is_empty() {
        ln!(out, "_CODE_DELAY_BOUNDS: Final[dict[int, tuple[int, int]]] = {{}}");
    } else {
        ln!(out, "_CODE_DELAY_BOUNDS: Final[dict[int, tuple[int, int]]] = {{");
        for code in codes {
            ln!(out, "    {code},");
        }
        ln!(out, "}}");
    }
    ln!(out);
    ln!(out, "# The registry's `delay_ms` of ranges that have their own: (start, end, bounds).");
    let ranges: Vec<String> = registry
        .ranges
        .iter()
        .filter_map(|r| r.delay.map(|d| format!("({}, {}, ({}, {}))", r.start, r.end, d.min_ms, d.max_ms)))
        .collect();
    if ranges.is_empty() {
        ln!(out, "_RANGE_DELAY_BOUNDS: Final[tuple[tuple[int, int, tuple[int, int]], ...]] = ()");
    } else {
        ln!(out, "_RANGE_DELAY_BOUNDS: Final[tuple[tuple[int, int, tuple[int, int]], ...]] = (");
        for range in ranges {
            ln!(out, "    {range},");
        }
        ln!(out, ")");
    }
}
