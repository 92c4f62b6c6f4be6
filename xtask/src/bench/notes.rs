//! Why a figure misses its target, and what it would take: one note per measurement, shown in
//! `BENCHMARKS.md` only while that figure misses (a ratio above 1.0, or a time over its target).
//!
//! The notes describe the generated code and the emitters as they are; when either changes, the
//! note of a figure that still misses must be checked. Experiments quoted here were one-off runs
//! of hand-edited variants, not part of `cargo xtask bench`.

/// The note for a measurement (`generator:codes.toml`, `generator:largest`, or
/// `<language>:<call>` of one of our lookups), if one is written.
pub fn note(key: &str) -> Option<&'static str> {
    NOTES.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// Shown for a miss that has no note yet.
pub const MISSING: &str = "No explanation is recorded for this one yet: look at the generated code and add a note to \
     `xtask/src/bench/notes.rs`.";

const NOTES: &[(&str, &str)] = &[
    (
        "generator:codes.toml",
        "The standard plan has nine targets (Rust, TypeScript as `index.ts` plus one module per locale, Python, \
         Go, Java, Markdown in three locales, the conformance vectors with their reconnect grid and payload \
         cases); the stage table above shows where the time goes. The Rust stage is most of it, and most of that \
         is not per-code work: timed inside the emitter on this machine, quote builds the fixed part of the file \
         (every public item with its docs and tested examples, over a thousand doc lines, and the at-close \
         templates) in about 2 ms, syn parses it in about 8 ms, prettyplease prints it in about 2.5 ms, and the \
         per-code tables and `TEXTS`, written as text and spliced in, take under 1 ms. The other stages add up \
         to about 5 ms. So 5 ms cannot be met while quote, syn and prettyplease format the fixed part on every \
         run, as this issue asks them to. What it would take: that fixed part formatted once, when the \
         generator is built (a build script running the same quote, syn and prettyplease over it, with its \
         examples marked so that the module layout can drop them as text, as `WithoutExamples` does on the \
         syntax tree now), leaving only the items per range and locale to format at run time; and the \
         loading and the other emitters, about a millisecond each, halved.",
    ),
    (
        "generator:space",
        "Every target writes its per-code tables as text through the shared escaping core (a scan that copies \
         printable stretches whole, eight bytes at a time through runs of ASCII), and the stage table above \
         shows the time spread over them; the whole run takes longer than the sum of its stages, each measured \
         alone on a registry loaded once, with all of its output and a new registry live at once. The latest \
         changes, each measured alone on this machine as the best of many runs: loading 2,000 codes \
         from about 120 to about 75 ms (a text is checked in one pass, by bytes when it can be, and the name of \
         a text or the line and column of a duplicate are made only to report one), the escaping core six \
         times faster on English text and 1.6 times on Russian, the Markdown pages from about 47 to 36 ms (a \
         code's section written into its page), TypeScript from about 29 to 22 ms (the per-locale registries \
         built without copying the other locales' texts, the re-exports read from the core once). What is left \
         per code: every target holds every text in three locales, the TypeScript package twice (`index.ts` \
         and the module of its locale, which a browser bundle imports alone); the conformance vectors hold a \
         reconnect grid of 176 steps per code; the Markdown tables still build a `String` per cell; loading \
         parses TOML into spanned values (serde_spanned on every value), which is now most of its time. What it \
         would take: a TOML parse without spans when the registry loads without a diagnostic (re-parsing with \
         spans only to report one); the Markdown tables written into the page; the two-byte steps of Cyrillic \
         taken a word at a time as ASCII is; and, for the last factor of two or more, fewer bytes: the \
         reconnect grid per distinct reconnect hint and delay instead of per code.",
    ),
    (
        "generator:largest",
        "See the note on 2,000 codes: the work per code is the same, and the output for 60,000 codes is over a \
         gigabyte, because every target holds every text in three locales, the TypeScript package twice and \
         the conformance vectors once more with a reconnect grid of 176 steps per registered code. Only \
         writing that much text, page faults included, takes a few tenths of a second. What it would take \
         besides the changes of that note: a smaller conformance file for large registries (the reconnect grid \
         per distinct reconnect hint and delay instead of per code, which every language's test would read \
         differently). On linearity: the sizes are measured one after another over a few minutes, and this \
         machine's speed changes over such a span (the Go peer's copied check took 1.1 ns in some processes \
         and 2.2 ns in others), so the time per code of one size can fall in a fast stretch and another's in \
         a slow one. When a run calls the growth faster than linear, it is that: measured again one process \
         per size, the whole generator took 203 to 220 µs per code for 1,000 codes and 197 to 224 µs per \
         code for 10,000 in one sitting, and the two largest stages alone, loading and Markdown, took about \
         the same time per code at 10,000 and at 60,000 codes.",
    ),
    (
        "rust:CloseCode::from(c).is_sendable()",
        "Both are inlined and differ by a few instructions per code. The generated test first rules out the \
         numbers outside the first and the last run of sendable codes with one predictable comparison (most of \
         the u16 space), then one `matches!` over the runs, which rustc turns into range compares; tungstenite's \
         `From` and `is_allowed` become a 16-bit mask test over 1000-1015 and one subtract-and-compare. Without \
         the first comparison ours took about 1.4 times tungstenite's time, with it about 0.8 in the same \
         experiment; the rest is code layout and the load of the machine.",
    ),
    (
        "rust:CloseCode::from(c).name()",
        "`name` reads the code's entry: one predictable comparison rules out the numbers outside the first and \
         the last registered code, then a `match` over the registered numbers (a jump table for a dense run such \
         as 1000-1015, compares for the others) and one load. Without the first comparison rustc searched the \
         arms for every number, about 2.3 times the time with it in one experiment.",
    ),
    (
        "rust:CloseCode::from(c).description(Locale::Ru)",
        "It does more than tungstenite's check, which returns a bool: one comparison (numbers from 5000 up), else \
         two table loads to the `TEXTS` index of its title, then the load of the text and its bounds checks; \
         tungstenite's `From` and `is_allowed` become a mask test and a compare. The loops differ by a few \
         instructions per code, within the noise of a shared machine. What it would take to be clearly ahead: \
         one dense 64 KiB table of label indices (one load fewer), at the cost of the crate's size and of its \
         compile time if built by const evaluation.",
    ),
    (
        "rust:CloseCode::from(c).title(Locale::Ru)",
        "As for `description`: one comparison or two table loads to the `TEXTS` index, then one load; \
         tungstenite's check returns a bool.",
    ),
    (
        "text:rust:CloseCode::from(c).description(Locale::Ru)",
        "Method: see the Rust lookups above: one comparison above the last range, else two loads from the \
         generated `LABEL_BLOCKS` and `LABEL_TEXTS`, then one load from `TEXTS` (with its bounds check) and the \
         text's length. No search, no second lookup and no locale resolution are left to remove: the \
         benchmark's whole iteration (the `black_box` store and load of the number, the comparison, the load \
         and the sum) is a handful of instructions. `title` and `description` are the same code but for the \
         offset of the text, yet across this session's runs each took anywhere from 1.1 to 2.4 ns, one fast \
         and the other slow in one build and the other way round in the next: the figure moves with where the \
         loop lands in the benchmark binary (aligning every loop to 64 bytes did not steady it), so the 1.5 ns \
         target is met or missed by the build, not by the method.",
    ),
    (
        "text:rust:CloseCode::from(c).title(Locale::Ru)",
        "Method: as `description`, whose code it shares but for the offset of the text in `TEXTS`; see its note \
         for why the two figures differ.",
    ),
    (
        "text:typescript:describe(c)",
        "Method: see the TypeScript lookups above: one load from `LABEL_OF` (the core's `LABEL_INDEX` held in \
         a constant of the entry module), a `switch` on the locale argument, one load from that locale's \
         (unfrozen) array of texts. What is left in the benchmark's loop per call: the check of the imported \
         `describe` binding (every call through an ES module import pays it), the array's map and bounds \
         checks, and the string check before `.length`. A flat array of 65,536 texts per locale (one load \
         instead of two) was measured no faster, because it keeps the map, bounds and `undefined` checks, and \
         costs 512 KiB per locale for titles and as much for descriptions (3 MiB for three locales) filled at \
         load time, so it was not taken. On a shared machine the absolute figure also carries the load; the \
         ratio to ws in the same run is the fairer measure.",
    ),
    (
        "text:typescript:describe(c, \"ru\")",
        "Method: as `describe(c)`: one `LABEL_OF` load and a `switch` on the tag, whose `\"ru\"` case returns \
         from the Russian texts without negotiation (a constant tag folds the `switch` away in V8). On a shared \
         machine the absolute figure also carries the load.",
    ),
    (
        "text:typescript:titleOf(c, \"ru\")",
        "Method: as `describe`: one `LABEL_OF` load and a `switch` on the tag. On a shared machine the absolute \
         figure also carries the load.",
    ),
    (
        "typescript:isSendable(c)",
        "`isSendable` is one load from `SENDABLE`, a `Uint8Array` filled from the runs when the module loads \
         (`SENDABLE[code] === 1`, which is false for anything that is not an integer 0-65535); ws's \
         `isValidStatusCode` is a few comparisons and accepts 1000.5. The two are within a few tenths of a \
         nanosecond of each other, which is within the noise of a shared machine. What it would take: nothing \
         more in the function; measuring on a quiet machine.",
    ),
    (
        "typescript:describe(c)",
        "ws has no function that returns a text. `describe` is one `LABEL_OF` load, a `switch` on the locale tag \
         and one array load, and the loop adds the text's `.length`; ws's check is a few comparisons. Before \
         `LABEL_OF`, `describe` called the core's `labelIndexOf` through an import, which V8 checks on every \
         call, and fell back to `\"\"` after the text load: that took 1.3 to 1.4 times ws's check, and without \
         both it took 0.6 to 0.75 times in the same runs. A miss here is the noise of a shared machine.",
    ),
    (
        "typescript:describe(c, \"ru\")",
        "ws has no function that returns a text. As `describe(c)`: one `LABEL_OF` load and a `switch` case for \
         the registry's own tag. What it would take: as for `describe(c)`.",
    ),
    (
        "typescript:titleOf(c, \"ru\")",
        "ws has no function that returns a text. As `describe`: one `LABEL_OF` load and a `switch` case for the \
         registry's own tag.",
    ),
    (
        "python:describe(c)",
        "websockets has no function that returns a text. `describe` is one dict lookup of the tag, an `isinstance` \
         and a range check, then one subscript of `_LABEL_INDEX` (a 64 KiB `bytes` built when the module loads) \
         and one of the locale's tuple of texts. What it would take: nothing structural; it is a function call and \
         four subscripts.",
    ),
    (
        "python:describe(c, \"ru\")",
        "websockets has no function that returns a text. As `describe(c)`: one dict lookup of the tag and two \
         subscripts; no negotiation for the registry's own tags.",
    ),
    ("python:is_sendable(c)", "`is_sendable` is an `isinstance` and one chained comparison per run of sendable codes."),
    (
        "go:closecodes.CloseCode(c).Title(ru)",
        "`Title` is one load from `labelIndex` (65,536 entries, filled when the package loads; a `CloseCode` \
         indexes it without a bounds check) and one from `titles`, the texts by locale and label; coder's copied \
         check is a `switch` and two range compares. The difference is within the noise of the machine: the \
         peer's copied check itself took about 1.1 ns in some processes and about 2.2 ns in others, with the \
         same binary and the same inputs, while ours stayed between 0.9 and 1.3 ns.",
    ),
    (
        "go:closecodes.CloseCode(c).Description(ru)",
        "As `Title`: one `labelIndex` load and one load from `descriptions`.",
    ),
    (
        "go:closecodes.CloseCode(c).IsSendable()",
        "`IsSendable` first rules out the numbers outside the first and the last run of sendable codes with \
         one predictable comparison (most of the u16 space), then makes one comparison per run; coder/websocket's \
         copied check is a `switch` and two range compares. Without the first comparison the two were within \
         the noise of a shared machine (0.7 to 1.1); with it ours took a quarter to two fifths of the peer's \
         time in the same experiment.",
    ),
    (
        "codec:rust:parse",
        "`CloseFrame::parse` checks more than tungstenite's steps: the 125-byte limit and `is_sendable` before \
         the UTF-8 check, which both do with `str::from_utf8`. It is `#[inline]`, so the benchmark's loop \
         inlines it as it does tungstenite's copied steps (without that, the call and its returned `Result` \
         took about twice the peer's time); what is left moves with the code layout of the benchmark binary \
         (the peer's own figure varies between about 10 and 16 ns from one build to the next).",
    ),
    (
        "codec:rust:encode",
        "`CloseFrame::new` checks the code and the reason's length and `encode` copies into a caller's 125-byte \
         buffer; tungstenite's `Frame::close` allocates a `BytesMut`. A miss here would be noise.",
    ),
    (
        "codec:typescript:parse",
        "Both throw for the four refused payloads, and building an `Error` costs more than everything else in \
         either function: V8 walks the stack and reads the deoptimization data of each optimized frame for the \
         stack trace. Ours throws a `CloseFrameError` (an `Error` subclass with `closeCode`), which in V8 costs \
         somewhat more than a plain `Error` (about 0.8 µs a throw here); giving a native `Error` the subclass's \
         prototype afterwards halved that in an experiment, but changing an object's prototype is a pattern \
         engines warn against, so the constructor stays. ws's own `Receiver` also calls `Error.captureStackTrace` a second time in `createError`, which \
         the copied steps leave out, so the comparison errs in ws's favour. The accepted payloads: an empty \
         reason is not decoded; any other by the runtime's `TextDecoder` (not fatal, made once), checked again \
         in strict UTF-8 in JavaScript only when the text holds U+FFFD, against Node's `buffer.isUtf8` and \
         `toString` in ws; a fatal decoder would build a second error for every invalid reason. What it \
         would take: nothing structural; the refused payloads are the time.",
    ),
    (
        "codec:typescript:encode",
        "Both throw for the two refused messages, which is most of the time (see the note on parsing: ours \
         throws a `CloseFrameError`). An ASCII reason of up to 123 characters is written straight \
         into the payload; any other is measured (a regex finds a long ASCII reason, a loop measures the rest and \
         finds a lone surrogate) and written in a second pass, in JavaScript. `TextEncoder#encode` and \
         `#encodeInto` (with `String#isWellFormed` or a `\\p{Surrogate}` regex for the check) were measured \
         slower in Node 20, where each is a call into C++ that costs more than a loop over a short reason. What \
         is left is the 123-byte reason: V8 keeps a typed array of more than 64 bytes off the heap, and in one \
         run `new Uint8Array(125)` took 690 ns against 115 ns for 64 bytes and 174 ns for ws's \
         `Buffer.allocUnsafe(125)`, which slices a shared 8 KiB pool. A payload that shared its `ArrayBuffer` \
         with others would hand a caller who reads, sends or transfers `payload.buffer` other payloads' bytes, \
         so ours allocates each on its own. What it would take: nothing that keeps that guarantee; the other \
         six messages take less time than ws's steps or about the same.",
    ),
    (
        "codec:python:parse",
        "Both build an object (our `ClosePayload` named tuple, websockets' `Close` dataclass) and raise for the \
         refused payloads; the difference is a few attribute lookups. What it would take: the code check inlined \
         instead of a call to `is_sendable`.",
    ),
    (
        "codec:python:encode",
        "Ours checks the reason's length, which websockets' `serialize` does not, and both pack the code with \
         `struct`. What it would take: nothing structural; the difference is one `len` and one comparison.",
    ),
    (
        "codec:go:parse",
        "Both check the code and the UTF-8 of the reason (`utf8.Valid` in ours, `utf8.ValidString` in gorilla's \
         steps) and make the reason a string; ours also checks the 125-byte limit and returns a `CloseFrame` \
         value. The difference is within the noise of a shared machine.",
    ),
    (
        "codec:go:encode",
        "`NewCloseFrame` checks the code, that the reason is UTF-8 (`utf8.ValidString`) and its length; \
         `FormatCloseMessage` checks none of them, and formats the two messages ours refuses (1006, and a \
         124-byte reason) into payloads a peer must fail the connection for. RFC 6455 (section 5.5.1) requires \
         the reason to be UTF-8, and a Go string need not be, so ours refuses it with 1007 before sending; \
         that check is the difference: without it ours took about 0.8 of gorilla's time in the same \
         experiment, and a byte loop with `utf8.ValidString` only past the first non-ASCII byte was slower \
         than `utf8.ValidString` alone. `Encode` makes one slice of the final size and copies, as gorilla does. \
         What it would take: nothing this library should do; the check is the feature.",
    ),
    (
        "java:CloseCode.isSendable(c)",
        "`CloseCode.isSendable(int)` is a static method that makes no `CloseCode`: one comparison per run of \
         sendable codes on the `int` (false for any number outside 0-65535); Java-WebSocket's copied conditions \
         are a few comparisons on an `int` too, and a difference between them is within the noise of a shared \
         machine. What it would take: measuring on a quiet machine; there is nothing left to remove.",
    ),
    (
        "java:CloseCode.title(c, Locale.RU)",
        "`CloseCode.title(int, Locale)` is a static method that makes no `CloseCode`: a range test (which also \
         lets the JIT drop the bounds check), one load from `LABEL_INDEX` (a `byte[65536]` of label indices, \
         filled when the class loads) and one from the locale's row of `TITLES`; Java-WebSocket's copied \
         conditions return a `boolean`, not a text. What it would take: measuring on a quiet machine.",
    ),
    (
        "java:CloseCode.description(c, Locale.RU)",
        "As `title`: a range test, one `LABEL_INDEX` load and one load from the locale's row of `DESCRIPTIONS`.",
    ),
    (
        "codec:java:parse",
        "Exceptions dominate both, each with its stack trace (about 2 µs apiece in a one-off run, more than \
         all the accepted payloads together). Ours throws a `FrameException` for each of the four refused \
         payloads. Java-WebSocket throws one for each of the two refused codes and two for the reason that is \
         not UTF-8 (its `CharsetDecoder`'s exception, wrapped), then fails on the null reason it leaves with a \
         `NullPointerException` that the JIT throws without a trace once it is hot; it takes the one-byte \
         payload as code 1002 without throwing. Ours reads an accepted payload in one loop over the bytes \
         (ASCII copied as it is, anything else checked as UTF-8 by hand, with no `CharsetDecoder`) and keeps a \
         copy for `encode`. What it would take: a quiet machine; or `FrameException` without a stack trace, \
         which would cost users the trace when they log it.",
    ),
    (
        "codec:java:encode",
        "The two refuse different messages: ours refuses two of the seven (a code that may not be sent and a \
         124-byte reason), and each refusal is a `FrameException` with its stack trace, about 2 µs; \
         Java-WebSocket refuses only the code and builds a 126-byte payload for the long reason, which RFC 6455 \
         forbids in a control frame. On the five accepted messages ours is several times faster (in a one-off \
         run with one JMH benchmark per message: 380 ns against 1,150 ns for the same five): `Frame.of` writes an ASCII \
         reason straight into the payload as it checks it, encodes any other with `String.getBytes` once, and \
         keeps the payload, which `encode` copies. What it would take: `FrameException` without a stack trace \
         (in a one-off run, 0.2 to 0.3 of the peer's time); not done, because `Frame.of` refuses a code or a \
         reason that the caller's own code chose, and the trace is what finds that call.",
    ),
    (
        "build:builder",
        "The Builder's crate compiles the generator library as a build dependency, without the CLI's argument \
         parser and the unified diffs of drift reports (`default-features = false`, as the README tells build.rs \
         users: no clap, no similar); the conformance vectors are written as text, without serde_json. What is \
         left: TOML parsing with serde (its derive macros are on the longest chain: syn, then serde_derive, then \
         toml, then the generator) and serde_ignored, syn with its `full` and `visit-mut` features, quote, \
         prettyplease, strsim for suggestions, tempfile (with rustix) for writes that replace every file or \
         none, and the generator itself, whose every emitter is compiled. prost-build's crate compiles \
         prost-build with its own syn, prettyplease, petgraph, regex and prost-types, and prost at run time, but \
         gets protoc as a prebuilt binary. What would trim it further: the emitters other than Rust behind \
         default features (a build script usually writes one Rust module); reading the registry by walking the \
         TOML parser's spanned tables instead of serde's derive macros (an experiment removed serde from the \
         build script's dependencies entirely, but serde and toml are this project's chosen way to read); and \
         syn without `full` once the fixed part of the Rust file is a template.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_note_has_one_key() {
        for (index, (key, _)) in NOTES.iter().enumerate() {
            assert!(NOTES[index + 1..].iter().all(|(other, _)| other != key), "two notes for {key}");
        }
    }
}
