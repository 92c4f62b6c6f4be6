//! `BENCHMARKS.md` from the figures of one run: the same text for the same figures, so a rerun
//! changes only numbers (and the notes of targets that start or stop being missed).

use std::fmt::Write as _;
use std::time::Duration;

use super::figures::{Codec, Figures, Generator, Lookup, Role};
use super::notes;

/// The generator on the standard registry must take less than this.
const STANDARD_TARGET_NS: f64 = 5e6;
/// The generator on the largest synthetic registry must take less than this.
const LARGE_TARGET_NS: f64 = 1e9;
/// The size of registry the third target is about.
const LARGE_CODES: u64 = 60_000;
/// The generator on every code of 3000-4999 must take less than this.
const SPACE_TARGET_NS: f64 = 1e8;
/// The registry of that target, as the generator benchmark names it.
const SPACE: &str = "space-3000-4999";
/// `title`/`description` of any u16 must take less than this, per language.
const TEXT_TARGETS: [(&str, &str, f64); 2] = [("rust", "Rust", 1.5), ("typescript", "TypeScript", 3.0)];

/// The languages of the lookups, their section titles and how they ran.
const LANGUAGES: [(&str, &str, &str); 5] = [
    (
        "rust",
        "Rust",
        "Measured with criterion in the bench profile (release), the generated crate used as a dependency, as a \
         user's crate uses it. tungstenite answers differently for one code: it rejects 1014 (Bad Gateway). \
         How `title` and `description` answer any u16 in one step: a number at or above the start of the last \
         stretch of one label (5000-65535 for `codes.toml`) gets that label's `TEXTS` index from one comparison; \
         any other from two loads, `LABEL_BLOCKS[n >> 8]` (where its block of 256 numbers starts) and \
         `LABEL_TEXTS[start + (n & 0xFF)]` (the `TEXTS` index of its title: the code's own, its range's or the \
         out-of-range one, the description one text per locale later), both tables written by the generator as \
         text with each distinct block once (9 blocks, 4.6 KiB for `codes.toml`); then one load from `TEXTS` at \
         that index plus the locale's. No search, no second lookup for the range fallback, and a `Locale` needs \
         no resolution.",
    ),
    (
        "typescript",
        "TypeScript",
        "Measured on the compiled `packages/typescript/dist/esm`, in one Node.js process. ws accepts exactly the \
         codes `isSendable` accepts (the benchmark checks). How `describe` and `titleOf` answer in one step: one \
         load from `LABEL_INDEX` (a `Uint8Array` of the label of every integer 0-65535, filled when the module \
         loads), read through `LABEL_OF`, a constant of the entry module (V8 compiles a module's own constant to \
         the known array, and checks an imported binding on every read), then a `switch` on the locale argument \
         whose cases are `undefined` and the registry's own tags (a registry tag is never negotiated; another tag \
         is negotiated once and remembered), each returning the element of that locale's array of texts. The \
         arrays are module-private and not frozen: V8 reads the elements of a frozen array on a slow path that \
         took several times the whole lookup. The loop adds up the lengths of the texts, which ws's loop (a \
         count) does not have to read.",
    ),
    (
        "python",
        "Python",
        "Measured on the package as installed into `target/bench-venv`, in one CPython process. websockets accepts \
         exactly the codes `is_sendable` accepts (the benchmark checks). Its check raises `ProtocolError` for a code \
         that may not be sent; the loop catches it, as a caller would.",
    ),
    (
        "go",
        "Go",
        "Measured with `go run` in `benches/go` (its own go.mod and go.sum; the generated package by a replace \
         directive), in one process. Neither peer exports its close-code check: coder/websocket's \
         `validWireCloseCode` and gorilla/websocket's `isValidReceivedCloseCode` are copied into the benchmark, \
         over their exported constants, and labelled so; the faster one is the reference. coder/websocket \
         accepts exactly the codes `IsSendable` accepts (the benchmark checks); gorilla/websocket also rejects \
         1014 (Bad Gateway).",
    ),
    (
        "java",
        "Java",
        "Measured with JMH in `benches/java` (a Maven project: JMH and Java-WebSocket from Maven Central, the \
         generated package compiled from the sources in `packages/java`), one forked JVM, warm-up iterations, then \
         the median of the measured ones. Java-WebSocket exports no check of a number (`CloseFrame#isValid` checks \
         a whole frame and throws): its code conditions are copied into the benchmark over its public constants, \
         and labelled so; they accept exactly the codes `isSendable` accepts (the benchmark checks). Ours are the \
         static lookups by number, which make no `CloseCode`: `isSendable(int)` is one comparison per run of \
         sendable codes, `title(int, Locale)` and `description(int, Locale)` a range test, one load from \
         `LABEL_INDEX` (a `byte[65536]` of label indices, filled when the class loads) and one from the locale's \
         row of texts. `CloseCode.of(c)` returns the constant of a registered code but a new object for any other \
         number, which Java 17's JIT does not remove, so the same answers through `CloseCode.of(c)` take longer \
         (1.5 to 2 times the peer's time in the BENCHMARKS.md of 2026-11-30, before the static lookups).",
    ),
];

