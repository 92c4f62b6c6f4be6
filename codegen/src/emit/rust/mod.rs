//! The Rust emitter: one `no_std`, dependency-free source file.
//!
//! The parts that are the same for every registry, and the few items per range or locale, are
//! built with `quote!`, parsed with `syn` and printed with `prettyplease`; the per-code tables and
//! the `TEXTS` table are written as text ([`tables`]) and spliced in, so the time per code is that
//! of writing text. The output depends only on `Cargo.lock`. Texts reach the output only as string
//! literals and doc comments made by `quote` or by the shared escaping core.

use std::cell::RefCell;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Comments, Header, Layout, NameKind, Output, Target};
use crate::files::Plan;

mod at_close;
mod close_code;
mod locale;
mod range;
mod serde;
mod tables;
mod vocabulary;

use crate::model::naming::{screaming_snake, upper_camel};
use crate::model::{Label, Reconnect, Registry, Sender};
use at_close::at_close;
use close_code::close_code;
use locale::locale;
use range::range;
use vocabulary::{reconnect_doc, sender_doc, vocabulary_enum};

/// How the file will be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `lib.rs` of a crate: `#![no_std]` and crate docs with a tested example.
    CrateRoot,
    /// A module an application includes in its own crate (`mod close_codes;` or `include!`),
    /// without crate-level attributes.
    Module,
}

/// Rust keywords (strict, reserved and weak ones that cannot be constants) and the items the
/// generated `CloseCode` and `Range` already define.
const RESERVED: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become",
    "box", "do", "final", "gen", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield", "union",
];

/// Associated constants the generated types define themselves.
const GENERATED_ITEMS: &[&str] = &["ALL", "FALLBACK"];

/// Why `identifier` cannot be a Rust constant, if it cannot.
pub fn reserved(identifier: &str) -> Option<&'static str> {
    if RESERVED.contains(&identifier) {
        Some("a keyword")
    } else if GENERATED_ITEMS.contains(&identifier) {
        Some("an associated constant of the generated types")
    } else {
        None
    }
}

/// The Rust constant for a registry name: the name itself.
pub fn identifier(name: &str) -> String {
    name.to_owned()
}

/// The Rust target: a crate root in this repository, a module in an application.
pub struct Rust;

impl Target for Rust {
    fn key(&self) -> &'static str {
        "rust"
    }

    fn name(&self) -> &'static str {
        "Rust"
    }

    fn extension(&self) -> Option<&'static str> {
        Some("rs")
    }

    fn standard(&self) -> Output {
        Output::package_source("crates/ws-close-codes/src/lib.rs")
    }

    fn identifier(&self, name: &str) -> Option<String> {
        Some(identifier(name))
    }

    /// Range ids are constants too (`Range::PRIVATE_USE`).
    fn reserved(&self, name: &str, kind: NameKind) -> Option<&'static str> {
        super::predicate_clash(name, kind).or_else(|| reserved(name))
    }

    fn constant(&self, name: &str) -> Option<String> {
        Some(format!("CloseCode::{}", identifier(name)))
    }

    fn plan(&self, registry: &Registry, header: &Header, output: &Output, plan: &mut Plan) {
        let kind = match output.layout {
            Layout::Packages => Kind::CrateRoot,
            Layout::Modules => Kind::Module,
        };
        plan.file(&output.path, emit(registry, header, kind));
        if kind == Kind::CrateRoot
            && let Some(directory) = output.path.parent()
        {
            plan.directory(directory);
        }
    }
}

/// Emits the Rust source for `registry`.
pub fn emit(registry: &Registry, header: &Header, kind: Kind) -> String {
    let tokens = file(registry, kind);
    let mut file: syn::File = match syn::parse2(tokens) {
        Ok(file) => file,
        // The tokens come from quote! over validated identifiers; failing here is a generator bug.
        Err(error) => panic!("the Rust emitter produced invalid tokens: {error}"),
    };
    if kind == Kind::Module {
        // The examples name the `ws_close_codes` crate, which an application's module is not.
        syn::visit_mut::VisitMut::visit_file_mut(&mut WithoutExamples, &mut file);
    }
    // The per-code tables and the table of texts are written as text, in place of their
    // placeholders; the texts the rest of the file asked for come first in `TEXTS`.
    let texts = TABLE.with_borrow_mut(std::mem::take);
    let formatted = tables::splice(&prettyplease::unparse(&file), &tables::pieces(registry, kind, texts));
    format!("{}{formatted}", header.comment(Comments::Slashes))
}

/// Removes every `# Examples` section (up to the end of an item's doc attributes).
struct WithoutExamples;

impl syn::visit_mut::VisitMut for WithoutExamples {
    fn visit_attributes_mut(&mut self, attributes: &mut Vec<syn::Attribute>) {
        let is_doc = |attribute: &syn::Attribute| attribute.path().is_ident("doc");
        let heading = attributes.iter().position(|attribute| {
            matches!(&attribute.meta, syn::Meta::NameValue(syn::MetaNameValue {
                value: syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }), ..
            }) if text.value() == " # Examples")
        });
        if let Some(heading) = heading {
            let mut index = 0;
            // The blank doc line before the heading goes too.
            let start = heading.saturating_sub(1);
            attributes.retain(|attribute| {
                let keep = index < start || !is_doc(attribute);
                index += 1;
                keep
            });
        }
        // Any other example names the crate too: it stays, as text rustdoc does not run.
        let mut in_block = false;
        for attribute in attributes.iter_mut() {
            if let syn::Meta::NameValue(syn::MetaNameValue {
                value: syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }),
                ..
            }) = &mut attribute.meta
            {
                let line = text.value();
                if let Some(info) = line.trim_start().strip_prefix("```") {
                    if !in_block && !info.contains("ignore") && !info.contains("text") {
                        *text = syn::LitStr::new(" ```ignore", text.span());
                    }
                    in_block = !in_block;
                }
            }
        }
        for attribute in attributes {
            self.visit_attribute_mut(attribute);
        }
    }
}

