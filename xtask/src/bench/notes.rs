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
        "Two costs make up most of it (see the stage table; the shares are from a profile). The Rust stage, two \
         thirds of the run, builds the whole file with quote, parses it back with syn and prints it with \
         prettyplease, allocating every token on the way; roughly half of it is the part of the file that is the \
         same for every registry. And escaping asks Unicode tables about every non-ASCII character of every \
         text (`is_printable` in the TypeScript and Python escapers, `escape_debug` inside quote), about a fifth \
         of the run: the Chinese and Russian texts are mostly such characters. What it would take: the fixed part \
         of the Rust file as an already formatted template, as the TypeScript and Python emitters have, so that \
         only the per-code items go through quote, syn and prettyplease; and a fast path in the escapers for \
         the characters known to print (letters of the common scripts). Together that should come to about \
         4-4.5 ms.",
    ),
    (
        "generator:largest",
        "Time grows linearly with the number of codes (see the time per code), and so does memory: the output \
         for 60,000 codes is over half a gigabyte, and every text is escaped once per target. More than half of \
         the time is the Rust stage: each text becomes a literal through quote's escaping, is parsed back by syn \
         and printed by prettyplease, and the file holds a 60,000-arm `match` and a 60,000-entry table. Next come \
         the Markdown, TOML parsing with spans, and the per-character escaping of the TypeScript and Python \
         emitters, which asks Unicode tables about every non-ASCII character (`is_printable`). What it would take \
         is about 13 times less work per code: the per-code tables of every target written as text with an \
         escaper that has a fast path for printable characters, keeping quote and prettyplease for the fixed part \
         of the Rust file; a Rust lookup by binary search over a sorted table instead of a `match` would also \
         shrink the output. That is a redesign of the emitters, for registries far larger than real ones (IANA \
         lists about 20 codes).",
    ),
    (
        "rust:CloseCode::from(c).is_sendable()",
        "Both are inlined, and the gap is a few hundredths of a nanosecond, within what changes from run to \
         run. The generated test is one wrapping compare per run of sendable codes, \
         `(c.wrapping_sub(1000) <= 3) | (c.wrapping_sub(1007) <= 7) | (c.wrapping_sub(3000) <= 1999)`, \
         combined without branches; tungstenite's `From` and `is_allowed` become a 16-bit mask test over \
         1000-1015 and one subtract-and-compare. What it would take to be clearly ahead: the runs inside a \
         64-code window as one bit mask (`(MASK >> (code - 1000)) & 1`), which took about two thirds of \
         tungstenite's time in an experiment on this machine.",
    ),
    (
        "rust:CloseCode::from(c).description(Locale::Ru)",
        "It is inlined, and it does more than tungstenite's check, which returns a bool: it picks the code's own \
         text (a jump table over 1000-1015, compares for the others), else its range's, else the out-of-range \
         text, then loads the text of the locale. The range is found by a chain of compares from the lowest \
         range up, so a number above 4999, most of the 65,536, passes every range bound before it gets the \
         out-of-range text. What it would take: one `match` from the code straight to an index into a static \
         table of texts, with registered codes and ranges folded together and the bounds searched from the \
         middle, or at least testing the last range's end first. The gap is about half a nanosecond.",
    ),
    (
        "typescript:isSendable(c)",
        "`isSendable` calls `sendableNumber`, a search from the middle of the runs with the integer check last \
         (`(code >= 1007 ? (code >= 3000 ? ... : ...) : ...) && (code | 0) === code`); ws's `isValidStatusCode` \
         is one function of a few comparisons and no integer check (it accepts 1000.5). What it would take: \
         the test written in `isSendable` itself, since the extra call added about 0.3 ns in an experiment, \
         and the branch bounds simplified (the high branch tests its lower bound twice).",
    ),
    (
        "typescript:describe(c)",
        "ws has no function that returns a text; its check is the only close-code function it has. `describe` \
         finds the label in two steps: `entryOf` (bounds, an integer check and a `Map` lookup), then for an \
         unregistered code `rangeOf` (the integer check again and a loop over `RANGES`). What it would take: the \
         label in one step, by comparisons over the piece bounds (`Registry::pieces`) as for `isSendable`, or \
         from a 64 KiB `Uint8Array` of label indices filled when the module loads; with such a table it took \
         1.8 ns here.",
    ),
    (
        "typescript:describe(c, \"ru\")",
        "ws has no function that returns a text. `describe` finds the label in two steps (`entryOf`, then for an \
         unregistered code `rangeOf` with a loop over `RANGES`), and resolves the tag on every call with \
         `LOCALES.includes(\"ru\")`, about 10 ns of the time. What it would take: the label in one step (as for \
         `describe(c)`) and a `switch` on the tag for the locales' own tags.",
    ),
    (
        "python:describe(c)",
        "websockets has no function that returns a text; its check is the only close-code function it has. \
         `describe` makes several Python calls per lookup: `_label_of`, `_entry_of` (which calls `_is_code`, \
         then looks in a dict), for an unregistered code `range_of` (`_is_code` again, a loop over `RANGES`) and \
         `_label()`, then `_locale_index`. What it would take: a table of label indices over 0-65535 (a `bytes` built from \
         the pieces when the module loads) read with one subscript inside `describe`; written that way by hand \
         it took about 120 ns here, a quarter of `Close.check`.",
    ),
    (
        "python:describe(c, \"ru\")",
        "websockets has no function that returns a text; its check is the only close-code function it has. \
         `describe` makes several Python calls per lookup (`_label_of`, `_entry_of`, `_is_code`, for an \
         unregistered code `range_of` with a loop over `RANGES` and `_label()`, then `_locale_index`); the tag \
         itself is one dict lookup. What it would take: a table of label indices over 0-65535 (a `bytes` built \
         from the pieces when the module loads) read with one subscript inside `describe`; written that way by \
         hand it took about 120 ns here, a quarter of `Close.check`.",
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
