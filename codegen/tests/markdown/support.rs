//! What the Markdown tests work on: the docs of `codes.toml` and of a hostile registry, and a
//! parser that turns a page back into what a reader sees.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ws_close_codes_codegen::emit::markdown::PAGES;
use ws_close_codes_codegen::model::{Reconnect, Sender};
use ws_close_codes_codegen::{Registry, Targets, load};

// ---------------------------------------------------------------------------------------------
// The registries and their docs

/// Every generated file under `docs/`, by path.
pub struct Docs {
    pub registry: Registry,
    pub files: BTreeMap<PathBuf, String>,
}

impl Docs {
    pub fn of(name: &str, text: &str) -> Docs {
        let loaded = load(name, text).unwrap_or_else(|diagnostics| {
            let text: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            panic!("{name} does not load:\n{}", text.join("\n"))
        });
        let targets = Targets::standard().only("markdown");
        let plan = targets.plan(&loaded.registry, "cargo xtask gen", name);
        let files = plan.files.into_iter().map(|file| (file.path, file.contents)).collect();
        Docs { registry: loaded.registry, files }
    }

    pub fn file(&self, path: &Path) -> &str {
        self.files.get(path).unwrap_or_else(|| panic!("{} was not generated", path.display()))
    }

    pub fn page(&self, locale: &str, page: &str) -> (PathBuf, Vec<Block>) {
        let path = Path::new("docs").join(locale).join(page);
        let blocks = parse(self.file(&path));
        (path, blocks)
    }
}

pub fn standard() -> Docs {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../codes.toml");
    let text = std::fs::read_to_string(&path).expect("codes.toml is readable");
    Docs::of("codes.toml", &text)
}

/// Texts that would turn into markup, HTML, entities or mdBook directives if they were not escaped.
pub const HOSTILE: &[&str] = &[
    "a | pipe, an escaped \\| pipe and a trailing backslash \\",
    "`code`, ``double ticks``, a lone ` backtick and ```three```",
    "*stars* **strong** _under_ __double__ snake_case_name ***both***",
    "<b>bold</b> <br> <!-- comment --> <http://example.com> &amp; &copy; &#123; & < >",
    "{{#include x}} {{ #title Evil }} \\{{#include y}} {#custom-id} {{#playground z}}",
    "first line\nsecond line\n\n# not a heading\n- not a list\n+ nor this\n* nor this\n1. nor this\n2) nor this\n\
     > not a quote\n> [!NOTE]\n=====\n---\n***\n___\n: not a definition\n    not code\n```\n~~~\n\
     | a | b |\n|---|---|\n<div>not html</div>\n[^1]: not a footnote",
    "[link](http://x) ![image](y.png) [^1] [[wiki]] [ ] task [x] done",
    "$x$ $$y$$ ^sup^ ~sub~ ~~strike~~ H~2~O",
    "  padded  \n\n\n   lines   \n  ",
    "ends with a backslash\\\nand goes on",
    "- starts like a list item",
    "# starts like a heading #",
    "1. starts like an ordered list",
    "Title {#id}",
    "Title {.class key=value}",
];

