//! Round-trip property tests: random valid registries whose texts are made of everything that
//! could end or change a string literal, a comment or a doc comment in some language, with random
//! names, range ids, locales, ranges and codes. Each registry is written as TOML and goes through
//! the whole pipeline (parse, validate, model, every target generated); then batches of them are
//! compiled and run by the real toolchains (see `common`), and every text must come back exactly
//! from every API of the module of every target with a test driver (`common::DRIVERS`).
//!
//! Runs are seeded and reproducible. Environment variables:
//! - `WS_CLOSE_CODES_PROPTEST_SEED`: the seed, a u64 (random when unset; always printed);
//! - `WS_CLOSE_CODES_PROPTEST_BATCHES`: how many batches (default 3), each compiled once per
//!   target;
//! - `WS_CLOSE_CODES_PROPTEST_BATCH_SIZE`: registries per batch (default 32).
//!
//! When a batch fails, the test prints the TOML of every registry at fault and keeps the batch's
//! directory, so that the registry can become a regression test.
//!
//! `cargo xtask test` runs it. Alone, with the toolchain variables of `common` set:
//! `cargo test -p ws-close-codes-codegen --test properties -- --ignored --nocapture`.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::hash::{BuildHasher as _, Hasher as _};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::Path;
use std::str::FromStr;

use common::{DRIVERS, Failure, Module, roundtrip_all, toml_string};
use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use proptest::{collection, option, sample};
use ws_close_codes_codegen::emit::{NameKind, TARGETS, reserved_in};
use ws_close_codes_codegen::model::naming::screaming_snake;
use ws_close_codes_codegen::model::{Reconnect, Sender};
use ws_close_codes_codegen::{Plan, Registry, load};

// ---------------------------------------------------------------------------------------------
// The tests

#[test]
#[ignore = "needs every target's toolchain (rustc, tsc, node, python, go, javac, ...); run by cargo xtask test"]
fn every_text_of_random_registries_comes_back_exactly_in_every_language() {
    let settings = Settings::from_env();
    println!("{}", settings.describe());
    let mut strings = vec![0; DRIVERS.len()];
    for index in 0..settings.batches {
        let batch = Batch::new(&settings, index);
        let modules = batch.modules();
        let dir = tempfile::tempdir().expect("temporary directory");
        // Every toolchain at once: each compiles the whole batch in one invocation.
        let results = roundtrip_all(dir.path(), &modules);
        let mut failures = Vec::new();
        for ((&driver, result), count) in DRIVERS.iter().zip(results).zip(&mut strings) {
            match result {
                Ok(checked) => *count += checked,
                Err(failure) => failures.push((driver.name(), failure)),
            }
        }
        if !failures.is_empty() {
            batch.fail(dir, &failures);
        }
        println!("properties: batch {} of {}: {} registries passed", index + 1, settings.batches, modules.len());
    }
    let counts: Vec<String> =
        DRIVERS.iter().zip(&strings).map(|(driver, count)| format!("{count} from {}", driver.name())).collect();
    println!(
        "properties: checked {} random registries, {} strings back exactly ({}); seed {}",
        settings.batches * settings.batch_size,
        strings.iter().sum::<usize>(),
        counts.join(", "),
        settings.seed
    )
}

/// Without any toolchain: the generator makes registries that load, and every target generates.
#[test]
fn random_registries_load_and_generate_every_target() {
    let settings = Settings { batches: 1, batch_size: 8, ..Settings::from_env() };
    println!("{}", settings.describe());
    let batch = Batch::new(&settings, 0);
    let modules = batch.modules();
    assert_eq!(modules.len(), 8);
    for (module, plan) in modules.iter().zip(&batch.plans) {
        for locale in &module.registry.locales {
            let book = Path::new("docs").join(locale);
            assert!(plan.files.iter().any(|file| file.path.starts_with(&book)), "no docs in {locale}");
        }
    }
}

proptest! {
    /// The test's own TOML writer: every form it picks reads back as exactly the text.
    #[test]
    fn every_toml_form_of_a_text_reads_back_exactly(text in text(), form in 0..3usize) {
        let written = toml_value(&text, form);
        let table: toml::Table = toml::from_str(&format!("key = {written}\n")).expect(&written);
        prop_assert_eq!(table["key"].as_str(), Some(text.as_str()));
    }
}

// ---------------------------------------------------------------------------------------------
// Settings and batches

/// How much to run, from the environment.
struct Settings {
    seed: u64,
    batches: usize,
    batch_size: usize,
}

