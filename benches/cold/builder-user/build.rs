//! Generates `close_codes.rs` into `OUT_DIR` from the crate's own registry.

fn main() {
    ws_close_codes_codegen::Builder::new("close-codes.toml").generate().unwrap_or_else(|error| panic!("{error}"));
}
