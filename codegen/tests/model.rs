//! The model's shortcuts agree with the plain definition, code by code.

use std::path::Path;

use ws_close_codes_codegen::load;

fn registries() -> Vec<ws_close_codes_codegen::Registry> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `codes.toml` here is the copy of the repository's registry that travels with the crate.
    ["codes.toml", "tests/ui/valid.toml"]
        .iter()
        .map(|path| load(path, &std::fs::read_to_string(root.join(path)).unwrap()).unwrap().registry)
        .collect()
}

#[test]
fn pieces_cover_every_code_once_and_answer_alike_within() {
    for registry in registries() {
        let pieces = registry.pieces();
        let mut next = 0u32;
        for (start, end) in pieces {
            assert_eq!(u32::from(start), next);
            assert!(start <= end);
            for code in start..=end {
                assert_eq!(registry.answer(code), registry.answer(start), "{code} in {start}-{end}");
            }
            next = u32::from(end) + 1;
        }
        assert_eq!(next, 65_536);
    }
}

#[test]
fn runs_are_the_maximal_runs_of_every_code() {
    for registry in registries() {
        let mut expected: Vec<(u16, u16)> = Vec::new();
        for code in 0..=u16::MAX {
            if registry.answer(code).sendable {
                match expected.last_mut() {
                    Some((_, end)) if *end + 1 == code => *end = code,
                    _ => expected.push((code, code)),
                }
            }
        }
        assert_eq!(registry.runs(|answer| answer.sendable), expected);
    }
}