impl Settings {
    fn from_env() -> Settings {
        Settings {
            seed: variable("WS_CLOSE_CODES_PROPTEST_SEED")
                .unwrap_or_else(|| std::collections::hash_map::RandomState::new().build_hasher().finish()),
            batches: variable("WS_CLOSE_CODES_PROPTEST_BATCHES").unwrap_or(3),
            batch_size: variable("WS_CLOSE_CODES_PROPTEST_BATCH_SIZE").unwrap_or(32),
        }
    }

    fn describe(&self) -> String {
        format!(
            "properties: seed {seed}, {} batches of {} registries (rerun with WS_CLOSE_CODES_PROPTEST_SEED={seed})",
            self.batches,
            self.batch_size,
            seed = self.seed
        )
    }
}

/// A number from the environment; a clear failure when it is not one.
fn variable<T: FromStr>(name: &str) -> Option<T> {
    let text = std::env::var(name).ok().filter(|text| !text.trim().is_empty())?;
    Some(text.trim().parse().unwrap_or_else(|_| panic!("{name}={text:?} is not a number")))
}

/// One batch: each registry's TOML, the model it loads into, and its every target generated.
struct Batch {
    seed: u64,
    index: usize,
    toml: Vec<String>,
    registries: Vec<Registry>,
    plans: Vec<Plan>,
}

impl Batch {
    /// Batch `index` of the run `settings` describe; the same seed makes the same batches.
    fn new(settings: &Settings, index: usize) -> Batch {
        let mut draw = Draw::new(settings.seed, index);
        let toml: Vec<String> = (0..settings.batch_size).map(|_| registry(&mut draw)).collect();
        let mut registries = Vec::new();
        let mut plans = Vec::new();
        for (number, text) in toml.iter().enumerate() {
            let name = format!("r{number}.toml");
            let registry = match load(&name, text) {
                Ok(loaded) => loaded.registry,
                Err(diagnostics) => {
                    let diagnostics: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
                    panic!("the generator made an invalid registry:\n{}\n--- {name}:\n{text}", diagnostics.join("\n"))
                }
            };
            let plan = catch_unwind(AssertUnwindSafe(|| {
                common::targets().plan(&registry, "cargo test --test properties", &name)
            }))
            .unwrap_or_else(|panic| {
                eprintln!("generating the targets of {name} panicked; the registry:\n{text}");
                resume_unwind(panic)
            });
            registries.push(registry);
            plans.push(plan);
        }
        Batch { seed: settings.seed, index, toml, registries, plans }
    }

    fn modules(&self) -> Vec<Module<'_>> {
        let both = self.registries.iter().zip(&self.plans).enumerate();
        both.map(|(number, (registry, plan))| Module::new(&format!("r{number}"), registry, probes(registry), plan))
            .collect()
    }

    /// Fails the test with every failure, keeping the batch's directory and printing the TOML of
    /// each registry at fault.
    fn fail(&self, dir: tempfile::TempDir, failures: &[(&str, Failure)]) -> ! {
        let kept = dir.keep();
        let mut message = String::new();
        let mut suspects = BTreeSet::new();
        for (name, failure) in failures {
            let _ = writeln!(message, "--- {name} failed:\n{}", failure.message);
            suspects.extend(failure.suspects.iter().copied());
        }
        for number in suspects {
            let path = kept.join(format!("r{number}.toml"));
            std::fs::write(&path, &self.toml[number]).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let _ = writeln!(message, "--- r{number}.toml ({}):\n{}", path.display(), self.toml[number]);
        }
        panic!(
            "batch {} of seed {} failed; the generated files are in {}\n{message}\n\
             rerun with WS_CLOSE_CODES_PROPTEST_SEED={}",
            self.index,
            self.seed,
            kept.display(),
            self.seed
        )
    }
}

/// The codes whose answers are checked: 0 and 65535, every registered code, and for each range its
/// bounds, its middle, its first code without an entry and the codes just outside it.
fn probes(registry: &Registry) -> Vec<u16> {
    let mut probes = BTreeSet::from([0, u16::MAX]);
    probes.extend(registry.codes.iter().map(|code| code.code));
    for range in &registry.ranges {
        probes.extend([range.start, range.start + (range.end - range.start) / 2, range.end]);
        probes.extend((range.start..=range.end).find(|&code| registry.code(code).is_none()));
        probes.extend(range.start.checked_sub(1).into_iter().chain(range.end.checked_add(1)));
    }
    probes.into_iter().collect()
}

// ---------------------------------------------------------------------------------------------
// Random registries

/// Draws values from proptest strategies, reproducibly: one seeded generator per batch.
struct Draw(TestRunner);

