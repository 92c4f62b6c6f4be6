//! Generates `close_codes.rs` in OUT_DIR from the application registry one directory up.

fn main() {
    ws_close_codes_codegen::Builder::new("../close-codes.toml").generate().unwrap_or_else(|error| panic!("{error}"));
}
