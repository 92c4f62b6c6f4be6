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
///
/// The scripts registry texts are written in take a fast path ([`KNOWN_PRINTABLE`]); only other
/// characters ask the Unicode tables behind `escape_debug`, which costs tens of nanoseconds each.
#[inline]
pub fn is_printable(c: char) -> bool {
    matches!(c, ' '..='~') || known_printable(c) || c.escape_debug().len() == 1
}

/// Blocks where every code point prints as itself (no controls, format characters, combining
/// marks, spaces other than U+0020 or unassigned points): Latin-1 letters and signs, Latin
/// Extended, Greek, Cyrillic, general punctuation, CJK punctuation, kana, CJK ideographs, Hangul
/// syllables and full-width forms. A test checks every one of them against `escape_debug`.
#[cfg_attr(not(any(test, feature = "internals")), expect(dead_code, reason = "checked by the tests (`internals`)"))]
pub const KNOWN_PRINTABLE: &[(char, char)] = &[
    ('\u{A1}', '\u{AC}'),
    ('\u{AE}', '\u{2FF}'),
    ('\u{391}', '\u{3A1}'),
    ('\u{3A3}', '\u{3FF}'),
    ('\u{400}', '\u{482}'),
    ('\u{48A}', '\u{52F}'),
    ('\u{2010}', '\u{2027}'),
    ('\u{2030}', '\u{205E}'),
    ('\u{2190}', '\u{23FF}'),
    ('\u{3001}', '\u{3029}'),
    ('\u{3030}', '\u{303F}'),
    ('\u{3041}', '\u{3096}'),
    ('\u{30A1}', '\u{30FF}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{AC00}', '\u{D7A3}'),
    ('\u{FF01}', '\u{FF60}'),
];

/// Is `c` in one of the [`KNOWN_PRINTABLE`] blocks? A few comparisons, no table lookup.
#[inline]
fn known_printable(c: char) -> bool {
    match c {
        '\u{A1}'..='\u{2FF}' => c != '\u{AD}',
        '\u{391}'..='\u{52F}' => !matches!(c, '\u{3A2}' | '\u{483}'..='\u{489}'),
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{2190}'..='\u{23FF}' => true,
        '\u{3001}'..='\u{303F}' => !matches!(c, '\u{302A}'..='\u{302F}'),
        '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FF}' => true,
        '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' | '\u{FF01}'..='\u{FF60}' => true,
        _ => false,
    }
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
        self.quote_into(&mut out, text);
        out
    }

    /// [`Literal::quote`], appended to `out`: tables of many literals write them without a
    /// `String` each.
    pub fn quote_into(&self, out: &mut String, text: &str) {
        out.reserve(text.len() + 2);
        out.push('"');
        // Copy the longest stretch that needs no escape in one go: plain ASCII and the blocks known
        // to print are most registry text; only the rest goes character by character.
        let mut rest = text;
        while !rest.is_empty() {
            let plain = plain_prefix(rest);
            out.push_str(&rest[..plain]);
            rest = &rest[plain..];
            let mut chars = rest.chars();
            let Some(c) = chars.next() else { break };
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if is_printable(c) => out.push(c),
                c => (self.unprintable)(out, c),
            }
            rest = chars.as_str();
        }
        out.push('"');
    }
}

/// The length in bytes of the longest prefix of `text` that a literal holds as it is: printable
/// ASCII other than `"` and `\`, and characters of the [`KNOWN_PRINTABLE`] blocks.
///
/// Decodes the two- and three-byte sequences of those blocks from the bytes directly (no slicing,
/// no `chars()`), since this loop sees every byte of every text of every target.
#[inline]
fn plain_prefix(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte < 0x80 {
            if !matches!(byte, b' '..=b'~') || byte == b'"' || byte == b'\\' {
                break;
            }
            index += 1;
            // Within a run of ASCII (not a lone space between words of another script), eight
            // bytes at a time while all of them are plain; the rest byte by byte, as above.
            if bytes.get(index).is_some_and(u8::is_ascii) {
                while let Some(word) = bytes.get(index..index + 8).and_then(|word| <[u8; 8]>::try_from(word).ok()) {
                    if !plain_ascii_word(u64::from_le_bytes(word)) {
                        break;
                    }
                    index += 8;
                }
            }
            continue;
        }
        // `text` is valid UTF-8, so a lead byte is followed by its continuation bytes. Most
        // registry text that is not ASCII is Cyrillic (U+0400-U+047F from leads 0xD0 and 0xD1) or
        // CJK ideographs (U+5000-U+9FFF from leads 0xE5-0xE9), printable by the lead byte alone.
        match byte {
            0xD0 | 0xD1 => {
                index += 2;
                continue;
            }
            0xE5..=0xE9 => {
                index += 3;
                continue;
            }
            _ => {}
        }
        let (c, width) = match byte {
            0xC0..=0xDF => (u32::from(byte & 0x1F) << 6 | u32::from(bytes[index + 1] & 0x3F), 2),
            0xE0..=0xEF => (
                u32::from(byte & 0x0F) << 12
                    | u32::from(bytes[index + 1] & 0x3F) << 6
                    | u32::from(bytes[index + 2] & 0x3F),
                3,
            ),
            // Four-byte characters lie outside every known-printable block.
            _ => break,
        };
        if !char::from_u32(c).is_some_and(known_printable) {
            break;
        }
        index += width;
    }
    index
}