impl Draw {
    fn new(seed: u64, batch: usize) -> Draw {
        let mut bytes = [0; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..16].copy_from_slice(&(batch as u64).to_le_bytes());
        Draw(TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &bytes)))
    }

    fn value<S: Strategy>(&mut self, strategy: S) -> S::Value {
        strategy.new_tree(&mut self.0).expect("these strategies never reject").current()
    }

    /// A value of `strategy` that `usable` accepts and that is not `taken` yet (then it is).
    fn fresh<S: Strategy<Value = String>>(
        &mut self,
        strategy: S,
        taken: &mut BTreeSet<String>,
        usable: impl Fn(&str) -> bool,
    ) -> String {
        loop {
            let value = self.value(&strategy);
            if usable(&value) && taken.insert(value.clone()) {
                return value;
            }
        }
    }
}

/// One random registry in the standard format, as TOML text.
fn registry(draw: &mut Draw) -> String {
    let locales = locales(draw);
    let fallback = draw.value(sample::select(locales.clone()));
    let tags: Vec<String> = locales.iter().map(|tag| toml_string(tag)).collect();
    let mut toml = format!("locales = [{}]\nfallback = {}\n", tags.join(", "), toml_string(&fallback));
    let reconnect = |draw: &mut Draw| draw.value(sample::select(Reconnect::ALL.map(Reconnect::key).to_vec()));
    let hint = reconnect(draw);
    let _ = write!(toml, "\n[out_of_range]\nreconnect = \"{hint}\"\n{}", label(draw, &locales, "\n"));
    let vocabularies =
        [("reconnect", Reconnect::ALL.map(Reconnect::key).to_vec()), ("sender", Sender::ALL.map(Sender::key).to_vec())];
    for (table, keys) in vocabularies {
        // As `[reconnect.never]` tables, or as inline tables in `[reconnect]`.
        if draw.value(any::<bool>()) {
            for key in keys {
                let _ = write!(toml, "\n[{table}.{key}]\n{}", label(draw, &locales, "\n"));
            }
        } else {
            let _ = writeln!(toml, "\n[{table}]");
            for key in keys {
                let _ = writeln!(toml, "{key} = {{ {} }}", label(draw, &locales, ", ").trim_end_matches(", "));
            }
        }
    }
    let ranges = ranges(draw);
    let (mut ids, mut predicates) = (BTreeSet::new(), BTreeSet::new());
    for &(start, end) in &ranges {
        // `l-5` and `l5` would share the camelCase predicate `isL5`, which validation refuses.
        let id = loop {
            let id = draw.fresh(range_id(), &mut ids, |id| {
                reserved_in(TARGETS, &screaming_snake(id), NameKind::RangeId).is_none()
            });
            if predicates.insert(id.replace('-', "")) {
                break id;
            }
        };
        let sendable = draw.value(any::<bool>());
        let hint = reconnect(draw);
        let _ = write!(
            toml,
            "\n[[range]]\nid = \"{id}\"\nstart = {start}\nend = {end}\nsendable = {sendable}\nreconnect = \"{hint}\"\n{}",
            label(draw, &locales, "\n")
        );
    }
    let mut names = BTreeSet::new();
    let mut numbers = BTreeSet::new();
    // A registry defines at least one code.
    for _ in 0..draw.value(1..=8usize) {
        let (start, end) = draw.value(sample::select(ranges.clone()));
        let number = draw.value(start..=end);
        if !numbers.insert(number) {
            continue;
        }
        let name = draw.fresh(constant_name(), &mut names, |name| reserved_in(TARGETS, name, NameKind::Code).is_none());
        let aliases: Vec<String> =
            (0..draw.value(0..=2usize))
                .map(|_| {
                    toml_string(&draw.fresh(constant_name(), &mut names, |name| {
                        reserved_in(TARGETS, name, NameKind::Code).is_none()
                    }))
                })
                .collect();
        let sendable = draw.value(any::<bool>());
        let senders = if sendable { vec!["client", "server", "either"] } else { vec!["local", "none"] };
        let sender = draw.value(sample::select(senders));
        let hint = reconnect(draw);
        let iana_name = text_value(draw, one_line());
        let reference: String =
            locales.iter().map(|tag| format!("reference.{tag} = {}\n", text_value(draw, one_line()))).collect();
        let url = text_value(draw, url());
        let _ = write!(
            toml,
            "\n[[code]]\ncode = {number}\nname = \"{name}\"\naliases = [{}]\niana_name = {iana_name}\n\
             {reference}url = {url}\nsendable = {sendable}\nsender = \"{sender}\"\nreconnect = \"{hint}\"\n{}",
            aliases.join(", "),
            label(draw, &locales, "\n")
        );
    }
    toml
}

