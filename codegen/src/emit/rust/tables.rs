//! The per-code parts of the Rust file, written as text: the `TEXTS` table (with the texts the
//! rest of the file asked for first), the constants of `CloseCode` and `ALL`, the `entry` and
//! `label` lookups, and the `NAMES` and `ENTRIES` tables.
//!
//! They grow with the registry, so they skip `quote`, `syn` and `prettyplease` (which allocate
//! every token, parse it back and lay it out again): the rest of the file goes through them with
//! a placeholder item where each piece belongs, and [`splice`] puts the text in its place. The
//! text is laid out as `prettyplease` lays out the same items (four spaces per level, one element
//! per line, trailing commas) in shapes default rustfmt keeps too (every text on a line of its own
//! in `TEXTS`), and literals go through the shared escaping core.

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::super::escape::{Literal, is_printable};
use super::{Kind, Registry, escape_doc, identifier, upper_camel};
use crate::model::{Code, Texts};

/// The placeholders, in the order they appear in the file and [`pieces`] lists the pieces.
const PLACEHOLDERS: [&str; 5] =
    ["__TABLES_TEXTS", "__TABLES_CONSTS", "__TABLES_SENDABLE", "__TABLES_LOOKUPS", "__TABLES_STATICS"];

/// A placeholder item: `const NAME: () = ();`, which `prettyplease` prints on a line of its own.
pub(super) fn placeholder(index: usize) -> TokenStream {
    let name = format_ident!("{}", PLACEHOLDERS[index]);
    quote!(const #name: () = ();)
}

/// The pieces of text for the placeholders, in order. `texts` are the texts the rest of the file
/// put in `TEXTS` (their indices are already written); the per-code texts follow them.
pub(super) fn pieces(registry: &Registry, kind: Kind, texts: Vec<String>) -> [String; 5] {
    let mut table = TextTable { texts: texts.iter().map(String::as_str).collect() };
    let indices: Vec<CodeTexts> = registry.codes.iter().map(|code| table.code(code)).collect();
    // Labels in the order of `label_pieces`: codes, ranges, then a number outside every range.
    let mut labels: Vec<(usize, usize)> = indices.iter().map(|code| (code.title, code.description)).collect();
    for label in registry.ranges.iter().map(|range| &range.label).chain([&registry.out_of_range]) {
        labels.push((table.push(&label.title), table.push(&label.description)));
    }
    let mut statics = statics(registry, &indices);
    label_tables(&mut statics, registry, &labels);
    [table.write(), consts(registry, kind), sendable(registry), lookups(registry, &labels), statics]
}

/// The body of `CloseCode::is_sendable`: one comparison for the numbers outside the first and the
/// last run (most of the u16 space; about half the time of the pattern alone), then one `matches!`
/// over the runs, which rustc compiles to comparisons. Written as text so that the ranges read
/// `1000..=1003` (prettyplease spaces the tokens of a macro call as `1000..= 1003`, and rustfmt
/// leaves a macro call it cannot parse as expressions as it is): on one line when it fits in
/// 100 columns, else one run per line.
fn sendable(registry: &Registry) -> String {
    sendable_runs(&crate::emit::sendable_runs(registry))
}

/// [`sendable`] for the runs of sendable codes.
fn sendable_runs(runs: &[(u16, u16)]) -> String {
    const INDENT: &str = "        ";
    let patterns: Vec<String> = runs
        .iter()
        .map(|&(start, end)| if start == end { start.to_string() } else { format!("{start}..={end}") })
        .collect();
    match runs {
        [] => format!("{INDENT}false\n"),
        [(0, u16::MAX)] => format!("{INDENT}true\n"),
        [(first, _), ..] => {
            let last = runs[runs.len() - 1].1;
            let mut out = String::new();
            // With one run the pattern is that comparison already.
            if runs.len() > 1
                && let Some(outside) = crate::emit::outside("self.0", *first, last)
            {
                let _ = writeln!(out, "{INDENT}if {outside} {{\n{INDENT}    return false;\n{INDENT}}}");
            }
            let line = format!("{INDENT}matches!(self.0, {})\n", patterns.join(" | "));
            if line.len() <= 101 {
                out.push_str(&line);
                return out;
            }
            let _ = write!(out, "{INDENT}matches!(\n{INDENT}    self.0,\n{INDENT}    {}\n", patterns[0]);
            for pattern in &patterns[1..] {
                let _ = writeln!(out, "{INDENT}        | {pattern}");
            }
            let _ = writeln!(out, "{INDENT})");
            out
        }
    }
}

/// `TEXTS` as it is being filled.
struct TextTable<'r> {
    texts: Vec<&'r str>,
}