/// The whole file.
pub fn render(figures: &Figures) -> String {
    let mut out = String::new();
    let peers: Vec<String> = LANGUAGES
        .iter()
        .filter_map(|(language, _, _)| figures.results.peers.iter().find(|p| p.language == *language))
        .map(|peer| format!("{} {}", peer.name, peer.version))
        .collect();
    let _ = write!(
        out,
        "# Benchmarks\n\n\
         <!-- Written by `cargo xtask bench`, which rewrites this whole file with the figures of its run. -->\n\n\
         How fast the generator is, and how fast the code it generates answers, side by side with what people \
         use instead: {}. Every figure below comes from one run of `cargo xtask bench` on {}, on the machine \
         described at the end; the run took {}. The peers are development dependencies of the benchmarks in \
         [`benches/`](benches) only, never of the packages.\n",
        peers.join(", "),
        figures.date,
        minutes(figures.total),
    );
    targets(&mut out, figures);
    generator(&mut out, figures);
    lookups(&mut out, figures);
    codecs(&mut out, figures);
    builds(&mut out, figures);
    notes_section(&mut out, figures);
    machine(&mut out, figures);
    reproduce(&mut out);
    out
}

fn standard(figures: &Figures) -> Option<&Generator> {
    figures.results.generator.iter().find(|g| g.registry == "codes.toml")
}

fn largest(figures: &Figures) -> Option<&Generator> {
    figures.results.generator.iter().filter(|g| g.registry.starts_with("synthetic-")).max_by_key(|g| g.codes)
}

/// Our lookups whose ratio to the peer is above 1.0.
fn slower(figures: &Figures) -> impl Iterator<Item = (&Lookup, f64)> {
    figures
        .results
        .lookups
        .iter()
        .filter_map(|lookup| figures.results.ratio(lookup).map(|ratio| (lookup, ratio)))
        .filter(|(_, ratio)| *ratio > 1.0)
}

fn yes_no(met: bool) -> &'static str {
    if met { "yes" } else { "**no**, see the notes" }
}

