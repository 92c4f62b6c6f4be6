//! The one literal-escaping core every source emitter uses, with per-language hooks, and the
//! one-line comment sanitizer they share.
//!
//! A double-quoted literal is the same in the C family of languages up to two things: how a
//! character that is not printable is written (`\u2028` in JavaScript, `\x85` in Python, `\u0085`
//! in Go, where `\x85` would be one byte of broken UTF-8, and an octal escape for a control in
//! Java, whose `\u000a` is a line break before the lexer even runs), and which characters need an
//! escape besides quote, backslash and the common line breaks. A [`Literal`] names those hooks.

use std::fmt::Write as _;

/// Is `c` visible ASCII, or would Rust's `Debug` print it as itself? True for letters, CJK,
/// emoji and other visible characters; false for controls, format characters, separators other
/// than space, unassigned and private-use code points, and combining marks.
pub fn is_printable(c: char) -> bool {
    matches!(c, ' '..='~') || c.escape_debug().len() == 1
}

/// How one language writes a double-quoted string literal.
#[derive(Clone, Copy)]
pub struct Literal {
    /// Writes a character that is not printable (never `"`, `\`, `\n`, `\r` or `\t`).
    pub unprintable: fn(&mut String, char),
}

impl Literal {
    /// UTF-16 units as `\uXXXX` (JavaScript, TypeScript).
    pub const UTF16: Literal = Literal { unprintable: utf16 };

    /// A double-quoted literal that evaluates to exactly `text`, whatever it holds: quotes,
    /// backslashes and line breaks are escaped, and every character that is not printable is
    /// written by the language's hook.
    pub fn quote(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        // Most registry text is plain ASCII without quotes: copy it in one go.
        if text.bytes().all(|b| matches!(b, b' '..=b'~') && b != b'"' && b != b'\\') {
            out.push_str(text);
        } else {
            for c in text.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if is_printable(c) => out.push(c),
                    c => (self.unprintable)(&mut out, c),
                }
            }
        }
        out.push('"');
        out
    }
}

/// `\uXXXX` for each UTF-16 unit of `c`, upper-case hex.
pub fn utf16(out: &mut String, c: char) {
    for unit in c.encode_utf16(&mut [0; 2]) {
        let _ = write!(out, "\\u{unit:04X}");
    }
}

/// Registry text made safe for a one-line comment: every character that is not printable
/// (line breaks included) becomes a space.
pub fn one_line(text: &str) -> String {
    text.chars().map(|c| if is_printable(c) { c } else { ' ' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_takes_the_fast_path_unchanged() {
        assert_eq!(Literal::UTF16.quote("Normal Closure (1000)"), "\"Normal Closure (1000)\"");
        assert_eq!(Literal::UTF16.quote(""), "\"\"");
    }

    #[test]
    fn the_hook_writes_only_unprintable_characters() {
        let marked = Literal { unprintable: |out, c| out.push_str(&format!("<{:x}>", u32::from(c))) };
        assert_eq!(marked.quote("a\"\\\n\r\t\u{0}é\u{2028}"), "\"a\\\"\\\\\\n\\r\\t<0>é<2028>\"");
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(one_line("a\nb\u{2028}c\rd"), "a b c d");
    }
}