/// `title.<locale> = ...` and `description.<locale> = ...` for every locale, in a random order,
/// each followed by `separator`.
fn label(draw: &mut Draw, locales: &[String], separator: &str) -> String {
    let mut keys: Vec<(&str, &str)> = ["title", "description"]
        .into_iter()
        .flat_map(|key| locales.iter().map(move |tag| (key, tag.as_str())))
        .collect();
    keys = draw.value(Just(keys).prop_shuffle());
    let mut out = String::new();
    for (key, tag) in keys {
        let _ = write!(out, "{key}.{tag} = {}{separator}", text_value(draw, text()));
    }
    out
}

/// A random text of `strategy`, written as a TOML string of a random form.
fn text_value(draw: &mut Draw, strategy: impl Strategy<Value = String>) -> String {
    let text = draw.value(strategy);
    toml_value(&text, draw.value(0..3usize))
}

/// `text` as a TOML string: `form` 0 is a basic string, 1 a literal string where one can hold
/// it (else a basic string), 2 a multi-line basic string.
fn toml_value(text: &str, form: usize) -> String {
    let literal = !text.contains(['\'', '\n']) && !text.contains(char::is_control);
    match form {
        1 if literal => format!("'{text}'"),
        2 => {
            let mut out = String::from("\"\"\"\n");
            for c in text.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push('\n'),
                    c if c.is_control() => {
                        let _ = write!(out, "\\u{:04X}", u32::from(c));
                    }
                    c => out.push(c),
                }
            }
            out.push_str("\"\"\"");
            out
        }
        _ => toml_string(text),
    }
}

/// One to four locales: well-known tags, sometimes with a random canonical one among them.
fn locales(draw: &mut Draw) -> Vec<String> {
    const KNOWN: [&str; 7] = ["en", "zh-Hans", "ru", "de", "pt-BR", "es-419", "zh-Hant"];
    let known = draw.value(sample::subsequence(KNOWN.to_vec(), 1..=4).prop_shuffle());
    let mut locales: Vec<String> = known.into_iter().map(str::to_owned).collect();
    if draw.value(prop::bool::weighted(0.25)) {
        let tag = draw.value(tag());
        if !locales.contains(&tag) {
            let at = draw.value(0..=locales.len());
            locales.insert(at, tag);
        }
    }
    locales
}

/// A canonical BCP 47 tag: language, then maybe a script, then maybe a region.
fn tag() -> impl Strategy<Value = String> {
    let region = prop_oneof!["[A-Z]{2}", "[0-9]{3}"];
    ("[a-z]{2,3}", option::of("[A-Z][a-z]{3}"), option::of(region)).prop_map(|(language, script, region)| {
        [Some(language), script, region].into_iter().flatten().collect::<Vec<_>>().join("-")
    })
}

/// Sorted, disjoint ranges: all of 0-65535, a layout like the standard one, or one to five
/// random ranges (some of a single code).
fn ranges(draw: &mut Draw) -> Vec<(u16, u16)> {
    match draw.value(0..10u8) {
        0 => vec![(0, u16::MAX)],
        1 | 2 => vec![(0, 999), (1000, 2999), (3000, 3999), (4000, 4999)],
        _ => {
            let count = draw.value(1..=5usize);
            let bounds: Vec<u16> = draw.value(collection::btree_set(any::<u16>(), count * 2)).into_iter().collect();
            let single = bounds.chunks(2).map(|_| draw.value(prop::bool::weighted(0.2))).collect::<Vec<_>>();
            bounds
                .chunks(2)
                .zip(single)
                .map(|(pair, single)| (pair[0], if single { pair[0] } else { pair[1] }))
                .collect()
        }
    }
}

/// A SCREAMING_SNAKE_CASE name (reserved words are filtered out by the caller).
fn constant_name() -> impl Strategy<Value = String> {
    "[A-Z][A-Z0-9]{0,7}(_[A-Z0-9]{1,7}){0,3}"
}

/// A kebab-case range id.
fn range_id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}"
}

