//! The Markdown emitter: one mdBook per locale, `<docs>/<locale>/`, ready to publish.
//!
//! Each book has two pages: the overview (`index.md`: what close codes are, the ranges, a table of
//! every code, how to choose a code, the browser rule, the reconnect hints and senders) and the
//! reference (`codes.md`: a section per code, each after a `code-<number>` anchor). Every page
//! starts with links to the same page in the other locales (`../ru/codes.md`), which work on a
//! forge as they are and in the built books, where mdBook rewrites `.md` to `.html`.
//!
//! Registry text reaches the pages only through [`escape`]; the text around it is [`prose`].

pub mod at_close;
pub mod escape;
pub mod prose;

use std::fmt::Write as _;
use std::path::{Component, Path};

use super::{BookOptions, Comments, Header, Output, TARGETS, Target};
use crate::files::{GeneratedFile, Plan};
use crate::model::{Code, Label, Range, Reconnect, Registry, Sender, Texts};
use prose::Prose;

/// The overview page of every book.
pub const OVERVIEW: &str = "index.md";

/// The page with a section per code.
pub const REFERENCE: &str = "codes.md";

/// The pages of every book, in reading order.
#[cfg_attr(not(feature = "internals"), expect(dead_code, reason = "for this repository's docs tests (`internals`)"))]
pub const PAGES: [&str; 3] = [OVERVIEW, REFERENCE, at_close::AT_CLOSE];

/// The id of the anchor before a code's section, the same in every locale.
pub fn anchor(code: u16) -> String {
    format!("code-{code}")
}

/// The docs: one mdBook per locale under the output directory, which holds only generated files.
pub struct Markdown;

impl Target for Markdown {
    fn starter(&self) -> Option<super::Starter> {
        Some(super::Starter {
            path: "docs/close-codes",
            keys: &[],
            what: "a directory of Markdown pages, one book per locale",
            detect: &[],
        })
    }

    fn key(&self) -> &'static str {
        "markdown"
    }

    fn name(&self) -> &'static str {
        "Markdown"
    }

    fn extension(&self) -> Option<&'static str> {
        None
    }

    fn standard(&self) -> Output {
        Output::package_source("docs")
    }

    fn plan(&self, registry: &Registry, header: &Header, output: &Output, plan: &mut Plan) {
        for file in emit_books(registry, header, &output.path, &output.book) {
            plan.file(file.path, file.contents);
        }
        plan.directory(&output.path);
    }
}

/// Emits every book: `book.toml`, `SUMMARY.md` and the pages, under `directory/<locale>/`, with
/// an application's book titles and build directory.
pub fn emit_books(registry: &Registry, header: &Header, directory: &Path, options: &BookOptions) -> Vec<GeneratedFile> {
    let mut files = Vec::new();
    for (index, locale) in registry.locales.iter().enumerate() {
        let prose = prose::for_locale(locale);
        let title = options.titles.iter().find(|(tag, _)| tag == locale).map_or(prose.book_title, |(_, t)| t.as_str());
        let build_dir = options.build_dir.as_deref().unwrap_or(Path::new("target/book"));
        let book = Book { registry, header, index, locale, prose, title, build_dir };
        let root = directory.join(locale);
        let mut add = |name: &str, contents: String| files.push(GeneratedFile { path: root.join(name), contents });
        add("book.toml", book.book_toml(directory));
        add("SUMMARY.md", book.summary());
        add(OVERVIEW, book.overview());
        add(REFERENCE, book.reference());
        add(at_close::AT_CLOSE, book.at_close());
    }
    files
}

/// One locale's book.
struct Book<'a> {
    registry: &'a Registry,
    header: &'a Header,
    /// The locale's index in [`Registry::locales`].
    index: usize,
    locale: &'a str,
    prose: &'static Prose,
    /// The book's title: the application's, else the default of the locale.
    title: &'a str,
    /// Where mdBook writes the books, relative to the output root.
    build_dir: &'a Path,
}

