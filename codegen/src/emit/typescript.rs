//! The TypeScript emitter: identifier rules and reserved words.

/// ECMAScript reserved words, strict-mode reserved words and TypeScript's own, plus property
/// names an object literal cannot own safely.
const RESERVED: &[&str] = &[
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
    "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
    "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "as",
    "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "any",
    "boolean", "constructor", "declare", "get", "module", "require", "number", "set", "string", "symbol", "type",
    "from", "of", "await", "async", "undefined", "NaN", "Infinity", "__proto__", "prototype",
];

/// Why `identifier` cannot be a key of the generated `CloseCode` object, if it cannot.
pub fn reserved(identifier: &str) -> Option<&'static str> {
    RESERVED.contains(&identifier).then_some("a reserved word")
}

/// The TypeScript property for a registry name: the name itself.
pub fn identifier(name: &str) -> String {
    name.to_owned()
}