fn targets(out: &mut String, figures: &Figures) {
    out.push_str("\n## Targets\n\n| target | this run | met |\n|---|---|---|\n");
    if let Some(g) = standard(figures) {
        let _ = writeln!(
            out,
            "| generator on `codes.toml` under 5 ms | {} (peak heap {}) | {} |",
            duration(g.median_ns),
            bytes(g.peak_bytes),
            yes_no(g.median_ns < STANDARD_TARGET_NS)
        );
    }
    if let Some(g) = largest(figures) {
        let linear = linear(figures);
        let met = g.codes >= LARGE_CODES && g.median_ns < LARGE_TARGET_NS && linear == Some(true);
        let shape = match linear {
            Some(true) => "linear",
            Some(false) => "not linear",
            None => "linearity not measured",
        };
        let _ = writeln!(
            out,
            "| generator on {} codes x 3 locales under 1 s, and linear | {}, {shape} (peak heap {}) | {} |",
            thousands(LARGE_CODES),
            duration(g.median_ns),
            bytes(g.peak_bytes),
            yes_no(met)
        );
    }
    if let Some(g) = space(figures) {
        let _ = writeln!(
            out,
            "| generator on 2,000 codes (all of 3000-4999) x 3 locales under 100 ms | {} (peak heap {}) | {} |",
            duration(g.median_ns),
            bytes(g.peak_bytes),
            yes_no(g.median_ns < SPACE_TARGET_NS)
        );
    }
    for (language, title, _) in LANGUAGES {
        let ratios: Vec<f64> =
            figures.results.lookups_of(language).filter_map(|lookup| figures.results.ratio(lookup)).collect();
        let Some(worst) = ratios.iter().copied().reduce(f64::max) else { continue };
        let within = ratios.iter().filter(|ratio| **ratio <= 1.0).count();
        let _ = writeln!(
            out,
            "| {title} lookups at least as fast as the peer (ours / peer <= 1.0) | {within} of {} (highest ratio {}) | {} |",
            ratios.len(),
            ratio(worst),
            yes_no(within == ratios.len())
        );
    }
    for (language, title, limit) in TEXT_TARGETS {
        let Some(slowest) = texts_of(figures, language).map(|lookup| lookup.ns_per_call).reduce(f64::max) else {
            continue;
        };
        let _ = writeln!(
            out,
            "| {title} title/description of any u16 in one step under {limit} ns | slowest {} ns | {} |",
            nanoseconds(slowest),
            yes_no(slowest < limit)
        );
    }
    for (language, title, _) in LANGUAGES {
        let ratios: Vec<(&Codec, f64)> = figures
            .results
            .codecs
            .iter()
            .filter(|codec| codec.language == language)
            .filter_map(|codec| figures.results.codec_ratio(codec).map(|ratio| (codec, ratio)))
            .collect();
        if ratios.is_empty() {
            continue;
        }
        let shown: Vec<String> =
            ratios.iter().map(|(codec, value)| format!("{} {}", codec.operation, ratio(*value))).collect();
        let _ = writeln!(
            out,
            "| {title} Close frame payloads at least as fast as the peer (ours / peer <= 1.0) | {} | {} |",
            shown.join(", "),
            yes_no(ratios.iter().all(|(_, value)| *value <= 1.0))
        );
    }
    if let Some(value) = build_ratio(figures) {
        let _ = writeln!(
            out,
            "| cold build with the build.rs Builder at most that with prost-build (ratio <= 1.0) | {} | {} |",
            ratio(value),
            yes_no(value <= 1.0)
        );
    }
}

fn space(figures: &Figures) -> Option<&Generator> {
    figures.results.generator.iter().find(|g| g.registry == SPACE)
}

/// Our lookups that return a title or a description, in one language.
fn texts_of<'a>(figures: &'a Figures, language: &'a str) -> impl Iterator<Item = &'a Lookup> {
    figures.results.lookups_of(language).filter(move |lookup| {
        lookup.role == Role::Ours && ["title", "describe", "description"].iter().any(|word| lookup.call.contains(word))
    })
}

/// The cold build of the Builder's user crate / that of the prost-build one.
fn build_ratio(figures: &Figures) -> Option<f64> {
    match figures.user_builds.as_slice() {
        [builder, prost, ..] if !prost.median.is_zero() => {
            Some(builder.median.as_secs_f64() / prost.median.as_secs_f64())
        }
        _ => None,
    }
}

fn generator(out: &mut String, figures: &Figures) {
    out.push_str(
        "\n## Generator\n\n\
         In-process, in the bench profile (release): load (parse + validate) and emit every target, with the \
         files planned in memory and not written. `codes.toml` is the real registry; the synthetic ones have \
         eight ranges covering 0-65535 and codes spread evenly over them (`space-3000-4999`: one code for \
         every number of 3000-4999, the whole space applications register in), each with every key a real entry has \
         and a title and a description in English, Simplified Chinese and Russian. The time is the median over the \
         runs of the CPU time of the generator's thread, which on an idle machine is its wall time and on a \
         shared one leaves out the waits for a core (the generator runs on one thread and writes nothing while \
         measured); the peak heap is the most bytes live at once during a run, counted by a global allocator in the \
         benchmark binary (`benches/src/peak.rs`).\n\n\
         | registry | codes | registry size | output | runs | median time | time per code | peak heap |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for g in &figures.results.generator {
        // For the real registry the fixed costs dominate, so a time per code would mislead.
        let per_code = if g.codes == 0 || g.registry == "codes.toml" {
            "-".to_owned()
        } else {
            duration(g.median_ns / g.codes as f64)
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} files, {} | {} | {} | {} | {} |",
            g.registry,
            thousands(g.codes),
            bytes(g.registry_bytes as f64),
            g.files,
            bytes(g.output_bytes as f64),
            g.runs,
            duration(g.median_ns),
            per_code,
            bytes(g.peak_bytes)
        );
    }
    growth(out, figures);
    let mut registries: Vec<&str> = figures.results.stages.iter().map(|s| s.registry.as_str()).collect();
    registries.dedup();
    if !registries.is_empty() {
        out.push_str(
            "\nWhere the time goes: each stage alone, median time (and its share of the stages' sum).\n\n| stage |",
        );
        for registry in &registries {
            let _ = write!(out, " `{registry}` |");
        }
        out.push_str("\n|---|");
        out.push_str(&"---:|".repeat(registries.len()));
        out.push('\n');
        let mut names: Vec<&str> = Vec::new();
        for stage in &figures.results.stages {
            if !names.contains(&stage.stage.as_str()) {
                names.push(&stage.stage);
            }
        }
        for name in names {
            let _ = write!(out, "| {name} |");
            for registry in &registries {
                let of_registry = figures.results.stages.iter().filter(|s| s.registry == *registry);
                let sum: f64 = of_registry.clone().map(|s| s.median_ns).sum();
                match of_registry.clone().find(|s| s.stage == name) {
                    Some(s) => {
                        let _ = write!(out, " {} ({:.0}%) |", duration(s.median_ns), 100.0 * s.median_ns / sum);
                    }
                    None => out.push_str(" - |"),
                }
            }
            out.push('\n');
        }
    }
    out.push_str(
        "\nAs a whole process, on this checkout with nothing to change, median wall time:\n\n\
         | command | build | runs | median |\n|---|---|---:|---:|\n",
    );
    for timing in &figures.processes {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            timing.command,
            timing.detail,
            timing.runs,
            duration(timing.median.as_secs_f64() * 1e9)
        );
    }
}

