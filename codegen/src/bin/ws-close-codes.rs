//! `ws-close-codes`: an application's WebSocket close codes, generated from its registry.
//!
//! ```text
//! ws-close-codes init [--target LANGUAGE]...
//! ws-close-codes gen [--check] [--strict] [REGISTRY]
//! ws-close-codes explain CODE [--locale TAG] [--registry FILE]
//! ws-close-codes list [--locale TAG] [--registry FILE]
//! ws-close-codes docs [REGISTRY]
//! ```

fn main() -> std::process::ExitCode {
    ws_close_codes_codegen::cli_main()
}
