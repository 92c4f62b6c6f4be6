//! Shared parts of the benchmarks that `cargo xtask bench` runs: synthetic registries, a peak
//! memory counter and the result lines xtask reads.
//!
//! Every figure a benchmark measures is printed as one line `BENCH {json}` on standard output;
//! `cargo xtask bench` collects those lines and writes `BENCHMARKS.md` from them.

pub mod cpu;
pub mod peak;
pub mod synthetic;

/// The prefix of every result line.
pub const PREFIX: &str = "BENCH ";

/// Prints one result line for `cargo xtask bench`.
pub fn report(result: serde_json::Value) {
    println!("{PREFIX}{result}");
}

/// The median of `values` (the mean of the middle two for an even count); 0 for none.
pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 { values[middle] } else { (values[middle - 1] + values[middle]) / 2.0 }
}
