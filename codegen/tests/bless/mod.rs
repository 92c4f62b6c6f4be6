//! Expected-output files for UI tests: compared exactly, rewritten with `BLESS=1`.

use std::path::Path;

/// Checks `actual` against the file at `expected`, or writes it there when `BLESS` is set.
pub fn check(expected: &Path, actual: &str) {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(expected, actual).expect("write expected output");
        return;
    }
    let wanted = std::fs::read_to_string(expected)
        .unwrap_or_else(|_| panic!("{} is missing; run with BLESS=1 to create it", expected.display()));
    assert!(
        actual == wanted,
        "{} changed\n--- expected\n{wanted}--- actual\n{actual}(re-bless with BLESS=1 if the change is intended)",
        expected.display()
    );
}