/// Pieces that end or change a string literal, a comment, a doc comment or Markdown somewhere,
/// look like escapes, or change shape under Unicode processing.
const PIECES: &[&str] = &[
    "\"",
    "'",
    "`",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\u{201e}",
    "«",
    "»",
    "「",
    "」",
    "\\",
    "\\\\",
    "\\\"",
    "\\'",
    "\\n",
    "\\r",
    "\\0",
    "\\x00",
    "\\u2028",
    "\\u{41}",
    "\\U0001F600",
    "\\N{BULLET}",
    "\\$",
    "*/",
    "/*",
    "//",
    "/**",
    "*",
    "#",
    "#!",
    "#[",
    "--",
    "\"\"\"",
    "'''",
    "r#\"",
    "\"#",
    "b\"",
    "f\"{x}\"",
    "${",
    "${x}",
    "`${`",
    "{",
    "}",
    "{}",
    "{0}",
    "{{",
    "}}",
    "{{#",
    "{{#include x}}",
    "%s",
    "%(x)s",
    "%",
    "|",
    "<!--",
    "-->",
    "</script>",
    "<b>",
    "&amp;",
    "<",
    ">",
    "&",
    "[x](y)",
    "_",
    "~",
    "@deprecated",
    "{@link x}",
    "@param",
    "@",
    "# noqa",
    "# type: ignore",
    "// @ts-ignore",
    "\n",
    "\n\n",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{a0}",
    "\u{3000}",
    "\u{feff}",
    "\u{200b}",
    "\u{200d}",
    "\u{200e}",
    "\u{200f}",
    "\u{61c}",
    "\u{fe0f}",
    "😀",
    "👩\u{200d}💻",
    "🏳\u{fe0f}\u{200d}🌈",
    "🇺🇦",
    "👍🏽",
    "#\u{fe0f}\u{20e3}",
    "e\u{301}",
    "\u{301}",
    "\u{20dd}",
    "a\u{308}\u{308}",
    "ก\u{e34}",
    "ग\u{94d}",
    "שלום",
    "مرحبا",
    "ܐܒ",
    "ހށ",
    "中文",
    "關閉碼",
    "Код",
    "ёЁ",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "\u{fffd}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{e000}",
    "\u{f0000}",
    "\u{10ffff}",
    "\u{e0001}",
    "\u{d7ff}",
    "\u{1d11e}",
    " ",
    "  ",
    "NaN",
    "None",
    "null",
    "undefined",
    "__proto__",
    "constructor",
];

/// Scripts and blocks drawn from letter by letter: right-to-left letters, combining marks, emoji,
/// CJK, Cyrillic, Indic, format characters and separators, C1 controls, specials, tags.
const BLOCKS: &[std::ops::RangeInclusive<char>] = &[
    '\u{5d0}'..='\u{5ea}',
    '\u{620}'..='\u{64a}',
    '\u{300}'..='\u{36f}',
    '\u{1f300}'..='\u{1faff}',
    '\u{4e00}'..='\u{9fff}',
    '\u{400}'..='\u{4ff}',
    '\u{900}'..='\u{97f}',
    '\u{e00}'..='\u{e7f}',
    '\u{2000}'..='\u{206f}',
    '\u{80}'..='\u{9f}',
    '\u{fff0}'..='\u{ffff}',
    '\u{e0000}'..='\u{e007f}',
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => sample::select(PIECES).prop_map(str::to_owned),
        2 => "[A-Za-z][a-z]{0,8}( [a-z]{1,8}){0,3}[,.]? ?",
        2 => collection::vec(prop::char::any(), 1..4).prop_map(String::from_iter),
        1 => collection::vec(prop::char::ranges(BLOCKS.into()), 1..8).prop_map(String::from_iter),
    ]
}

/// A title or description: a few pieces, or (rarely) a few pieces repeated into a very long text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        60 => collection::vec(piece(), 1..12).prop_map(|pieces| pieces.concat()),
        1 => (collection::vec(piece(), 1..4), 100..1000usize).prop_map(|(pieces, times)| pieces.concat().repeat(times)),
    ]
    .prop_map(|text| valid(&text))
}

/// A text on one line (an IANA name or a reference).
fn one_line() -> impl Strategy<Value = String> {
    text().prop_map(|text| valid(&text.replace('\n', " ")))
}

/// An https URL: no whitespace, but everything else a comment or a literal cares about.
fn url() -> impl Strategy<Value = String> {
    let piece = prop_oneof![sample::select(PIECES).prop_map(str::to_owned), prop::char::any().prop_map(String::from)];
    collection::vec(piece, 1..8).prop_map(|pieces| {
        let tail: String = valid(&pieces.concat()).chars().filter(|c| !c.is_whitespace()).collect();
        format!("https://{}", if tail.is_empty() { "x" } else { &tail })
    })
}

/// `text` without what the registry forbids in a text (control characters other than line
/// breaks, and bidirectional controls), and never blank.
fn valid(text: &str) -> String {
    let forbidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\u{85}') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    let mut text: String = text.chars().filter(|&c| !forbidden(c)).collect();
    if text.trim().is_empty() {
        text.push('x');
    }
    text
}
