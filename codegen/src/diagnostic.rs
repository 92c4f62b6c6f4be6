//! Errors and warnings about a registry, printed like a compiler's:
//! `codes.toml:12:5: duplicate code 1006, first defined at 8:1`, then a hint.

use std::fmt;
use std::ops::Range as ByteRange;

/// How bad a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The registry is accepted; the message is worth reading.
    Warning,
    /// The registry is rejected and nothing is written.
    Error,
}

/// A 1-based line and column (in characters) in a source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One problem found in a registry, with where it is and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file name shown before the position, e.g. `codes.toml`.
    pub file: String,
    /// Where the problem is.
    pub position: Position,
    /// What is wrong, in one line.
    pub message: String,
    /// How to fix it, if there is something useful to say.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// Is this an error (as opposed to a warning)?
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(f, "{}:{}: {level}{}", self.file, self.position, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// A registry's text with its display name; turns byte offsets into positions.
#[derive(Clone, Debug)]
pub struct Source {
    /// Shown in diagnostics, e.g. `codes.toml`.
    pub name: String,
    /// The whole file.
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    /// Wraps a file's text; `name` is what diagnostics print before the position.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Source { name: name.into(), text, line_starts }
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        Position { line: line + 1, column: column + 1 }
    }
}

/// Collects diagnostics for one source; the parse and validate stages share it.
#[derive(Debug)]
pub struct Diagnostics<'s> {
    source: &'s Source,
    items: Vec<Diagnostic>,
}

impl<'s> Diagnostics<'s> {
    /// An empty collection for `source`.
    pub fn new(source: &'s Source) -> Self {
        Diagnostics { source, items: Vec::new() }
    }

    /// The source these diagnostics point into.
    pub fn source(&self) -> &'s Source {
        self.source
    }

    /// The position of a byte span's start.
    pub fn position(&self, span: &ByteRange<usize>) -> Position {
        self.source.position(span.start)
    }

    /// Records an error at `span`.
    pub fn error(&mut self, span: &ByteRange<usize>, message: impl Into<String>, hint: Option<String>) {
        self.push(Severity::Error, span, message.into(), hint);
    }

    /// Records a warning at `span`.
    pub fn warning(&mut self, span: &ByteRange<usize>, message: impl Into<String>, hint: Option<String>) {
        self.push(Severity::Warning, span, message.into(), hint);
    }

    fn push(&mut self, severity: Severity, span: &ByteRange<usize>, message: String, hint: Option<String>) {
        self.items.push(Diagnostic {
            severity,
            file: self.source.name.clone(),
            position: self.position(span),
            message,
            hint,
        });
    }

    /// Has any error been recorded?
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// All diagnostics, ordered by position (stable for equal positions).
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by_key(|d| d.position);
        self.items
    }
}

/// "did you mean `x`?" for a misspelt word among the accepted ones.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| format!("did you mean `{candidate}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let source = Source::new("x.toml", "ab\n日本c\n");
        assert_eq!(source.position(0), Position { line: 1, column: 1 });
        assert_eq!(source.position(3), Position { line: 2, column: 1 });
        assert_eq!(source.position(9), Position { line: 2, column: 3 });
        assert_eq!(source.position(999), Position { line: 3, column: 1 });
    }

    #[test]
    fn did_you_mean_suggests_the_closest_word() {
        assert_eq!(did_you_mean("titel", ["title", "description"]).as_deref(), Some("did you mean `title`?"));
        assert_eq!(did_you_mean("zzz", ["title"]), None);
    }
}
