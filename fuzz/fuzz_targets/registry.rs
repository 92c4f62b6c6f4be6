//! Any bytes as a registry: loading must never panic, only return diagnostics, and a registry
//! that loads must emit every target without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ws_close_codes_codegen::{Targets, load_bytes};

fuzz_target!(|bytes: &[u8]| {
    match load_bytes("fuzz.toml", bytes) {
        Ok(loaded) => {
            let plan = Targets::standard().plan(&loaded.registry, "cargo xtask gen", "fuzz.toml");
            assert!(!plan.files.is_empty());
        }
        Err(diagnostics) => {
            assert!(diagnostics.iter().any(|d| d.is_error()), "a rejected registry names an error");
            for diagnostic in diagnostics {
                assert!(diagnostic.position.line >= 1 && diagnostic.position.column >= 1);
                let _ = diagnostic.to_string();
            }
        }
    }
});