/// Where one code's texts are in `TEXTS`.
struct CodeTexts {
    aliases: usize,
    iana_name: Option<usize>,
    reference: Option<usize>,
    url: Option<usize>,
    title: usize,
    description: usize,
}

impl<'r> TextTable<'r> {
    /// Adds a text in every locale; returns the index of the first.
    fn push(&mut self, texts: &'r Texts) -> usize {
        let first = self.texts.len();
        self.texts.extend(texts.iter());
        first
    }

    fn one(&mut self, text: &'r str) -> usize {
        self.texts.push(text);
        self.texts.len() - 1
    }

    fn code(&mut self, code: &'r Code) -> CodeTexts {
        let aliases = self.texts.len();
        self.texts.extend(code.aliases.iter().map(String::as_str));
        CodeTexts {
            aliases,
            iana_name: code.iana_name.as_deref().map(|text| self.one(text)),
            reference: code.reference.as_ref().map(|texts| self.push(texts)),
            url: code.url.as_deref().map(|text| self.one(text)),
            title: self.push(&code.label.title),
            description: self.push(&code.label.description),
        }
    }

    /// `type Texts` (the narrowest integer that indexes the table) and `TEXTS`, one text a line.
    fn write(&self) -> String {
        let mut out = String::with_capacity(self.texts.iter().map(|text| text.len() + 8).sum::<usize>() + 256);
        let index = if self.texts.len() <= usize::from(u16::MAX) { "u16" } else { "u32" };
        let _ = writeln!(out, "type Texts = {index};");
        out.push_str("/// Every text, each one in every locale in a row.\n");
        let _ = writeln!(out, "static TEXTS: [&str; {}] = [", self.texts.len());
        for text in &self.texts {
            out.push_str("    ");
            string(&mut out, text);
            out.push_str(",\n");
        }
        out.push_str("];\n");
        out
    }
}

/// Replaces each placeholder line of `formatted` with its piece (already indented).
pub(super) fn splice(formatted: &str, pieces: &[String; 5]) -> String {
    let mut out = String::with_capacity(formatted.len() + pieces.iter().map(String::len).sum::<usize>());
    let mut rest = formatted;
    for (name, piece) in PLACEHOLDERS.iter().zip(pieces) {
        let marker = format!("const {name}: () = ();\n");
        let at = rest.find(&marker).unwrap_or_else(|| panic!("the Rust emitter lost its placeholder {name}"));
        // The placeholder's indentation starts the line it is on.
        let line_start = rest[..at].rfind('\n').map_or(0, |newline| newline + 1);
        out.push_str(&rest[..line_start]);
        out.push_str(piece);
        rest = &rest[at + marker.len()..];
    }
    out.push_str(rest);
    out
}

/// How Rust writes a character that is not printable: `\u{…}`, as `char::escape_debug` does.
const RUST: Literal = Literal {
    unprintable: |out, c| {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    },
};

/// A Rust string literal for `text`.
fn string(out: &mut String, text: &str) {
    RUST.quote_into(out, text);
}

/// One line of docs at `indent`: `/// text` when a line comment can hold it as it is, else a
/// `#[doc = "..."]` attribute with an escaped literal (line breaks, controls, bidi marks).
fn doc(out: &mut String, indent: &str, text: &str) {
    let plain = !text.starts_with('/') && text.chars().all(|c| c != '\r' && c != '\n' && is_printable(c));
    out.push_str(indent);
    if plain {
        out.push_str("///");
        out.push_str(text.trim_end_matches(' '));
    } else {
        out.push_str("#[doc = ");
        string(out, text);
        out.push(']');
    }
    out.push('\n');
}

/// An `# Examples` section after a blank doc line, for the crate (a module's docs have none:
/// they would name a crate the module is not part of).
fn examples(out: &mut String, kind: Kind, lines: &[String]) {
    if kind == Kind::Module {
        return;
    }
    for line in ["", " # Examples", "", " ```", " # use ws_close_codes::*;"] {
        doc(out, "    ", line);
    }
    for line in lines {
        doc(out, "    ", &format!(" {line}"));
    }
    doc(out, "    ", " ```");
}

