//! Escaping for registry text in Markdown: whatever a text holds, it renders as that text, never
//! as markup, an HTML tag, an entity or an mdBook `{{#...}}` directive.
//!
//! What a reader sees (the contract `tests/markdown.rs` checks with pulldown-cmark):
//! - a text is split into lines at line breaks, each line trimmed of spaces and tabs;
//! - [`inline`] shows the non-blank lines joined by one space;
//! - [`cell`] shows them separated by line breaks (`<br>`, the only HTML this module writes);
//! - [`paragraphs`] starts a paragraph at each run of blank lines and breaks the lines in between
//!   with hard line breaks.

/// ASCII punctuation escaped wherever it appears: emphasis, code, links, HTML and entities,
/// table pipes, strikethrough and subscript, superscript, math, heading attributes and mdBook
/// directives (a `{` is never next to another `{`, so `{{#` cannot occur).
const ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '^', '$', '&', '{', '}'];

/// [`ALWAYS`] as a table by byte.
const ESCAPED_BYTE: [bool; 256] = byte_table(ALWAYS);

/// A table by byte of `members`, which must all be ASCII (so no byte of a longer character is
/// in it): a byte scan then finds them with one load per byte.
const fn byte_table(members: &[char]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut index = 0;
    while index < members.len() {
        assert!(members[index].is_ascii(), "byte tables hold ASCII only");
        table[members[index] as usize] = true;
        index += 1;
    }
    table
}

/// Punctuation that only means something at the start of a line: list items, setext heading
/// underlines and thematic breaks, definition list items.
const AT_LINE_START: &[char] = &['-', '+', '=', ':'];

/// Is `c` a line break? `\n` and `\r`, and the Unicode ones a reader would see as breaks too.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The lines of `text`, trimmed of the whitespace Markdown would strip; blank lines stay (empty).
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_line_break).map(|line| line.trim_matches([' ', '\t']))
}

/// `text` trimmed, if it is one line: no byte of it is `\n`, `\r` or the lead byte of another
/// line break (U+0085 starts with 0xC2, U+2028 and U+2029 with 0xE2), which most texts are.
fn single_line(text: &str) -> Option<&str> {
    let breaks = text.bytes().any(|b| matches!(b, b'\n' | b'\r' | 0xC2 | 0xE2));
    (!breaks).then(|| text.trim_matches([' ', '\t']))
}

/// `text` on one line, for a heading, a list item or a link's text.
pub fn inline(text: &str) -> String {
    joined_lines(text, " ")
}

/// [`inline`], appended to `out`.
pub fn push_inline(out: &mut String, text: &str) {
    push_joined_lines(out, text, " ");
}

/// `text` as the content of a GFM table cell; line breaks become `<br>`.
pub fn cell(text: &str) -> String {
    joined_lines(text, "<br>")
}

/// The non-blank lines of `text`, each escaped as a line's middle, joined by `separator`,
/// written into one `String`.
fn joined_lines(text: &str, separator: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_joined_lines(&mut out, text, separator);
    out
}

/// [`joined_lines`], appended to `out`.
fn push_joined_lines(out: &mut String, text: &str, separator: &str) {
    if let Some(line) = single_line(text) {
        push_line_middle(out, line);
        return;
    }
    for (index, line) in lines(text).filter(|l| !l.is_empty()).enumerate() {
        if index > 0 {
            out.push_str(separator);
        }
        push_line_middle(out, line);
    }
}

/// `text` as block content: paragraphs at blank lines, hard line breaks between the other lines.
#[cfg_attr(
    not(any(test, feature = "internals")),
    expect(dead_code, reason = "the pages use `push_paragraphs`; the Markdown tests check this one (`internals`)")
)]
pub fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    push_paragraphs(&mut out, text);
    out
}

/// [`paragraphs`], appended to `out`.
pub fn push_paragraphs(out: &mut String, text: &str) {
    match single_line(text) {
        Some(line) => push_line_start(out, line),
        None => out.push_str(&several_paragraphs(text)),
    }
}

fn several_paragraphs(text: &str) -> String {
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for line in lines(text) {
        match paragraphs.last_mut() {
            Some(current) if !line.is_empty() => current.push(escape_line_start(line)),
            Some(current) if !current.is_empty() => paragraphs.push(Vec::new()),
            _ => {}
        }
    }
    // A backslash at the end of a line is a hard line break.
    let paragraphs: Vec<String> =
        paragraphs.into_iter().filter(|p| !p.is_empty()).map(|lines| lines.join("\\\n")).collect();
    paragraphs.join("\n\n")
}