/// A registry in `en` and `de` (a locale without prose of its own) whose every text is hostile.
pub fn hostile() -> Docs {
    let mut next = 0;
    let mut text = || {
        next += 1;
        HOSTILE[next % HOSTILE.len()]
    };
    let mut label = |indent: &str| {
        let mut out = String::new();
        for key in ["title", "description"] {
            for locale in ["en", "de"] {
                out.push_str(&format!("{indent}{key}.{locale} = {}\n", quoted(text())));
            }
        }
        out
    };
    let mut toml = String::from("locales = [\"en\", \"de\"]\nfallback = \"en\"\n");
    toml.push_str("\n[out_of_range]\nreconnect = \"never\"\n");
    toml.push_str(&label(""));
    for hint in Reconnect::ALL {
        toml.push_str(&format!("\n[reconnect.{}]\n{}", hint.key(), label("")));
    }
    for sender in Sender::ALL {
        toml.push_str(&format!("\n[sender.{}]\n{}", sender.key(), label("")));
    }
    let ranges = [("protocol", 1000, 2999, false, "never"), ("private", 4000, 4999, true, "unspecified")];
    for (id, start, end, sendable, hint) in ranges {
        toml.push_str(&format!(
            "\n[[range]]\nid = \"{id}\"\nstart = {start}\nend = {end}\n\
             sendable = {sendable}\nreconnect = \"{hint}\"\n{}",
            label("")
        ));
    }
    let one_line: Vec<&str> = HOSTILE.iter().copied().filter(|t| !t.contains('\n')).collect();
    for (i, sender) in Sender::ALL.iter().chain(Sender::ALL.iter()).chain(Sender::ALL.iter()).enumerate() {
        let sendable = !matches!(sender, Sender::Local | Sender::None);
        let hint = Reconnect::ALL[i % Reconnect::ALL.len()].key();
        let aliases =
            if i % 2 == 0 { format!("[\"OLD_HOSTILE_{i}\", \"OLDER_HOSTILE_{i}\"]") } else { "[]".to_owned() };
        toml.push_str(&format!(
            "\n[[code]]\ncode = {}\nname = \"HOSTILE_{i}\"\naliases = {aliases}\niana_name = {}\nreference.en = {}\nreference.de = {}\n\
             url = \"https://example.com/p(1)?a=1&amp;b=<x>{{{{#title}}}}|`\\\\{i}\"\nsendable = {sendable}\n\
             sender = \"{}\"\nreconnect = \"{hint}\"\n{}",
            4000 + i,
            quoted(one_line[i % one_line.len()]),
            quoted(one_line[(i + 3) % one_line.len()]),
            quoted(one_line[(i + 5) % one_line.len()]),
            sender.key(),
            label("")
        ));
    }
    Docs::of("hostile.toml", &toml)
}

/// `text` as a TOML string, written by the toml crate.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

pub fn both() -> [Docs; 2] {
    [standard(), hostile()]
}

// ---------------------------------------------------------------------------------------------
// What a reader sees

/// Every extension pulldown-cmark has, so that escaping is checked against all of them; smart
/// punctuation is off, as in the generated `book.toml`.
fn options() -> Options {
    (Options::all() - Options::ENABLE_SMART_PUNCTUATION - Options::ENABLE_OLD_FOOTNOTES) | Options::ENABLE_FOOTNOTES
}

/// Rendered text and the links in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inline {
    pub text: String,
    pub links: Vec<String>,
}

/// A top-level block of a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Html(String),
    Heading(HeadingLevel, Option<String>, Inline),
    Paragraph(Inline),
    /// Every item, nested ones flattened in order.
    List(Vec<Inline>),
    /// A table's header, rows, and how many cells the source of the header and of each row
    /// writes (GFM would quietly drop extra cells or pad missing ones).
    Table {
        head: Vec<Inline>,
        rows: Vec<Vec<Inline>>,
        written: Vec<usize>,
    },
    /// Anything else: a code block, a quote, a rule, math... The docs never contain one.
    Other(String),
}

pub fn parse(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = Inline::default();
    let (mut list_depth, mut items) = (0, Vec::new());
    let (mut head, mut rows, mut row, mut in_head) = (Vec::new(), Vec::new(), Vec::new(), false);
    let mut written = Vec::new();
    let mut heading = None;
    let take = std::mem::take::<Inline>;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph | Tag::TableCell | Tag::Item) => current = Inline::default(),
            Event::End(TagEnd::Paragraph) if list_depth == 0 => blocks.push(Block::Paragraph(take(&mut current))),
            Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|id| id.to_string())));
                current = Inline::default();
            }
            Event::End(TagEnd::Heading(_)) => {
                let (level, id) = heading.take().expect("a heading started");
                blocks.push(Block::Heading(level, id, take(&mut current)));
            }
            Event::Start(Tag::List(_)) => {
                if list_depth > 0 && current != Inline::default() {
                    items.push(take(&mut current));
                }
                list_depth += 1;
            }
            Event::End(TagEnd::Item) if current != Inline::default() => items.push(take(&mut current)),
            Event::End(TagEnd::Item) => {}
            Event::End(TagEnd::List(_)) => {
                list_depth -= 1;
                if list_depth == 0 {
                    blocks.push(Block::List(std::mem::take(&mut items)));
                }
            }
            Event::Start(Tag::Table(_)) => (head, rows, written) = (Vec::new(), Vec::new(), Vec::new()),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                written.push(written_cells(&markdown[range]));
            }
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => {
                row = Vec::new();
                written.push(written_cells(&markdown[range]));
            }
            Event::End(TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::End(TagEnd::TableCell) if in_head => head.push(take(&mut current)),
            Event::End(TagEnd::TableCell) => row.push(take(&mut current)),
            Event::End(TagEnd::Table) => blocks.push(Block::Table {
                head: std::mem::take(&mut head),
                rows: std::mem::take(&mut rows),
                written: std::mem::take(&mut written),
            }),
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Html(html) => blocks.push(Block::Html(html.trim_end().to_owned())),
            Event::Start(Tag::Link { dest_url, .. }) => current.links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {}
            Event::Start(Tag::Strong | Tag::Emphasis) | Event::End(TagEnd::Strong | TagEnd::Emphasis) => {}
            Event::Text(text) | Event::Code(text) => current.text.push_str(&text),
            Event::SoftBreak => current.text.push(' '),
            Event::HardBreak => current.text.push('\n'),
            Event::InlineHtml(html) if &*html == "<br>" => current.text.push('\n'),
            // Anything else must not occur; recording it makes the comparison fail visibly.
            Event::InlineHtml(other) => current.text.push_str(&format!("<<inline HTML {other}>>")),
            other if list_depth == 0 && heading.is_none() => blocks.push(Block::Other(format!("{other:?}"))),
            other => current.text.push_str(&format!("<<{other:?}>>")),
        }
    }
    blocks
}