impl Book<'_> {
    /// The registry's text in this book's locale.
    fn text<'t>(&self, texts: &'t Texts) -> &'t str {
        texts.get(self.index)
    }

    fn yes_no(&self, yes: bool) -> &'static str {
        if yes { self.prose.yes } else { self.prose.no }
    }

    fn book_toml(&self, directory: &Path) -> String {
        // Build next to the other build output, so a plain `mdbook build` leaves the generated
        // directory clean (the drift check would report anything else in it as stale).
        let depth = directory.components().filter(|c| matches!(c, Component::Normal(_))).count() + 1;
        let build_dir: String =
            self.build_dir.components().map(|c| format!("{}/", c.as_os_str().to_string_lossy())).collect();
        let build_dir = format!("{}{build_dir}{}", "../".repeat(depth), self.locale);
        let mut out = self.header.comment(Comments::Hash);
        out.push_str("[book]\n");
        let _ = writeln!(out, "title = {}", toml_string(self.title));
        let _ = writeln!(out, "language = {}", toml_string(self.locale));
        out.push_str("src = \".\"\n\n[build]\n");
        let _ = writeln!(out, "build-dir = {}", toml_string(&build_dir));
        out.push_str("create-missing = false\n\n[output.html]\n");
        // Registry text is shown as written: no curly quotes or dashes made from `"` and `--`.
        out.push_str("smart-punctuation = false\n");
        out
    }

    fn summary(&self) -> String {
        let p = self.prose;
        let mut out = format!("{}\n# {}\n\n", self.header.comment(Comments::Html), p.summary_title);
        let _ = write!(out, "[{}]({OVERVIEW})\n\n[{}]({REFERENCE})\n", p.overview_title, p.reference_title);
        let _ = write!(out, "\n[{}]({})\n", at_close::for_locale(self.locale).title, at_close::AT_CLOSE);
        out
    }

    /// The `@generated` comment and the language switch.
    fn page_start(&self, page: &str) -> String {
        let links: Vec<String> = self
            .registry
            .locales
            .iter()
            .map(|other| {
                let name = escape::inline(prose::language_name(other));
                if other == self.locale {
                    format!("**{name}**")
                } else {
                    format!("[{name}]({})", escape::destination(&format!("../{other}/{page}")))
                }
            })
            .collect();
        format!("{}\n{}\n\n", self.header.comment(Comments::Html), links.join(" · "))
    }

    fn overview(&self) -> String {
        let p = self.prose;
        let r = self.registry;
        let mut out = self.page_start(OVERVIEW);
        let _ = write!(out, "# {}\n\n{}\n\n", escape::inline(self.title), p.introduction.join("\n\n"));

        let _ = write!(out, "## {}\n\n{}\n\n", p.ranges_heading, p.ranges_introduction);
        out.push_str(&table(&p.ranges_columns, self.range_rows()));

        let _ = write!(out, "\n## {}\n\n{}\n\n", p.codes_heading, p.codes_introduction);
        let rows = r.codes.iter().map(|code| self.code_row(code)).collect();
        out.push_str(&table(&p.codes_columns, rows));

        let _ = writeln!(out, "\n## {}\n", p.choosing_heading);
        for advice in p.choosing {
            let _ = writeln!(out, "- {advice}");
        }
        let _ = write!(out, "\n## {}\n\n{}\n", p.browser_heading, p.browser.join("\n\n"));

        let _ = write!(out, "\n## {}\n\n{}\n\n", p.interop_heading, p.interop_introduction);
        for library in p.interop {
            let _ = writeln!(out, "- {library}");
        }
        let _ = write!(out, "\n{}\n", p.interop_advice);

        let _ = write!(out, "\n## {}\n\n{}\n\n", p.hints_heading, p.hints_introduction);
        let rows = Reconnect::ALL.iter().map(|hint| self.label_row(r.reconnect_label(*hint))).collect();
        out.push_str(&table(&p.hints_columns, rows));

        let _ = write!(out, "\n## {}\n\n", p.senders_heading);
        let rows = Sender::ALL.iter().map(|sender| self.label_row(r.sender_label(*sender))).collect();
        out.push_str(&table(&p.senders_columns, rows));
        out
    }

    /// A row per range, and one for each gap between them, covering 0..=65535.
    fn range_rows(&self) -> Vec<Vec<String>> {
        let r = self.registry;
        let mut rows = Vec::new();
        let gap_row = |start: u32, end: u32| {
            let cells = [&r.out_of_range.title, &r.reconnect_label(r.out_of_range_reconnect).title];
            vec![numbers(start, end), self.cell(cells[0]), self.yes_no(false).to_owned(), self.cell(cells[1])]
        };
        let mut next = 0u32;
        for range in &r.ranges {
            if u32::from(range.start) > next {
                rows.push(gap_row(next, u32::from(range.start) - 1));
            }
            // A range whose every number has an entry (1000-1015) answers nothing of its own.
            let (sendable, hint) = if every_number_has_an_entry(r, range) {
                (self.prose.ranges_per_code.to_owned(), self.prose.ranges_per_code.to_owned())
            } else {
                (self.yes_no(range.sendable).to_owned(), self.cell(&r.reconnect_label(range.reconnect).title))
            };
            rows.push(vec![
                numbers(range.start.into(), range.end.into()),
                self.cell(&range.label.title),
                sendable,
                hint,
            ]);
            next = u32::from(range.end) + 1;
        }
        if next <= u32::from(u16::MAX) {
            rows.push(gap_row(next, u16::MAX.into()));
        }
        rows
    }

    fn code_row(&self, code: &Code) -> Vec<String> {
        let link = format!("{REFERENCE}#{}", anchor(code.code));
        vec![
            format!("[{}]({})", code.code, escape::destination(&link)),
            self.cell(&code.label.title),
            self.yes_no(code.sendable).to_owned(),
            self.cell(&self.registry.sender_label(code.sender).title),
            self.cell(&self.registry.reconnect_label(code.reconnect).title),
        ]
    }

    fn cell(&self, texts: &Texts) -> String {
        escape::cell(self.text(texts))
    }

    /// A hint's or a sender's title and description.
    fn label_row(&self, label: &Label) -> Vec<String> {
        vec![self.cell(&label.title), self.cell(&label.description)]
    }

    fn reference(&self) -> String {
        let p = self.prose;
        let mut out = self.page_start(REFERENCE);
        let _ = write!(out, "# {}\n\n{}\n", p.reference_title, p.reference_introduction);
        for code in &self.registry.codes {
            out.push('\n');
            self.code_section(&mut out, code);
        }
        out
    }

    /// The section of one code, appended to the page `out`.
    fn code_section(&self, out: &mut String, code: &Code) {
        let f = &self.prose.facts;
        let r = self.registry;
        let none = self.prose.none;
        let _ = write!(out, "<div id=\"{}\"></div>\n\n## {} ", anchor(code.code), code.code);
        escape::push_inline(out, self.text(&code.label.title));
        out.push_str("\n\n");
        escape::push_paragraphs(out, self.text(&code.label.description));
        out.push_str("\n\n");
        // One list item per fact, each ended by the next one's start or by the constants' item.
        let fact = |out: &mut String, label: &str| {
            let _ = write!(out, "- **{label}** ");
        };
        fact(out, f.iana_name);
        match &code.iana_name {
            Some(name) => escape::push_inline(out, name),
            None => out.push_str(none),
        }
        out.push('\n');
        fact(out, f.reference);
        match (code.reference.as_ref().map(|texts| self.text(texts)), &code.url) {
            (Some(text), Some(url)) => {
                out.push('[');
                escape::push_inline(out, text);
                let _ = write!(out, "]({})", escape::destination(url));
            }
            (Some(text), None) => escape::push_inline(out, text),
            (None, Some(url)) => {
                let _ = write!(out, "<{}>", escape::destination(url));
            }
            (None, None) => out.push_str(none),
        }
        out.push('\n');
        fact(out, f.sendable);
        out.push_str(self.yes_no(code.sendable));
        out.push('\n');
        fact(out, f.sender);
        escape::push_inline(out, self.text(&r.sender_label(code.sender).title));
        out.push('\n');
        fact(out, f.reconnect);
        escape::push_inline(out, self.text(&r.reconnect_label(code.reconnect).title));
        out.push('\n');
        fact(out, f.aliases);
        if code.aliases.is_empty() {
            out.push_str(none);
        }
        for (index, alias) in code.aliases.iter().enumerate() {
            if index > 0 {
                out.push_str(", ");
            }
            out.push_str(&escape::code_span(alias, false));
        }
        let _ = writeln!(out, "\n- **{}**", f.constant);
        for target in TARGETS {
            if let Some(constant) = target.constant(&code.name) {
                let _ = writeln!(out, "  - {}: {}", target.name(), escape::code_span(&constant, false));
            }
        }
    }
}

/// `1000–2999` (an en dash, right in every locale's typography), or `1004` for a range of one.
pub fn numbers(start: u32, end: u32) -> String {
    if start == end { start.to_string() } else { format!("{start}\u{2013}{end}") }
}

/// Does every number of `range` have an entry of its own (as in 1000-1015)?
pub fn every_number_has_an_entry(registry: &Registry, range: &Range) -> bool {
    let entries = registry.codes.iter().filter(|code| range.contains(code.code)).count();
    entries == usize::from(range.end - range.start) + 1
}

/// A GFM table; `columns` are prose, `rows` escaped cells.
fn table(columns: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(cell);
            out.push_str(" |");
        }
        out.push('\n');
    };
    line(&mut columns.iter().copied());
    line(&mut columns.iter().map(|_| "---"));
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
