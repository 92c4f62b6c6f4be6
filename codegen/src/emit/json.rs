//! A JSON writer for the conformance vectors: pretty-printed with two spaces, one value per line,
//! `[]` and `{}` for empty containers, strings through the shared escaping core.
//!
//! The vectors are the largest file the generator writes (a reconnect grid of 176 steps per
//! registered code), so they are written straight into one buffer, without a data model in
//! between. A JSON string is a JavaScript string literal that uses only `\"`, `\\`, `\n`, `\r`,
//! `\t` and `\uXXXX`, which is what [`Literal::UTF16`] writes.

use std::fmt::Write as _;

use super::escape::Literal;

/// A JSON document being written. Open a container, then give each value its key (in an object)
/// or its place (in an array), then close it.
pub struct Json {
    out: String,
    /// How many containers are open.
    depth: usize,
    /// Whether the innermost open container has no value yet.
    empty: bool,
    /// Whether a key was just written, so the value follows on the same line.
    after_key: bool,
}

impl Json {
    /// An empty document with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Json {
        Json { out: String::with_capacity(capacity), depth: 0, empty: true, after_key: false }
    }

    /// The text written, with a final line break.
    pub fn finish(mut self) -> String {
        debug_assert_eq!(self.depth, 0, "a JSON container was left open");
        self.out.push('\n');
        self.out
    }

    /// Starts a value: after a key on its line, else on a line of its own after a comma.
    fn start(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if self.depth > 0 {
            if !self.empty {
                self.out.push(',');
            }
            self.newline();
        }
        self.empty = false;
    }

    fn newline(&mut self) {
        /// A line break and the indentation of the deepest nesting the vectors have, and more.
        const INDENTS: &str = concat!("\n", "                                ");
        match INDENTS.get(..1 + 2 * self.depth) {
            Some(indent) => self.out.push_str(indent),
            None => {
                self.out.push('\n');
                for _ in 0..self.depth {
                    self.out.push_str("  ");
                }
            }
        }
    }

    /// Writes `"key": ` in the open object; its value comes next.
    pub fn key(&mut self, key: &str) -> &mut Json {
        self.start();
        Literal::UTF16.quote_into(&mut self.out, key);
        self.out.push_str(": ");
        self.after_key = true;
        self
    }

    /// Opens an object.
    pub fn object(&mut self) -> &mut Json {
        self.open('{')
    }

    /// Opens an array.
    pub fn array(&mut self) -> &mut Json {
        self.open('[')
    }

    fn open(&mut self, bracket: char) -> &mut Json {
        self.start();
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
        self
    }

    /// Closes the innermost object or array.
    pub fn close(&mut self, bracket: char) -> &mut Json {
        debug_assert!(matches!(bracket, '}' | ']'));
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
        self
    }

    /// A string.
    pub fn string(&mut self, text: &str) -> &mut Json {
        self.start();
        Literal::UTF16.quote_into(&mut self.out, text);
        self
    }

    /// A string written by `format_args!`, without a `String` of its own (its text needs no
    /// escape: the caller writes only ASCII letters, digits and punctuation other than `"`, `\`).
    pub fn plain_string(&mut self, text: std::fmt::Arguments<'_>) -> &mut Json {
        self.start();
        self.out.push('"');
        let at = self.out.len();
        let _ = self.out.write_fmt(text);
        debug_assert!(self.out[at..].bytes().all(|b| matches!(b, b' '..=b'~') && b != b'"' && b != b'\\'));
        self.out.push('"');
        self
    }

    /// An optional string: the string or `null`.
    pub fn option_string(&mut self, text: Option<&str>) -> &mut Json {
        match text {
            Some(text) => self.string(text),
            None => self.null(),
        }
    }

    /// An integer.
    pub fn number(&mut self, n: impl Into<u64>) -> &mut Json {
        self.start();
        let _ = write!(self.out, "{}", n.into());
        self
    }

    /// An optional integer: the number or `null`.
    pub fn option_number(&mut self, n: Option<impl Into<u64>>) -> &mut Json {
        match n {
            Some(n) => self.number(n),
            None => self.null(),
        }
    }

    /// A finite double, in the shortest form that reads back as the same double (`0.0`, `0.5`,
    /// `0.9999999999999999`).
    pub fn float(&mut self, x: f64) -> &mut Json {
        debug_assert!(x.is_finite());
        self.start();
        // `Debug` writes the shortest round-tripping digits and keeps the `.0` of whole numbers;
        // it switches to an exponent (`1e-7`) only outside 1e-5..1e16, which JSON also accepts.
        let _ = write!(self.out, "{x:?}");
        self
    }

    /// `true` or `false`.
    pub fn bool(&mut self, b: bool) -> &mut Json {
        self.start();
        self.out.push_str(if b { "true" } else { "false" });
        self
    }

    /// `null`.
    pub fn null(&mut self) -> &mut Json {
        self.start();
        self.out.push_str("null");
        self
    }

    /// An array of strings.
    pub fn strings<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) -> &mut Json {
        self.array();
        for text in texts {
            self.string(text);
        }
        self.close(']')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_any_depth_as_serde_json_does() {
        // Deeper than the indentation kept ready, so both ways of indenting are used.
        let mut json = Json::with_capacity(0);
        for _ in 0..24 {
            json.array();
        }
        json.number(1u8).string("x");
        for _ in 0..24 {
            json.close(']');
        }
        let text = json.finish();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(text, serde_json::to_string_pretty(&value).unwrap() + "\n");
    }

    #[test]
    fn writes_what_a_json_parser_reads_back() {
        let mut json = Json::with_capacity(0);
        json.object();
        json.key("text").string("a \"quoted\" \\ line\nbreak \u{0} \u{2028} 中 😀 \u{10ffff}");
        json.key("none").null();
        json.key("numbers").array().number(0u16).number(u64::MAX).float(0.0).float(0.9999999999999999).close(']');
        json.key("empty").array().close(']');
        json.key("nested").object().key("yes").bool(true).key("no").bool(false).close('}');
        json.key("step").plain_string(format_args!("{}:{}", "retry", 250));
        json.key("maybe").option_number(None::<u16>);
        json.close('}');
        let text = json.finish();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "text": "a \"quoted\" \\ line\nbreak \u{0} \u{2028} 中 😀 \u{10ffff}",
                "none": null,
                // serde_json reads floats fast but not always exactly: the text is checked below.
                "numbers": [0, u64::MAX, 0.0, value["numbers"][3].as_f64().unwrap()],
                "empty": [],
                "nested": { "yes": true, "no": false },
                "step": "retry:250",
                "maybe": null,
            })
        );
        // Two spaces per level, one value per line, `[]` for an empty array.
        assert!(text.starts_with("{\n  \"text\": \"a \\\"quoted\\\""), "{text}");
        assert!(text.contains("\n  \"empty\": [],\n"), "{text}");
        assert!(text.contains("\n  \"numbers\": [\n    0,\n    18446744073709551615,\n    0.0,\n    0.9999999999999999\n  ],\n"), "{text}");
        assert!(text.ends_with("\n  \"maybe\": null\n}\n"), "{text}");
    }
}