/// The docs of a code's constant: title, description, where it is defined.
fn code_doc(out: &mut String, code: &Code, fallback: usize) {
    doc(out, "    ", &format!(" {}: {}.", code.code, escape_doc(code.label.title.get(fallback))));
    doc(out, "    ", "");
    doc(out, "    ", &format!(" {}", escape_doc(code.label.description.get(fallback))));
    let defined = match (code.reference.as_ref().map(|texts| texts.get(fallback)), &code.url) {
        (Some(reference), Some(url)) => Some(format!(" Defined in [{}](<{}>).", escape_doc(reference), url)),
        (Some(reference), None) => Some(format!(" Defined in {}.", escape_doc(reference))),
        (None, Some(url)) => Some(format!(" Defined in <{url}>.")),
        (None, None) => None,
    };
    if let Some(line) = defined {
        doc(out, "    ", "");
        doc(out, "    ", &line);
    }
}

/// The constants of every code and alias, then `ALL`, inside `impl CloseCode`.
fn consts(registry: &Registry, kind: Kind) -> String {
    let mut out = String::with_capacity(registry.codes.len() * 1024);
    for code in &registry.codes {
        let name = identifier(&code.name);
        code_doc(&mut out, code, registry.fallback);
        examples(&mut out, kind, &[format!("assert_eq!(CloseCode::{name}.as_u16(), {});", code.code)]);
        let _ = writeln!(out, "    pub const {name}: CloseCode = CloseCode({});", code.code);
        for alias in &code.aliases {
            let alias = identifier(alias);
            doc(&mut out, "    ", &format!(" Former name of [`CloseCode::{name}`] ({}).", code.code));
            examples(
                &mut out,
                kind,
                &[
                    "#[allow(deprecated)]".to_owned(),
                    format!("let code = CloseCode::{alias};"),
                    format!("assert_eq!(code, CloseCode::{name});"),
                ],
            );
            let _ = writeln!(out, "    #[deprecated(note = \"use `CloseCode::{name}`\")]");
            let _ = writeln!(out, "    pub const {alias}: CloseCode = CloseCode({});", code.code);
        }
    }
    doc(&mut out, "    ", " Every registered code, ascending.");
    examples(&mut out, kind, &["assert!(CloseCode::ALL.iter().all(|code| code.is_known()));".to_owned()]);
    let items: Vec<String> =
        registry.codes.iter().map(|code| format!("CloseCode::{}", identifier(&code.name))).collect();
    array(&mut out, "    ", "pub const ALL: &'static [CloseCode] = &[", &items, "];");
    out
}

/// `prefix item, item, ... suffix` on one line when it fits in 100 columns, else one item per line.
fn array(out: &mut String, indent: &str, prefix: &str, items: &[String], suffix: &str) {
    let width = indent.len() + prefix.len() + suffix.len() + items.iter().map(|item| item.len() + 2).sum::<usize>();
    if items.is_empty() || width <= 100 {
        let _ = writeln!(out, "{indent}{prefix}{}{suffix}", items.join(", "));
    } else {
        let _ = writeln!(out, "{indent}{prefix}");
        for item in items {
            let _ = writeln!(out, "{indent}    {item},");
        }
        let _ = writeln!(out, "{indent}{suffix}");
    }
}

/// `entry` (a registered code's entry, one `match` on the number) and `label` (where the title of
/// any number is in `TEXTS`: two loads from the tables of [`label_tables`]).
fn lookups(registry: &Registry, labels: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(registry.codes.len() * 80 + 1024);
    out.push_str("    #[inline]\n    const fn entry(self) -> Option<&'static Entry> {\n");
    // Most numbers lie outside the registered ones: one predictable comparison answers them
    // before the `match` (rustc would otherwise search its arms).
    if let (Some(first), Some(last)) = (registry.codes.first(), registry.codes.last())
        && let Some(outside) = crate::emit::outside("self.0", first.code, last.code)
    {
        let _ = writeln!(out, "        if {outside} {{\n            return None;\n        }}");
    }
    out.push_str("        match self.0 {\n");
    for (index, code) in registry.codes.iter().enumerate() {
        let _ = writeln!(out, "            {} => Some(&ENTRIES[{index}]),", code.code);
    }
    out.push_str("            _ => None,\n        }\n    }\n");
    doc(&mut out, "    ", " Where the title of this number is in `TEXTS`, in one step: the code's own, else its");
    doc(&mut out, "    ", " range's, else that of a number outside every range. Its description follows it, one");
    doc(&mut out, "    ", " text per locale later.");
    out.push_str("    #[inline]\n    const fn label(self) -> usize {\n");
    // Most of the u16 space is usually one stretch at the top (above the last range, or the
    // last range itself): there one comparison answers, and the tables are not read.
    if let Some(&(start, 65535, index)) = super::super::label_pieces(registry).last()
        && start < 65535 - 255
    {
        let _ = writeln!(out, "        if self.0 >= {start} {{");
        let _ = writeln!(out, "            return {};", labels[index].0);
        out.push_str("        }\n");
    }
    out.push_str("        let block = LABEL_BLOCKS[(self.0 >> 8) as usize] as usize;\n");
    out.push_str("        LABEL_TEXTS[block + (self.0 & 0xFF) as usize] as usize\n");
    out.push_str("    }\n");
    out
}

