//! The Python emitter: identifier rules and reserved words.

/// Python keywords and soft keywords, and names `enum` reserves for itself.
const RESERVED: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type", "_",
    "name", "value", "mro",
];

/// Why `identifier` cannot be a member of the generated `CloseCode` enum, if it cannot.
pub fn reserved(identifier: &str) -> Option<&'static str> {
    if identifier.starts_with('_') {
        Some("enum reserves names starting with `_`")
    } else {
        RESERVED.contains(&identifier).then_some("a keyword or a name enum uses itself")
    }
}

/// The Python enum member for a registry name: the name itself.
pub fn identifier(name: &str) -> String {
    name.to_owned()
}
