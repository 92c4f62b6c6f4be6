//! Generated files on disk: one code path both writes them and checks them for drift.
//!
//! Files are compared with line endings normalized, written only when their content changed,
//! and replaced atomically (a temporary file in the same directory, then a rename).

use std::fmt;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// The marker every generated file carries; only files with it are ever deleted.
pub const MARKER: &str = "@generated";

/// The name prefix of temporary files, written beside their target and renamed over it.
const TEMPORARY_PREFIX: &str = ".ws-close-codes-";

/// How old a temporary file must be before a run deletes it as left over by a killed run.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(60);

/// One file the generator produces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the output root, with `/` separators.
    pub path: PathBuf,
    /// The complete contents, LF line endings.
    pub contents: String,
}

/// Everything one run produces, and the directories it owns entirely.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files to write, sorted by path.
    pub files: Vec<GeneratedFile>,
    /// Directories (relative to the root) holding only generated files: anything else in them
    /// is stale.
    pub directories: Vec<PathBuf>,
}

impl Plan {
    /// Adds a file.
    pub fn file(&mut self, path: impl Into<PathBuf>, contents: String) {
        self.files.push(GeneratedFile { path: path.into(), contents });
    }

    /// Marks a directory as owned by the generator.
    pub fn directory(&mut self, path: impl Into<PathBuf>) {
        self.directories.push(path.into());
    }

    /// Adds every file and directory of `other`, with paths under `prefix`.
    pub fn include(&mut self, prefix: &Path, other: Plan) {
        for file in other.files {
            self.files.push(GeneratedFile { path: prefix.join(file.path), contents: file.contents });
        }
        self.directories.extend(other.directories.into_iter().map(|directory| prefix.join(directory)));
    }

    fn sort(&mut self) {
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
        self.directories.sort();
        self.directories.dedup();
    }
}

/// Write the files, or only compare them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Bring the tree up to date.
    Write,
    /// Change nothing; report what is out of date.
    Check,
}

/// What differs between the plan and the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// The file does not exist yet.
    Missing,
    /// The file exists with other content.
    OutOfDate,
    /// A generated file that is no longer generated.
    Stale,
}

/// One difference, with a short diff for out-of-date files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Path relative to the root.
    pub path: PathBuf,
    /// What kind of difference.
    pub kind: ChangeKind,
    /// A few lines of unified diff (old tree -> generated), for out-of-date files.
    pub diff: Option<String>,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match self.kind {
            ChangeKind::Missing => write!(f, "{path}: missing"),
            ChangeKind::OutOfDate => write!(f, "{path}: out of date"),
            ChangeKind::Stale => write!(f, "{path}: stale (no longer generated)"),
        }
    }
}

/// Why files could not be brought up to date.
#[derive(Debug)]
pub enum ApplyError {
    /// Reading, writing or deleting failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        error: io::Error,
    },
    /// A file in a generated directory lacks the `@generated` marker; deleting it could lose work.
    Foreign {
        /// The file.
        path: PathBuf,
    },
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            ApplyError::Foreign { path } => write!(
                f,
                "{}: not a generated file (no `{MARKER}` marker) in a generated directory; refusing to delete it\n  hint: move it elsewhere, then run the generator again",
                path.display()
            ),
        }
    }
}

impl std::error::Error for ApplyError {}

/// Compares `plan` with the files under `root` and, in [`Mode::Write`], updates them.
/// Returns every difference found (in write mode: every change made).
pub fn apply(root: &Path, mut plan: Plan, mode: Mode) -> Result<Vec<Change>, ApplyError> {
    plan.sort();
    let mut changes = Vec::new();
    for file in &plan.files {
        let target = root.join(&file.path);
        match read_normalized(&target)? {
            None => changes.push(Change { path: file.path.clone(), kind: ChangeKind::Missing, diff: None }),
            Some(old) if old != file.contents => changes.push(Change {
                path: file.path.clone(),
                kind: ChangeKind::OutOfDate,
                diff: Some(short_diff(&old, &file.contents, &file.path)),
            }),
            Some(_) => {}
        }
    }
    let stale = stale_files(root, &plan)?;
    if mode == Mode::Write {
        // Refuse before writing anything, so a refusal leaves the tree as it was.
        for path in &stale {
            let text = read_normalized(&root.join(path))?.unwrap_or_default();
            if !text.contains(MARKER) {
                return Err(ApplyError::Foreign { path: path.clone() });
            }
        }
    }
    changes.extend(stale.into_iter().map(|path| Change { path, kind: ChangeKind::Stale, diff: None }));
    if mode == Mode::Write {
        remove_leftovers(root, &plan)?;
        for change in &changes {
            let target = root.join(&change.path);
            match change.kind {
                ChangeKind::Missing | ChangeKind::OutOfDate => {
                    let file = plan.files.iter().find(|f| f.path == change.path).expect("change of a planned file");
                    write_atomically(&target, &file.contents)?;
                }
                ChangeKind::Stale => std::fs::remove_file(&target).map_err(|error| io_error(&target, error))?,
            }
        }
    }
    Ok(changes)
}