/// `LABEL_BLOCKS` and `LABEL_TEXTS`, at the top level: the `TEXTS` index of the title of every
/// number 0-65535, in blocks of 256 numbers, each distinct block written once. A `match` over the
/// pieces would compare the number a few times (a binary search); these answer any number with
/// two loads and no branch, from a few KiB for a registry like `codes.toml` and at most 256
/// blocks for any registry. `LABEL_BLOCKS` holds where each block starts in `LABEL_TEXTS` (a
/// multiple of 256), so that the second index is one addition. `labels` are in the order of
/// [`crate::emit::label_pieces`]; each description follows its title in `TEXTS`.
fn label_tables(out: &mut String, registry: &Registry, labels: &[(usize, usize)]) {
    let locales = registry.locales.len();
    let mut titles = vec![0usize; 1 << 16];
    for (start, end, index) in super::super::label_pieces(registry) {
        let (title, description) = labels[index];
        debug_assert_eq!(description, title + locales, "a description follows its title in TEXTS");
        titles[usize::from(start)..=usize::from(end)].fill(title);
    }
    let mut blocks: Vec<&[usize]> = Vec::new();
    let mut starts = [0usize; 256];
    for (high, numbers) in titles.chunks(256).enumerate() {
        let block = blocks.iter().position(|block| *block == numbers).unwrap_or_else(|| {
            blocks.push(numbers);
            blocks.len() - 1
        });
        starts[high] = block * 256;
    }
    doc(out, "", " Where the titles of the 256 numbers from `n & !0xFF` start in `LABEL_TEXTS`, for each `n >> 8`.");
    out.push_str("#[rustfmt::skip]\n");
    out.push_str("static LABEL_BLOCKS: [u16; 256] = [\n");
    numbers(out, "    ", &starts);
    out.push_str("];\n");
    doc(out, "", " Where the title of each number `n` is in `TEXTS`: at `LABEL_BLOCKS[n >> 8] + (n & 0xFF)`,");
    doc(out, "", " in blocks of 256 numbers.");
    out.push_str("#[rustfmt::skip]\n");
    let _ = writeln!(out, "static LABEL_TEXTS: [Texts; {}] = [", blocks.len() * 256);
    for (index, block) in blocks.iter().enumerate() {
        let _ = writeln!(out, "    // {}", index * 256);
        numbers(out, "    ", block);
    }
    out.push_str("];\n");
}

/// `numbers`, sixteen a line at `indent`, each followed by a comma.
fn numbers(out: &mut String, indent: &str, numbers: &[usize]) {
    for line in numbers.chunks(16) {
        out.push_str(indent);
        for (at, number) in line.iter().enumerate() {
            if at > 0 {
                out.push(' ');
            }
            let _ = write!(out, "{number},");
        }
        out.push('\n');
    }
}

/// `NAMES`, `Entry` and `ENTRIES`, at the top level.
fn statics(registry: &Registry, indices: &[CodeTexts]) -> String {
    let mut out = String::with_capacity(registry.codes.len() * 512 + 4096);
    let mut names: Vec<(&str, u16)> = registry
        .codes
        .iter()
        .flat_map(|code| std::iter::once(&code.name).chain(&code.aliases).map(|name| (name.as_str(), code.code)))
        .collect();
    names.sort_unstable();
    doc(&mut out, "", " Constant names and aliases, sorted, with their codes.");
    let _ = writeln!(out, "const NAMES: [(&str, u16); {}] = [", names.len());
    for (name, code) in names {
        out.push_str("    (");
        string(&mut out, name);
        let _ = writeln!(out, ", {code}),");
    }
    out.push_str("];\n");
    out.push_str(ENTRY_STRUCT);
    let _ = writeln!(out, "static ENTRIES: [Entry; {}] = [", registry.codes.len());
    let some = |index: Option<usize>, wrap: fn(usize) -> String| index.map_or_else(|| "None".to_owned(), wrap);
    for (code, at) in registry.codes.iter().zip(indices) {
        out.push_str("    Entry {\n        name: ");
        string(&mut out, &code.name);
        let _ = writeln!(out, ",\n        aliases: text_slice({}, {}),", at.aliases, code.aliases.len());
        let _ = writeln!(out, "        iana_name: {},", some(at.iana_name, |i| format!("Some(TEXTS[{i}])")));
        let _ = writeln!(out, "        reference: {},", some(at.reference, |i| format!("Some({i})")));
        let _ = writeln!(out, "        url: {},", some(at.url, |i| format!("Some(TEXTS[{i}])")));
        let _ = writeln!(out, "        sender: Sender::{},", upper_camel(code.sender.key()));
        let _ = writeln!(out, "        reconnect: Reconnect::{},", upper_camel(code.reconnect.key()));
        out.push_str("    },\n");
    }
    out.push_str("];\n");
    out
}