fn file(registry: &Registry, kind: Kind) -> TokenStream {
    let crate_attributes = match kind {
        Kind::CrateRoot => {
            let docs = crate_docs(registry);
            quote! {
                #![no_std]
                #(#![doc = #docs])*
                #![forbid(unsafe_code)]
                #![warn(missing_docs)]
            }
        }
        // No inner attributes: the module must also work through `include!`.
        Kind::Module => quote! {},
    };
    TABLE.with_borrow_mut(Vec::clear);
    let locale = locale(registry);
    let reconnect = vocabulary_enum(
        registry,
        "Reconnect",
        &format!(" {}", super::RECONNECT_DOC),
        &Reconnect::ALL.map(|hint| (hint.key(), registry.reconnect_label(hint), reconnect_doc(hint))),
    );
    let sender = vocabulary_enum(
        registry,
        "Sender",
        " Who sends a close code.",
        &Sender::ALL.map(|sender| (sender.key(), registry.sender_label(sender), sender_doc(sender))),
    );
    let range = range(registry);
    let close_code = close_code(registry);
    let at_close = at_close(registry, kind);
    let texts = text_types(registry);
    let serde = match kind {
        Kind::CrateRoot => serde::serde_impls(),
        Kind::Module => quote! {},
    };
    quote! {
        #crate_attributes
        use core::fmt;
        use core::str::FromStr;
        #locale
        #texts
        #reconnect
        #sender
        #range
        #close_code
        #at_close
        #serde
    }
}

fn crate_docs(registry: &Registry) -> Vec<String> {
    let example = registry.codes.iter().find(|code| code.sendable).or(registry.codes.first());
    let mut lines = vec![
        " Every WebSocket close code, generated from one registry.".to_owned(),
        "".to_owned(),
        " [`CloseCode`] wraps any `u16`. Registered codes have a name, an IANA name, a reference, a".to_owned(),
        " sender and a reconnect hint; every code has a title and a description in each [`Locale`]".to_owned(),
        " (unregistered ones get their [`Range`]'s text). [`CloseCode::is_sendable`] says whether a".to_owned(),
        " code may appear in a Close frame, which is a separate question from whether it has a name.".to_owned(),
        "".to_owned(),
        " Sources: [RFC 6455, section 7.4](https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4) and the".to_owned(),
        " [IANA WebSocket Close Code Number Registry](https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number).".to_owned(),
    ];
    if let Some(code) = example {
        let number = code.code;
        let name = &code.name;
        let display =
            format!("{number} {}", code.iana_name.as_deref().unwrap_or(code.label.title.get(registry.fallback)));
        lines.extend([
            "".to_owned(),
            " ```".to_owned(),
            " use ws_close_codes::{CloseCode, Locale};".to_owned(),
            "".to_owned(),
            format!(" let code = CloseCode::from({number});"),
            format!(" assert_eq!(code, CloseCode::{name});"),
            format!(" assert_eq!(code.name(), Some({name:?}));"),
            format!(" assert_eq!(code.to_string(), {display:?});"),
            format!(" assert_eq!(code.is_sendable(), {});", code.sendable),
            " let locale = Locale::negotiate(\"ru-RU\");".to_owned(),
            " println!(\"{}: {}\", code.title(locale), code.description(locale));".to_owned(),
            " ```".to_owned(),
        ]);
    }
    lines
}

/// A number literal without a type suffix (`1000`, not `1000u16`).
fn num(n: impl Into<u64>) -> Literal {
    Literal::u64_unsuffixed(n.into())
}

thread_local! {
    /// Every text of the file being emitted, in the order the emitters ask for them: `file`
    /// empties it first and writes it out last as the `TEXTS` table. One flat table puts each
    /// text on a line of its own, whatever its width, which keeps the output as rustfmt would
    /// format it (arrays of a few texts would be laid out by width, and prettyplease and rustfmt
    /// measure width differently).
    static TABLE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Adds `texts` to the table; returns the index of the first.
fn push_texts(texts: impl IntoIterator<Item = impl AsRef<str>>) -> Literal {
    TABLE.with_borrow_mut(|table| {
        let first = table.len();
        table.extend(texts.into_iter().map(|text| text.as_ref().to_owned()));
        Literal::usize_unsuffixed(first)
    })
}

/// `Texts`, `TEXTS` and the functions that read it; call after every other part of the file.
fn text_types(registry: &Registry) -> TokenStream {
    let _ = registry;
    let texts_placeholder = tables::placeholder(0);
    quote! {
        /// Where a text is in [`TEXTS`]: the index of its first locale; the others follow, in
        /// `Locale::ALL` order.
        #texts_placeholder

        /// The text at `first` in `locale`.
        #[inline]
        const fn text(first: Texts, locale: Locale) -> &'static str {
            TEXTS[first as usize + locale.index()]
        }

        /// `len` texts from `first`.
        #[inline]
        const fn text_slice(first: usize, len: usize) -> &'static [&'static str] {
            TEXTS.split_at(first).1.split_at(len).0
        }
    }
}

fn label_tokens(label: &Label) -> (TokenStream, TokenStream) {
    let title = push_texts(label.title.iter());
    let description = push_texts(label.description.iter());
    (quote!(#title), quote!(#description))
}

/// Makes registry text safe inside rustdoc Markdown: no accidental links, emphasis or HTML.
fn escape_doc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '{' | '}') {
            out.push('\\');
        }
        if c == '\n' {
            out.push_str("\n ");
        } else {
            out.push(c);
        }
    }
    out
}
