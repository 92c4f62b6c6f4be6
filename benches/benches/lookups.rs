//! The generated Rust lookups against tungstenite's close-code check, over all 65,536 u16 values.
//!
//! Every benchmark runs the same loop: each code goes through `black_box` (so nothing is folded
//! at compile time) and the answers are summed (so nothing is thrown away). One criterion
//! iteration is one pass over every code; the reported time per call is criterion's median
//! iteration time divided by 65,536.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput};
use serde_json::json;
use ws_close_codes::{CloseCode, Locale};
use ws_close_codes_benches::report;

/// The criterion group, and the directory of its results.
const GROUP: &str = "lookups";

/// Calls per iteration: every u16.
const CODES: u64 = 1 << 16;

/// One benchmark: its id, who it measures, the call as shown, and the loop.
struct Lookup {
    id: &'static str,
    role: &'static str,
    call: &'static str,
    every_code: fn() -> usize,
}

const LOOKUPS: [Lookup; 5] = [
    Lookup { id: "ours_is_sendable", role: "ours", call: "CloseCode::from(c).is_sendable()", every_code: is_sendable },
    Lookup { id: "ours_name", role: "ours", call: "CloseCode::from(c).name()", every_code: name },
    Lookup {
        id: "ours_description",
        role: "ours",
        call: "CloseCode::from(c).description(Locale::Ru)",
        every_code: description,
    },
    Lookup { id: "ours_title", role: "ours", call: "CloseCode::from(c).title(Locale::Ru)", every_code: title },
    Lookup {
        id: "tungstenite_is_allowed",
        role: "peer",
        call: "CloseCode::from(c).is_allowed()",
        every_code: tungstenite_is_allowed,
    },
];

/// Sums `answer` over every code, each passed through `black_box`.
#[inline(always)]
fn every_code(answer: impl Fn(u16) -> usize) -> usize {
    let mut total = 0;
    for code in 0..=u16::MAX {
        total += answer(black_box(code));
    }
    total
}

fn is_sendable() -> usize {
    every_code(|code| usize::from(CloseCode::from(code).is_sendable()))
}

fn name() -> usize {
    every_code(|code| CloseCode::from(code).name().map_or(0, str::len))
}

fn description() -> usize {
    let locale = black_box(Locale::Ru);
    every_code(|code| CloseCode::from(code).description(locale).len())
}

fn title() -> usize {
    let locale = black_box(Locale::Ru);
    every_code(|code| CloseCode::from(code).title(locale).len())
}

fn tungstenite_is_allowed() -> usize {
    every_code(|code| usize::from(tungstenite::protocol::frame::coding::CloseCode::from(code).is_allowed()))
}

fn main() {
    let home = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench/criterion"));
    // SAFETY: no other thread exists yet that could read the environment.
    unsafe { std::env::set_var("CRITERION_HOME", &home) };
    // Results of an earlier run must not pass for this run's.
    let _ = std::fs::remove_dir_all(home.join(GROUP));

    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .nresamples(20_000)
        .configure_from_args();
    let mut group = criterion.benchmark_group(GROUP);
    group.throughput(Throughput::Elements(CODES));
    for lookup in &LOOKUPS {
        group.bench_function(lookup.id, |b| b.iter(lookup.every_code));
    }
    group.finish();
    criterion.final_summary();

    for lookup in &LOOKUPS {
        let estimates = home.join(GROUP).join(lookup.id).join("new/estimates.json");
        // A benchmark left out by a filter has no results.
        let Ok(text) = std::fs::read_to_string(&estimates) else { continue };
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", estimates.display()));
        let median =
            value["median"]["point_estimate"].as_f64().unwrap_or_else(|| panic!("{}: no median", estimates.display()));
        report(json!({
            "suite": "lookup",
            "language": "rust",
            "role": lookup.role,
            "call": lookup.call,
            "ns_per_call": median / CODES as f64,
        }));
    }
}