/// Replaces `path` with `contents` so that readers see the old or the new file, never a part.
pub fn write_atomically(path: &Path, contents: &str) -> Result<(), ApplyError> {
    let directory = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(directory).map_err(|error| io_error(directory, error))?;
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .tempfile_in(directory)
        .map_err(|error| io_error(directory, error))?;
    temporary.write_all(contents.as_bytes()).map_err(|error| io_error(path, error))?;
    temporary.as_file().sync_all().map_err(|error| io_error(path, error))?;
    temporary.persist(path).map_err(|error| io_error(path, error.error))?;
    Ok(())
}

/// Removes temporary files that a killed run left beside the generated files.
fn remove_leftovers(root: &Path, plan: &Plan) -> Result<(), ApplyError> {
    let mut directories: Vec<PathBuf> = plan.files.iter().filter_map(|f| f.path.parent().map(Path::to_owned)).collect();
    directories.sort();
    directories.dedup();
    for directory in directories {
        let absolute = root.join(directory);
        let Ok(entries) = std::fs::read_dir(&absolute) else { continue };
        for entry in entries.flatten() {
            // A fresh one may belong to a run still going on; only old ones are surely left over.
            let abandoned = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified.elapsed().is_ok_and(|age| age > LEFTOVER_AGE));
            if abandoned && entry.file_name().to_string_lossy().starts_with(TEMPORARY_PREFIX) {
                // Failing to remove a leftover is harmless: it is ignored everywhere.
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(())
}

fn read_normalized(path: &Path) -> Result<Option<String>, ApplyError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).replace("\r\n", "\n"))),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(io_error(path, error)),
    }
}

/// Files under the plan's directories that the plan does not produce, sorted.
fn stale_files(root: &Path, plan: &Plan) -> Result<Vec<PathBuf>, ApplyError> {
    let mut stale = Vec::new();
    for directory in &plan.directories {
        walk(root, directory, &mut |relative| {
            if !plan.files.iter().any(|file| file.path == relative) {
                stale.push(relative);
            }
        })?;
    }
    stale.sort();
    stale.dedup();
    Ok(stale)
}

fn walk(root: &Path, relative: &Path, found: &mut dyn FnMut(PathBuf)) -> Result<(), ApplyError> {
    let absolute = root.join(relative);
    let entries = match std::fs::read_dir(&absolute) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(io_error(&absolute, error)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| io_error(&absolute, error))?;
        let kind = entry.file_type().map_err(|error| io_error(&entry.path(), error))?;
        names.push((entry.file_name(), kind.is_dir()));
    }
    names.sort();
    for (name, is_dir) in names {
        let text = name.to_string_lossy();
        // Leftovers of an interrupted write and build caches are not stale generated files.
        if crate::emit::is_cache(&text) || text.starts_with(TEMPORARY_PREFIX) {
            continue;
        }
        let child = relative.join(&name);
        if is_dir {
            walk(root, &child, found)?;
        } else {
            found(child);
        }
    }
    Ok(())
}

fn short_diff(old: &str, new: &str, path: &Path) -> String {
    const MAX_LINES: usize = 24;
    let diff = similar::TextDiff::from_lines(old, new);
    let name = path.display().to_string();
    let text = diff
        .unified_diff()
        .context_radius(1)
        .header(&format!("{name} (on disk)"), &format!("{name} (generated)"))
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() > MAX_LINES {
        format!("{}\n... ({} more lines)", lines[..MAX_LINES].join("\n"), lines.len() - MAX_LINES)
    } else {
        lines.join("\n")
    }
}

fn io_error(path: &Path, error: io::Error) -> ApplyError {
    ApplyError::Io { path: path.to_owned(), error }
}