const ENTRY_STRUCT: &str = "\
/// What the registry says about one registered code (its title and description: `CloseCode::label`).
struct Entry {
    name: &'static str,
    aliases: &'static [&'static str],
    iana_name: Option<&'static str>,
    reference: Option<Texts>,
    url: Option<&'static str>,
    sender: Sender,
    reconnect: Reconnect,
}
/// Registered codes, ascending; `CloseCode::entry` maps numbers to indices.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_use_line_comments_unless_the_text_needs_escapes() {
        let mut out = String::new();
        doc(&mut out, "    ", " plain 文本 ");
        doc(&mut out, "", " two\nlines");
        doc(&mut out, "", " bidi \u{202e}");
        assert_eq!(out, "    /// plain 文本\n#[doc = \" two\\nlines\"]\n#[doc = \" bidi \\u{202e}\"]\n");
    }

    #[test]
    fn arrays_break_only_when_they_do_not_fit() {
        let mut out = String::new();
        array(&mut out, "", "const A: [u8; 2] = [", &["1".to_owned(), "2".to_owned()], "];");
        let long: Vec<String> = (0..30).map(|n| format!("item_{n}")).collect();
        array(&mut out, "", "const B = [", &long, "];");
        assert!(out.starts_with("const A: [u8; 2] = [1, 2];\nconst B = [\n    item_0,\n"));
        assert!(out.ends_with("    item_29,\n];\n"));
    }

    #[test]
    fn splicing_replaces_each_placeholder_line() {
        let formatted = "const __TABLES_TEXTS: () = ();\na\n    const __TABLES_CONSTS: () = ();\n        const __TABLES_SENDABLE: () = ();\nb\n    const __TABLES_LOOKUPS: () = ();\nconst __TABLES_STATICS: () = ();\nc\n";
        let pieces =
            ["t\n".to_owned(), "    x\n".to_owned(), "        s\n".to_owned(), "    y\n".to_owned(), "z\n".to_owned()];
        assert_eq!(splice(formatted, &pieces), "t\na\n    x\n        s\nb\n    y\nz\nc\n");
    }

    /// What rustfmt (default configuration) makes of `is_sendable` with `body`.
    fn rustfmt(body: &str) -> String {
        use std::io::Write as _;
        let source = format!(
            "pub struct CloseCode(u16);\nimpl CloseCode {{\n    pub const fn is_sendable(self) -> bool {{\n{body}    }}\n}}\n"
        );
        let mut child = std::process::Command::new("rustfmt")
            .args(["--edition", "2024", "--emit", "stdout"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("rustfmt runs (it comes with the Rust toolchain)");
        child.stdin.take().unwrap().write_all(source.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "rustfmt failed on:\n{source}");
        let formatted = String::from_utf8(output.stdout).unwrap();
        assert_eq!(formatted, source, "rustfmt changes the generated pattern");
        formatted
    }

    #[test]
    fn the_pattern_of_sendable_runs_is_as_rustfmt_writes_it() {
        let short = sendable_runs(&[(1000, 1003), (1007, 1014), (3000, 4999)]);
        assert_eq!(
            short,
            "        if self.0 < 1000 || self.0 > 4999 {\n            return false;\n        }\n        matches!(self.0, 1000..=1003 | 1007..=1014 | 3000..=4999)\n"
        );
        rustfmt(&short);
        // Many runs (an application's local codes split 3000-4999): one run per line.
        let mut runs = vec![(1000, 1003), (1007, 1014)];
        runs.extend((0..12).map(|i| (3000 + 10 * i, 3008 + 10 * i)));
        runs.push((3125, 3125));
        let long = sendable_runs(&runs);
        assert!(long.lines().count() > runs.len(), "{long}");
        rustfmt(&long);
        // One run: the pattern alone, which is that comparison already.
        assert_eq!(sendable_runs(&[(3000, 4999)]), "        matches!(self.0, 3000..=4999)\n");
        rustfmt(&sendable_runs(&[(3000, 4999)]));
        rustfmt(&sendable_runs(&[]));
        rustfmt(&sendable_runs(&[(0, u16::MAX)]));
    }
}
