//! The generator in-process: parse + validate + emit every target (the files are planned in
//! memory, not written), for `codes.toml` and for synthetic registries of growing size.
//!
//! For each registry: one warm-up run (skipped for runs longer than a second, which warm up by
//! themselves), then runs until a time budget is spent, at least `MIN_RUNS`. Each run is timed by
//! the CPU time of its thread (`cpu::Stopwatch`), which on an idle machine is its wall time and on
//! a shared one leaves out the waits for a core. The median is reported with the peak heap (bytes live at once, counted by the global allocator) and the
//! sizes in and out. For `codes.toml`, `space-3000-4999` and the largest registry, the time of each stage alone
//! (load, then each target's emitter) is reported too.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ws_close_codes_benches::cpu::Stopwatch;

use serde_json::json;
use ws_close_codes_benches::peak::{self, PeakAllocator};
use ws_close_codes_benches::{median, report, synthetic};
use ws_close_codes_codegen::{Loaded, Plan, Targets, load};

#[global_allocator]
static ALLOCATOR: PeakAllocator = PeakAllocator;

/// Synthetic registry sizes, in codes.
const SIZES: [usize; 4] = [100, 1_000, 10_000, 60_000];

/// Time spent measuring each registry after the warm-up, and each stage of a registry.
const BUDGET: Duration = Duration::from_secs(3);
const STAGE_BUDGET: Duration = Duration::from_secs(1);
const MIN_RUNS: usize = 3;
const MAX_RUNS: usize = 500;

/// Runs of one stage alone, for the breakdown of the largest registry (whose runs take seconds).
const LARGE_STAGE_RUNS: usize = 1;

fn main() {
    // `cargo bench` passes `--bench`; a filter argument runs only the registries whose name has it.
    let filter: Option<String> = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../codes.toml");
    let standard = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    if wanted("codes.toml") {
        measure("codes.toml", &standard);
        stages("codes.toml", &standard, MAX_RUNS);
    }
    if wanted("space-3000-4999") {
        let text = synthetic::application_space();
        measure("space-3000-4999", &text);
        stages("space-3000-4999", &text, MAX_RUNS);
    }
    for size in SIZES {
        let name = format!("synthetic-{size}");
        if wanted(&name) {
            let text = synthetic::registry(size);
            measure(&name, &text);
            if size == SIZES[SIZES.len() - 1] {
                stages(&name, &text, LARGE_STAGE_RUNS);
            }
        }
    }
}

/// Loads a registry that must be valid.
fn load_valid(name: &str, text: &str) -> Loaded {
    load(name, black_box(text)).unwrap_or_else(|diagnostics| {
        for diagnostic in &diagnostics {
            eprintln!("{diagnostic}");
        }
        panic!("{name} does not load");
    })
}

fn plan(targets: &Targets, loaded: &Loaded, name: &str) -> Plan {
    black_box(targets.plan(&loaded.registry, "cargo xtask gen", name))
}

/// What one whole run produced.
struct Run {
    elapsed: Duration,
    peak_bytes: usize,
    files: usize,
    output_bytes: usize,
    codes: usize,
}

fn run(name: &str, text: &str) -> Run {
    peak::start();
    let started = Stopwatch::start();
    let loaded = load_valid(name, text);
    let plan = plan(&Targets::standard(), &loaded, name);
    let elapsed = started.elapsed();
    let peak_bytes = peak::peak_above_start();
    Run {
        elapsed,
        peak_bytes,
        files: plan.files.len(),
        output_bytes: plan.files.iter().map(|file| file.contents.len()).sum(),
        codes: loaded.registry.codes.len(),
    }
}

/// Runs `once` until `budget` is spent (at least `MIN_RUNS`, at most `max_runs` times), after a
/// warm-up unless the first run took over a second; returns every sample, in ns.
fn samples<T>(max_runs: usize, budget: Duration, mut once: impl FnMut() -> (Duration, T)) -> (Vec<f64>, Vec<T>) {
    let (first, value) = once();
    let (mut times, mut values) = (Vec::new(), Vec::new());
    if first > Duration::from_secs(1) {
        times.push(first.as_secs_f64() * 1e9);
        values.push(value);
    }
    let started = Instant::now();
    while times.len() < MIN_RUNS.min(max_runs) || (times.len() < max_runs && started.elapsed() < budget) {
        let (elapsed, value) = once();
        times.push(elapsed.as_secs_f64() * 1e9);
        values.push(value);
    }
    (times, values)
}

fn measure(name: &str, text: &str) {
    let (mut times, runs) = samples(MAX_RUNS, BUDGET, || {
        let run = run(name, text);
        (run.elapsed, run)
    });
    let mut peaks: Vec<f64> = runs.iter().map(|run| run.peak_bytes as f64).collect();
    let first = &runs[0];
    let count = times.len();
    let median_ns = median(&mut times);
    let peak_bytes = median(&mut peaks);
    println!(
        "generator {name:>16}: {:>6} codes, median {:>10.3} ms over {count} runs, peak heap {:>8.1} MiB",
        first.codes,
        median_ns / 1e6,
        peak_bytes / (1024.0 * 1024.0)
    );
    report(json!({
        "suite": "generator",
        "registry": name,
        "codes": first.codes,
        "registry_bytes": text.len(),
        "files": first.files,
        "output_bytes": first.output_bytes,
        "runs": count,
        "median_ns": median_ns,
        "peak_bytes": peak_bytes,
    }));
}

/// The time of each stage alone: loading (parse + validate), then each target's emitter.
fn stages(name: &str, text: &str, max_runs: usize) {
    let (mut times, _) = samples(max_runs, STAGE_BUDGET, || {
        let started = Stopwatch::start();
        let loaded = load_valid(name, text);
        (started.elapsed(), black_box(loaded).registry.codes.len())
    });
    stage(name, "parse + validate", median(&mut times));
    let loaded = load_valid(name, text);
    let all = Targets::standard();
    for target in ws_close_codes_codegen::emit::TARGETS {
        let targets = all.clone().only(target.key());
        let stage_name = format!("emit {}", target.name());
        let (mut times, _) = samples(max_runs, STAGE_BUDGET, || {
            let started = Stopwatch::start();
            let plan = plan(&targets, &loaded, name);
            (started.elapsed(), plan.files.len())
        });
        stage(name, &stage_name, median(&mut times));
    }
}

fn stage(registry: &str, stage: &str, median_ns: f64) {
    println!("generator {registry:>16}: {stage:<26} {:>10.3} ms", median_ns / 1e6);
    report(json!({ "suite": "stage", "registry": registry, "stage": stage, "median_ns": median_ns }));
}