/// A code span holding `text` literally. In a table cell, a `|` must be escaped even inside a
/// code span (GFM splits cells first); GFM removes that backslash again.
///
/// mdBook expands `{{#...}}` even in code spans, so callers pass identifiers only.
pub fn code_span(text: &str, in_table: bool) -> String {
    // Most spans are identifiers: no line break, pipe or backtick, so one backtick each side.
    if !text.bytes().any(|b| matches!(b, b'`' | b'|' | b'\n' | b'\r' | 0xC2 | 0xE2)) {
        let padded = text.starts_with(' ') && text.ends_with(' ');
        return if padded { format!("` {text} `") } else { format!("`{text}`") };
    }
    let text: String = text.chars().map(|c| if is_line_break(c) { ' ' } else { c }).collect();
    let text = if in_table { text.replace('|', "\\|") } else { text };
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // A space on each side keeps a leading or trailing backtick apart from the fence; a reader
    // never sees it, because CommonMark strips one space from each side of such a span.
    let padded = text.starts_with('`') || text.ends_with('`') || (text.starts_with(' ') && text.ends_with(' '));
    if padded { format!("{fence} {text} {fence}") } else { format!("{fence}{text}{fence}") }
}

/// Punctuation escaped in a link destination.
const DESTINATION_ESCAPED: &[char] = &['\\', '(', ')', '<', '>', '&', '{', '}', '|', '`'];

/// [`DESTINATION_ESCAPED`] as a table by byte.
const DESTINATION_ESCAPED_BYTE: [bool; 256] = byte_table(DESTINATION_ESCAPED);

/// A link destination that resolves to `url` exactly: punctuation that could end it, start an
/// entity or form a directive is backslash-escaped, and whitespace is percent-encoded.
pub fn destination(url: &str) -> String {
    if url.bytes().all(|b| b.is_ascii_graphic() && !DESTINATION_ESCAPED_BYTE[usize::from(b)]) {
        return url.to_owned();
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_whitespace() || c.is_control() {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            if c.is_ascii() && DESTINATION_ESCAPED_BYTE[c as usize] {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Escapes one line that continues a line, so only [`ALWAYS`] matters, appended to `out`: the
/// stretches between the characters of [`ALWAYS`] (all ASCII, so a byte scan finds them) are
/// copied whole.
fn push_line_middle(out: &mut String, line: &str) {
    let mut start = 0;
    for (index, byte) in line.bytes().enumerate() {
        if ESCAPED_BYTE[usize::from(byte)] {
            out.push_str(&line[start..index]);
            out.push('\\');
            start = index;
        }
    }
    out.push_str(&line[start..]);
}

/// Escapes one line that starts a line of the Markdown source.
fn escape_line_start(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 8);
    push_line_start(&mut out, line);
    out
}

/// [`escape_line_start`], appended to `out`.
fn push_line_start(out: &mut String, line: &str) {
    if line.starts_with(AT_LINE_START) {
        out.push('\\');
    }
    // `1.` and `1)` start an ordered list.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        out.push_str(&line[..digits]);
        out.push('\\');
        push_line_middle(out, &line[digits..]);
    } else {
        push_line_middle(out, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_special_character_is_escaped_once() {
        assert_eq!(inline("a*b_c`d"), "a\\*b\\_c\\`d");
        assert_eq!(inline("{{#include x}}"), "\\{\\{\\#include x\\}\\}");
    }

    #[test]
    fn line_starts_are_escaped_in_paragraphs_only() {
        assert_eq!(paragraphs("a\n- b\n1. c\n=="), "a\\\n\\- b\\\n1\\. c\\\n\\==");
        assert_eq!(inline("- b"), "- b");
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(paragraphs("\n a \n\n\n b\nc \n"), "a\n\nb\\\nc");
    }

    #[test]
    fn cells_break_lines_with_br() {
        assert_eq!(cell(" a | b \n\n c "), "a \\| b<br>c");
    }

    #[test]
    fn code_spans_outlast_backticks_in_the_text() {
        assert_eq!(code_span("NAME", false), "`NAME`");
        assert_eq!(code_span("a``b", false), "```a``b```");
        assert_eq!(code_span("`a", true), "`` `a ``");
        assert_eq!(code_span("a|b", true), "`a\\|b`");
    }

    #[test]
    fn destinations_escape_what_would_end_them() {
        assert_eq!(destination("https://x/a(b)?c&d= e"), "https://x/a\\(b\\)?c\\&d=%20e");
    }
}
