//! Loading a registry in the standard format: parse, then validate into the model.

use crate::diagnostic::{self, Diagnostic, Severity, Source};
use crate::model::Registry;
use crate::{parse, validate};

/// A registry that passed validation, with the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The validated model.
    pub registry: Registry,
    /// Warnings (never errors).
    #[cfg_attr(not(feature = "internals"), expect(dead_code, reason = "the standard registry has none; read by this repository's xtask and tests (`internals`)"))]
    pub warnings: Vec<Diagnostic>,
}

/// Parses and validates registry `text`; `name` is what diagnostics call the file.
/// On any error, returns every diagnostic (errors and warnings), sorted by position.
pub fn load(name: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let source = Source::new(name, text);
    let mut diagnostics = diagnostic::Diagnostics::new(&source);
    let raw = parse::parse(&mut diagnostics);
    // Unknown keys and wrong types do not stop validation: all problems are reported at once.
    let registry = if raw.syntax_ok { validate::validate(&raw, &mut diagnostics) } else { None };
    match registry {
        Some(registry) if !diagnostics.has_errors() => Ok(Loaded { registry, warnings: diagnostics.into_sorted() }),
        _ => Err(diagnostics.into_sorted()),
    }
}

/// Like [`load`], for a file's raw bytes: text that is not UTF-8 is a diagnostic, not a panic,
/// and a leading byte order mark is ignored.
#[cfg_attr(not(feature = "internals"), expect(dead_code, reason = "for this repository's xtask, tests and fuzz target (`internals`)"))]
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    load(name, decode(name, bytes)?)
}

/// A registry file's text: UTF-8 without a byte order mark, or a diagnostic.
pub(crate) fn decode<'b>(name: &str, bytes: &'b [u8]) -> Result<&'b str, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]);
        let position = Source::new(name, valid.as_ref()).position(valid.len());
        vec![Diagnostic {
            severity: Severity::Error,
            file: name.to_owned(),
            position,
            message: format!("the file is not valid UTF-8 (byte 0x{:02X})", bytes[error.valid_up_to()]),
            hint: Some("save the registry as UTF-8".to_owned()),
        }]
    })
}

