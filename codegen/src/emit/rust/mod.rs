//! The Rust emitter: one `no_std`, dependency-free source file.
//!
//! The parts that are the same for every registry, and the few items per range or locale, are
//! built with `quote!`, parsed with `syn` and printed with `prettyplease`; the per-code tables are
//! written as text ([`tables`]) and spliced in, so the time per code is that of writing text. The
//! output depends only on `Cargo.lock`. Texts reach the output only as string literals and doc
//! comments made by `quote` or by the shared escaping core.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Comments, Header, Layout, NameKind, Output, Target};
use crate::files::Plan;

mod at_close;
mod close_code;
mod locale;
mod range;
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
    fn reserved(&self, name: &str, _kind: NameKind) -> Option<&'static str> {
        reserved(name)
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
    // The per-code tables are written as text, in place of their placeholders.
    let formatted = tables::splice(&prettyplease::unparse(&file), &tables::pieces(registry, kind));
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
    let locale = locale(registry);
    let texts = text_types(registry);
    let reconnect = vocabulary_enum(
        registry,
        "Reconnect",
        " What a client should do after a connection closed with a given code.",
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

/// `Texts`: a text in every locale.
fn text_types(registry: &Registry) -> TokenStream {
    let n = Literal::usize_unsuffixed(registry.locales.len());
    quote! {
        /// One text in every locale, in `Locale::ALL` order.
        type Texts = [&'static str; #n];
    }
}

fn texts(values: impl Iterator<Item = impl AsRef<str>>) -> TokenStream {
    let values: Vec<String> = values.map(|v| v.as_ref().to_owned()).collect();
    quote!([#(#values),*])
}

fn label_tokens(label: &Label) -> (TokenStream, TokenStream) {
    (texts(label.title.iter()), texts(label.description.iter()))
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