/// How the time per code changes from the smallest synthetic registry of 1,000 codes or more to the
/// largest (below that, the fixed costs dominate).
fn growth(out: &mut String, figures: &Figures) {
    let per_code = per_code(figures);
    let (Some(first), Some(last)) = (per_code.first(), per_code.last()) else { return };
    if per_code.len() < 2 {
        return;
    }
    let low = per_code.iter().map(|(_, t)| *t).fold(f64::INFINITY, f64::min);
    let high = per_code.iter().map(|(_, t)| *t).fold(0.0, f64::max);
    let (from, to) = (thousands(first.0), thousands(last.0));
    if linear(figures) == Some(true) {
        let (low, high) = (duration(low), duration(high));
        let _ = writeln!(
            out,
            "\nFrom {from} to {to} codes the time per code stays between {low} and {high}: the time grows linearly \
             with the number of codes."
        );
    } else {
        let (start, end) = (duration(first.1), duration(last.1));
        let pace = if last.1 > first.1 { "faster" } else { "slower" };
        let _ = writeln!(
            out,
            "\nFrom {from} to {to} codes the time per code goes from {start} to {end}: the time grows {pace} than \
             the number of codes."
        );
    }
}

/// Does the time grow linearly with the number of codes? Yes when the time per code of the
/// synthetic registries of 1,000 codes or more stays within a factor of 1.5; `None` with fewer
/// than two of them.
fn linear(figures: &Figures) -> Option<bool> {
    let per_code = per_code(figures);
    if per_code.len() < 2 {
        return None;
    }
    let low = per_code.iter().map(|(_, t)| *t).fold(f64::INFINITY, f64::min);
    let high = per_code.iter().map(|(_, t)| *t).fold(0.0, f64::max);
    Some(high / low <= 1.5)
}

/// The time per code of each synthetic registry of 1,000 codes or more, in order of size.
fn per_code(figures: &Figures) -> Vec<(u64, f64)> {
    figures
        .results
        .generator
        .iter()
        .filter(|g| g.registry.starts_with("synthetic-") && g.codes >= 1_000)
        .map(|g| (g.codes, g.median_ns / g.codes as f64))
        .collect()
}