/// How many cells a table row's source writes: GFM (cmark-gfm and pulldown-cmark alike) splits it
/// at every `|` not right after a backslash, in code spans too; a leading and a trailing pipe are
/// optional.
fn written_cells(row: &str) -> usize {
    let row = row.trim();
    let mut separators = Vec::new();
    let mut previous = None;
    for (at, c) in row.char_indices() {
        if c == '|' && previous != Some('\\') {
            separators.push(at);
        }
        previous = Some(c);
    }
    let leading = separators.first() == Some(&0);
    let trailing = row.len() > 1 && separators.last() == Some(&(row.len() - 1));
    separators.len() + 1 - usize::from(leading) - usize::from(trailing)
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']).map(|line| line.trim_matches([' ', '\t']))
}

/// How a heading or a list item shows `text`.
pub fn one_line(text: &str) -> String {
    lines(text).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// How a table cell shows `text`.
pub fn cell(text: &str) -> String {
    lines(text).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// How a description shows `text`: one string per paragraph.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = vec![Vec::new()];
    for line in lines(text) {
        match out.last_mut() {
            Some(current) if !line.is_empty() => current.push(line),
            Some(current) if !current.is_empty() => out.push(Vec::new()),
            _ => {}
        }
    }
    out.into_iter().filter(|p| !p.is_empty()).map(|p| p.join("\n")).collect()
}

pub fn texts(cells: &[Inline]) -> Vec<&str> {
    cells.iter().map(|c| c.text.as_str()).collect()
}

pub fn tables(blocks: &[Block]) -> impl Iterator<Item = (&Vec<Inline>, &Vec<Vec<Inline>>)> {
    blocks.iter().filter_map(|block| match block {
        Block::Table { head, rows, .. } => Some((head, rows)),
        _ => None,
    })
}

/// The rows of the table whose header is `columns`.
pub fn table_with<'b>(blocks: &'b [Block], columns: &[&str], path: &Path) -> &'b [Vec<Inline>] {
    let mut found = tables(blocks).filter(|(head, _)| texts(head) == columns);
    let (_, rows) = found.next().unwrap_or_else(|| panic!("{}: no table with columns {columns:?}", path.display()));
    assert!(found.next().is_none(), "{}: two tables with columns {columns:?}", path.display());
    rows
}

pub fn for_each_page(docs: &Docs, mut check: impl FnMut(&str, &str, &Path, &[Block])) {
    for locale in &docs.registry.locales {
        for page in PAGES {
            let (path, blocks) = docs.page(locale, page);
            check(locale, page, &path, &blocks);
        }
    }
}

pub fn links(blocks: &[Block]) -> Vec<&str> {
    let mut out = Vec::new();
    for block in blocks {
        let inlines: Vec<&Inline> = match block {
            Block::Heading(_, _, inline) | Block::Paragraph(inline) => vec![inline],
            Block::List(items) => items.iter().collect(),
            Block::Table { head, rows, .. } => head.iter().chain(rows.iter().flatten()).collect(),
            Block::Html(_) | Block::Other(_) => vec![],
        };
        out.extend(inlines.into_iter().flat_map(|inline| inline.links.iter().map(String::as_str)));
    }
    out
}

/// `docs/en/../ru/index.md` -> `docs/ru/index.md`.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => assert!(out.pop(), "{} leaves the docs", path.display()),
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