/// Are all eight bytes of `word` printable ASCII other than `"` and `\\`? The usual tests for a
/// zero byte and for a byte below a bound, on all eight lanes at once; each is exact about
/// whether any lane matches, which is all this asks.
#[inline]
fn plain_ascii_word(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |value: u64| value.wrapping_sub(ONES) & !value & HIGH;
    let not_ascii = word & HIGH;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let delete = has_zero(word ^ (ONES * 0x7F));
    let quote = has_zero(word ^ (ONES * u64::from(b'"')));
    let backslash = has_zero(word ^ (ONES * u64::from(b'\\')));
    not_ascii | control | delete | quote | backslash == 0
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
    if text.bytes().all(|b| matches!(b, b' '..=b'~')) {
        return text.to_owned();
    }
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
    fn the_fast_path_agrees_with_the_unicode_tables() {
        for &(first, last) in KNOWN_PRINTABLE {
            for c in first..=last {
                assert_eq!(c.escape_debug().len(), 1, "U+{:04X} is in a known-printable block", u32::from(c));
                assert!(known_printable(c), "U+{:04X} is missed by known_printable", u32::from(c));
            }
        }
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if known_printable(c) {
                assert!(
                    KNOWN_PRINTABLE.iter().any(|&(first, last)| (first..=last).contains(&c)),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }

    #[test]
    fn the_byte_decoder_of_the_fast_path_agrees_with_chars() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let plain = if c.is_ascii() { matches!(c, ' '..='~') && c != '"' && c != '\\' } else { known_printable(c) };
            let text = format!("{c}a");
            let expected = if plain { c.len_utf8() + 1 } else { 0 };
            assert_eq!(plain_prefix(&text), expected, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn the_word_at_a_time_scan_stops_at_the_first_byte_that_is_not_plain() {
        // Every byte value at every position of a 19-byte run of plain ASCII (two words and a
        // tail): the prefix ends exactly there, as the byte-by-byte rule says.
        for byte in 0..=0x7F_u8 {
            let plain = matches!(byte, b' '..=b'~') && byte != b'"' && byte != b'\\';
            for position in 0..19 {
                let mut bytes = vec![b'a'; 19];
                bytes[position] = byte;
                let text = String::from_utf8(bytes).unwrap_or_default();
                let expected = if plain { 19 } else { position };
                assert_eq!(plain_prefix(&text), expected, "byte {byte:#04x} at {position}");
            }
        }
        // A multi-byte character after a run of words: the scan hands over to the decoder.
        assert_eq!(plain_prefix("abcdefgh\u{0439}abcdefgh\\"), 18);
        assert_eq!(plain_prefix("abcdefghijklmnop\u{2028}"), 16);
    }

    #[test]
    fn mixed_text_escapes_only_what_it_must() {
        let text = "Код \"1000\"\n正常关闭\u{2028}é\u{301}x";
        let slow: String = text
            .chars()
            .map(|c| match c {
                '"' => "\\\"".to_owned(),
                '\n' => "\\n".to_owned(),
                c if c.escape_debug().len() == 1 => c.to_string(),
                c => format!("<{:x}>", u32::from(c)),
            })
            .collect();
        let marked = Literal { unprintable: |out, c| out.push_str(&format!("<{:x}>", u32::from(c))) };
        assert_eq!(marked.quote(text), format!("\"{slow}\""));
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(one_line("a\nb\u{2028}c\rd"), "a b c d");
    }
}