fn lookups(out: &mut String, figures: &Figures) {
    out.push_str(
        "\n## Lookups over all 65,536 codes\n\n\
         Each benchmark runs the same loop over every u16 value, in each language, for ours and for the peer: \
         call, add up the answers (a count, or the lengths of the texts) so nothing is optimized away. The time \
         per call is the median over the rounds (criterion's samples in Rust) divided by 65,536. The ratio is \
         ours / the peer's close-code check, so below 1.0 is faster than the peer. `describe` does more than a \
         check (it returns a text, which no peer offers); it is compared with the check because that is the \
         close-code function each peer has.\n",
    );
    for (language, title, how) in LANGUAGES {
        let rows: Vec<&Lookup> = figures.results.lookups_of(language).collect();
        if rows.is_empty() {
            continue;
        }
        let peer = figures.results.peers.iter().find(|p| p.language == language);
        let peer_name = peer.map_or_else(|| "peer".to_owned(), |p| format!("{} {}", p.name, p.version));
        let _ = write!(
            out,
            "\n### {title}\n\n{how}\n\n| whose | call | ns per call | ours / peer |\n|---|---|---:|---:|\n"
        );
        for lookup in rows {
            let (whose, shown_ratio) = match lookup.role {
                Role::Ours => ("ours".to_owned(), figures.results.ratio(lookup).map_or("-".to_owned(), ratio)),
                Role::Peer if figures.results.reference(language) == Some(lookup) => {
                    (peer_name.clone(), "1.00 (the reference)".to_owned())
                }
                Role::Peer => (format!("{peer_name} (another peer)"), "-".to_owned()),
                Role::PeerInner => (format!("{peer_name}, the expression inside its check"), "-".to_owned()),
            };
            let _ = writeln!(
                out,
                "| {whose} | `{}` | {} | {} |",
                lookup.call,
                nanoseconds(lookup.ns_per_call),
                shown_ratio
            );
        }
    }
}

fn codecs(out: &mut String, figures: &Figures) {
    if figures.results.codecs.is_empty() {
        return;
    }
    out.push_str(
        "\n## Close frame payloads\n\n\
         Reading a received Close frame payload (`parse`) and writing one to send (`encode`), on one mix of valid \
         and invalid inputs, the same in every language: payloads that are empty, hold a code and a short or a \
         123-byte reason in ASCII, Cyrillic or CJK, and payloads of one byte, with a code that may not be sent, \
         a code below 1000, or a reason that is not UTF-8; messages with valid codes and reasons, a code that \
         may not be sent, and a 124-byte reason. The time per call is the median time of one pass over the mix \
         divided by its size. Each benchmark first checks that ours and the peer accept and refuse the same \
         payloads.\n\n\
         | language | whose | operation | call | inputs | ns per call | ours / peer |\n|---|---|---|---|---:|---:|---:|\n",
    );
    for codec in &figures.results.codecs {
        let peer = figures.results.peers.iter().find(|p| p.language == codec.language);
        let (whose, shown_ratio) = match codec.role {
            Role::Ours => ("ours".to_owned(), figures.results.codec_ratio(codec).map_or("-".to_owned(), ratio)),
            _ => (
                peer.map_or_else(|| "peer".to_owned(), |p| format!("{} {}", p.name, p.version)),
                "1.00 (the reference)".to_owned(),
            ),
        };
        let _ = writeln!(
            out,
            "| {} | {whose} | {} | `{}` | {} | {} | {shown_ratio} |",
            language_title(&codec.language),
            codec.operation,
            codec.call,
            codec.inputs,
            nanoseconds(codec.ns_per_call)
        );
    }
}

fn builds(out: &mut String, figures: &Figures) {
    out.push_str(
        "\n## Build cost\n\n\
         Cold builds: each in a fresh target directory under `target/bench-cold/`, with the registry's crates \
         already downloaded, timed as a whole process.\n\n\
         | command | profile | wall time |\n|---|---|---:|\n",
    );
    for timing in &figures.builds {
        let _ = writeln!(out, "| `{}` | {} | {} |", timing.command, timing.detail, seconds(timing.median));
    }
    if !figures.user_builds.is_empty() {
        out.push_str(
            "\nA user's crate, built cold the same way: [`benches/cold/builder-user`](benches/cold/builder-user) \
             generates its close codes from a small application registry with the build.rs `Builder`; \
             [`benches/cold/prost-user`](benches/cold/prost-user) compiles one small `.proto` with prost-build, the \
             convention users compare with (protoc comes from the `protoc-bin-vendored` crate, so neither needs a \
             system package). Each has its own lockfile; the time includes compiling the build script's \
             dependencies and running it.\n\n| crate | profile | wall time |\n|---|---|---:|\n",
        );
        for timing in &figures.user_builds {
            let _ = writeln!(out, "| {} | {} | {} |", timing.command, timing.detail, seconds(timing.median));
        }
        if let Some(value) = build_ratio(figures) {
            let _ = writeln!(out, "\nBuilder / prost-build: {}.", ratio(value));
        }
    }
    let count = figures.dependencies.len();
    let names = if count == 0 { String::new() } else { format!(" ({})", figures.dependencies.join(", ")) };
    let _ = writeln!(
        out,
        "\nDependencies of the generated crate (`cargo tree -p ws-close-codes -e normal`): {count}{names}."
    );
}

fn notes_section(out: &mut String, figures: &Figures) {
    let mut notes: Vec<(String, &str)> = Vec::new();
    if let Some(g) = standard(figures).filter(|g| g.median_ns >= STANDARD_TARGET_NS) {
        let title = format!("The generator takes {} on `codes.toml` (target: 5 ms)", duration(g.median_ns));
        notes.push((title, notes::note("generator:codes.toml").unwrap_or(notes::MISSING)));
    }
    if let Some(g) = largest(figures).filter(|g| g.median_ns >= LARGE_TARGET_NS || linear(figures) == Some(false)) {
        let title =
            format!("The generator takes {} on {} codes (target: 1 s)", duration(g.median_ns), thousands(g.codes));
        notes.push((title, notes::note("generator:largest").unwrap_or(notes::MISSING)));
    }
    if let Some(g) = space(figures).filter(|g| g.median_ns >= SPACE_TARGET_NS) {
        let title = format!("The generator takes {} on 2,000 codes (target: 100 ms)", duration(g.median_ns));
        notes.push((title, notes::note("generator:space").unwrap_or(notes::MISSING)));
    }
    for (language, title, limit) in TEXT_TARGETS {
        for lookup in texts_of(figures, language).filter(|lookup| lookup.ns_per_call >= limit) {
            let heading =
                format!("{title} `{}`: {} ns (target: under {limit} ns)", lookup.call, nanoseconds(lookup.ns_per_call));
            let key = format!("text:{language}:{}", lookup.call);
            notes.push((heading, notes::note(&key).unwrap_or(notes::MISSING)));
        }
    }
    for codec in &figures.results.codecs {
        if let Some(value) = figures.results.codec_ratio(codec).filter(|value| *value > 1.0) {
            let title =
                format!("{} `{}`: {} times the peer's time", language_title(&codec.language), codec.call, ratio(value));
            let key = format!("codec:{}:{}", codec.language, codec.operation);
            notes.push((title, notes::note(&key).unwrap_or(notes::MISSING)));
        }
    }
    if let Some(value) = build_ratio(figures).filter(|value| *value > 1.0) {
        let title = format!("The cold build with the Builder takes {} times that with prost-build", ratio(value));
        notes.push((title, notes::note("build:builder").unwrap_or(notes::MISSING)));
    }
    for (lookup, value) in slower(figures) {
        let title =
            format!("{} `{}`: {} times the peer's time", language_title(&lookup.language), lookup.call, ratio(value));
        let key = format!("{}:{}", lookup.language, lookup.call);
        notes.push((title, notes::note(&key).unwrap_or(notes::MISSING)));
    }
    if notes.is_empty() {
        return;
    }
    out.push_str("\n## Notes on the misses\n\nWhy each missed target is missed, and what it would take.\n");
    for (title, text) in notes {
        let _ = write!(out, "\n**{title}.** {text}\n");
    }
}

fn language_title(language: &str) -> &str {
    LANGUAGES.iter().find(|(key, _, _)| *key == language).map_or(language, |(_, title, _)| title)
}

fn machine(out: &mut String, figures: &Figures) {
    let m = &figures.machine;
    let _ = write!(
        out,
        "\n## Machine\n\n| | |\n|---|---|\n| CPU | {} |\n| logical CPUs | {} |\n| memory | {} |\n| OS | {} |\n| Rust | {} |\n",
        m.cpu, m.cores, m.memory, m.os, m.rustc
    );
    for (language, title, _) in &LANGUAGES[1..] {
        if let Some(peer) = figures.results.peers.iter().find(|p| p.language == *language) {
            let _ = writeln!(out, "| {title} ran on | {} |", peer.runtime);
        }
    }
    let _ =
        writeln!(out, "| date (UTC) | {} |\n| `cargo xtask bench` took | {} |", figures.date, minutes(figures.total));
}

fn reproduce(out: &mut String) {
    out.push_str(
        "\n## How to reproduce\n\n\
         On a fresh clone, with a Rust toolchain, Node.js, Python 3.10 or later, Go and a JDK 17 with Maven, one command runs \
         everything, installs the peers inside the repository (a separate cargo workspace in `benches/` with its \
         own lockfile, `npm ci` in `benches/typescript`, a virtualenv in `target/bench-venv`, the Go modules \
         `benches/go/go.sum` pins, the Maven artifacts `benches/java/pom.xml` pins) and rewrites this file:\n\n\
         ```sh\ncargo xtask bench\n```\n\n\
         The same, step by step:\n\n\
         ```sh\n\
         # generator, in-process, and the Rust lookups and Close frame payloads against tungstenite (criterion)\n\
         (cd benches && cargo bench --bench generator --bench lookups --bench close_frames)\n\
         # TypeScript against ws\n\
         (cd packages/typescript && npm ci && npm run build)\n\
         (cd benches/typescript && npm ci && node bench.mjs)\n\
         # Python against websockets\n\
         python3 -m venv target/bench-venv\n\
         target/bench-venv/bin/python -m pip install -r benches/python/requirements.txt\n\
         target/bench-venv/bin/python -m pip install --no-deps --no-build-isolation --force-reinstall ./packages/python\n\
         target/bench-venv/bin/python benches/python/bench.py\n\
         # Go against coder/websocket and gorilla/websocket\n\
         (cd benches/go && go run .)\n\
         # Java against Java-WebSocket (JMH)\n\
         (cd benches/java && mvn -q package && java -jar target/benchmarks.jar)\n\
         # whole process\n\
         cargo build -p xtask && target/debug/xtask gen --check\n\
         # cold builds and the generated crate's dependencies\n\
         CARGO_TARGET_DIR=target/bench-cold/codegen cargo build -p ws-close-codes-codegen\n\
         CARGO_TARGET_DIR=target/bench-cold/crate cargo build -p ws-close-codes\n\
         CARGO_TARGET_DIR=target/bench-cold/crate-release cargo build -p ws-close-codes --release\n\
         (cd benches/cold/builder-user && CARGO_TARGET_DIR=../../../target/bench-cold/builder-user cargo build)\n\
         (cd benches/cold/prost-user && CARGO_TARGET_DIR=../../../target/bench-cold/prost-user cargo build)\n\
         cargo tree -p ws-close-codes -e normal\n\
         ```\n\n\
         A benchmark prints each result as a line `BENCH {json}`; `cargo xtask bench` collects them. \
         `cargo xtask test` runs no benchmark and asserts no timing.\n",
    );
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Three significant digits, at most.
fn nanoseconds(ns: f64) -> String {
    // The bounds are where rounding would add a digit (9.996 shows as 10.0, not 10.00).
    let decimals = if ns < 9.995 {
        2
    } else if ns < 99.95 {
        1
    } else {
        0
    };
    format!("{ns:.decimals$}")
}

fn ratio(value: f64) -> String {
    nanoseconds(value)
}

fn duration(ns: f64) -> String {
    if ns < 1e3 {
        format!("{} ns", nanoseconds(ns))
    } else if ns < 1e6 {
        format!("{} µs", nanoseconds(ns / 1e3))
    } else if ns < 1e9 {
        format!("{} ms", nanoseconds(ns / 1e6))
    } else {
        format!("{} s", nanoseconds(ns / 1e9))
    }
}

fn seconds(time: Duration) -> String {
    duration(time.as_secs_f64() * 1e9)
}

fn minutes(time: Duration) -> String {
    let seconds = time.as_secs();
    format!("{} min {:02} s", seconds / 60, seconds % 60)
}

fn bytes(n: f64) -> String {
    const KIB: f64 = 1024.0;
    if n < KIB {
        format!("{n:.0} B")
    } else if n < KIB * KIB {
        format!("{} KiB", nanoseconds(n / KIB))
    } else if n < KIB * KIB * KIB {
        format!("{} MiB", nanoseconds(n / (KIB * KIB)))
    } else {
        format!("{} GiB", nanoseconds(n / (KIB * KIB * KIB)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::figures::{Machine, Results, Timing};
    use super::*;

    fn figures() -> Figures {
        let mut results = Results::default();
        results
            .add(concat!(
                "BENCH {\"suite\":\"generator\",\"registry\":\"codes.toml\",\"codes\":19,\"registry_bytes\":44617,",
                "\"files\":9,\"output_bytes\":400000,\"runs\":100,\"median_ns\":4000000.0,\"peak_bytes\":1800000.0}\n",
                "BENCH {\"suite\":\"lookup\",\"language\":\"rust\",\"role\":\"ours\",\"call\":\"CloseCode::from(c).description(Locale::Ru)\",\"ns_per_call\":3.0}\n",
                "BENCH {\"suite\":\"lookup\",\"language\":\"rust\",\"role\":\"ours\",\"call\":\"fast(c)\",\"ns_per_call\":0.5}\n",
                "BENCH {\"suite\":\"lookup\",\"language\":\"rust\",\"role\":\"peer\",\"call\":\"is_allowed(c)\",\"ns_per_call\":1.0}\n",
            ))
            .unwrap();
        Figures {
            date: "2026-01-02".to_owned(),
            machine: Machine { cpu: "CPU".to_owned(), cores: 2, ..Machine::default() },
            results,
            processes: vec![Timing {
                command: "xtask gen --check".to_owned(),
                detail: "dev".to_owned(),
                runs: 5,
                median: Duration::from_millis(120),
            }],
            total: Duration::from_secs(301),
            ..Figures::default()
        }
    }

    #[test]
    fn the_same_figures_give_the_same_file() {
        assert_eq!(render(&figures()), render(&figures()));
    }

    #[test]
    fn a_ratio_above_one_gets_its_note_and_a_met_target_none() {
        let text = render(&figures());
        assert!(text.contains("| 4.00 ms (peak heap 1.72 MiB) | yes |"), "{text}");
        assert!(text.contains("`CloseCode::from(c).description(Locale::Ru)`: 3.00 times the peer's time"), "{text}");
        assert!(text.contains(notes::note("rust:CloseCode::from(c).description(Locale::Ru)").unwrap()));
        assert!(!text.contains("`fast(c)`: "), "a lookup faster than the peer has no note");
        assert!(!text.contains("on `codes.toml` (target: 5 ms)"), "a met target has no note");
    }

    #[test]
    fn a_miss_without_a_note_says_so() {
        let mut figures = figures();
        figures.results.lookups[1].ns_per_call = 2.0;
        assert!(render(&figures).contains(notes::MISSING));
    }

    #[test]
    fn growth_is_read_from_the_time_per_code() {
        let mut figures = figures();
        let synthetic = |codes: u64, median_ns: f64| {
            format!(
                "BENCH {{\"suite\":\"generator\",\"registry\":\"synthetic-{codes}\",\"codes\":{codes},\
                 \"registry_bytes\":1,\"files\":1,\"output_bytes\":1,\"runs\":3,\"median_ns\":{median_ns},\
                 \"peak_bytes\":1.0}}\n"
            )
        };
        figures.results.add(&(synthetic(1_000, 2e8) + &synthetic(60_000, 1.38e10))).unwrap();
        let text = render(&figures);
        assert!(text.contains("between 200 µs and 230 µs: the time grows linearly"), "{text}");
        assert!(
            text.contains("| generator on 60,000 codes x 3 locales under 1 s, and linear | 13.8 s, linear"),
            "{text}"
        );
        assert!(text.contains("| **no**, see the notes |"), "{text}");
    }

    #[test]
    fn a_fast_run_that_is_not_linear_misses_the_large_target() {
        let mut figures = figures();
        let synthetic = |codes: u64, median_ns: f64| {
            format!(
                "BENCH {{\"suite\":\"generator\",\"registry\":\"synthetic-{codes}\",\"codes\":{codes},\
                 \"registry_bytes\":1,\"files\":1,\"output_bytes\":1,\"runs\":3,\"median_ns\":{median_ns},\
                 \"peak_bytes\":1.0}}\n"
            )
        };
        figures.results.add(&(synthetic(1_000, 1e6) + &synthetic(60_000, 9e8))).unwrap();
        let text = render(&figures);
        assert!(text.contains("| 900 ms, not linear (peak heap 1 B) | **no**, see the notes |"), "{text}");
        assert!(text.contains("grows faster than the number of codes"), "{text}");
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(60_000), "60,000");
        assert_eq!(thousands(100), "100");
        assert_eq!(nanoseconds(99.96), "100");
        assert_eq!(nanoseconds(9.996), "10.0");
        assert_eq!(nanoseconds(1.234), "1.23");
        assert_eq!(duration(15_892_000.0), "15.9 ms");
        assert_eq!(duration(1.25e10), "12.5 s");
        assert_eq!(bytes(1.7 * 1024.0 * 1024.0), "1.70 MiB");
        assert_eq!(minutes(Duration::from_secs(301)), "5 min 01 s");
    }
}
