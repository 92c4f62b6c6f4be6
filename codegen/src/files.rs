//! Generated files on disk: one code path both writes them and checks them for drift.
//!
//! Files are compared with line endings normalized, written only when their content changed,
//! and replaced all together: every new file goes to a temporary file in its target's directory
//! first, then all are renamed into place.

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
    #[cfg_attr(not(feature = "internals"), expect(dead_code, reason = "for `cargo xtask gen`, which writes several registries' plans at once (`internals`)"))]
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

/// What the generator would have done to a file it refused to touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    /// Replace it with generated content.
    Overwrite,
    /// Delete it as a stale generated file.
    Delete,
}

/// Why files could not be brought up to date.
#[derive(Debug)]
pub enum ApplyError {
    /// Reading, writing or deleting failed before anything was renamed into place: the tree is
    /// as it was.
    Io {
        /// The file (the target, never a temporary file).
        path: PathBuf,
        /// The cause.
        error: io::Error,
    },
    /// Files lack the `@generated` marker; replacing or deleting them could lose work. Nothing
    /// was written.
    Foreign {
        /// Every such file, sorted, with what the run would have done to it.
        files: Vec<(PathBuf, Action)>,
    },
    /// Renaming a finished file into place (or deleting a stale one) failed part way: some
    /// files are new, others old.
    Partial {
        /// The file whose rename or removal failed.
        path: PathBuf,
        /// The cause.
        error: io::Error,
        /// Files already replaced, created or deleted.
        done: Vec<PathBuf>,
        /// Files left as they were (the failed one included).
        not_done: Vec<PathBuf>,
    },
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            ApplyError::Foreign { files } => {
                for (path, action) in files {
                    let (verb, place) = match action {
                        Action::Overwrite => ("overwrite", "a target path"),
                        Action::Delete => ("delete", "a generated directory"),
                    };
                    writeln!(
                        f,
                        "{}: not a generated file (no `{MARKER}` marker) at {place}; refusing to {verb} it",
                        path.display()
                    )?;
                }
                write!(
                    f,
                    "  hint: nothing was written; move the file(s) elsewhere or point the target at another path, then run the generator again"
                )
            }
            ApplyError::Partial { path, error, done, not_done } => {
                writeln!(f, "{}: {error}; the tree is partly updated", path.display())?;
                let list =
                    |paths: &[PathBuf]| paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
                writeln!(f, "  written: {}", if done.is_empty() { "none".to_owned() } else { list(done) })?;
                write!(f, "  not written: {}\n  hint: fix the cause and run the generator again", list(not_done))
            }
        }
    }
}

impl std::error::Error for ApplyError {}

/// Compares `plan` with the files under `root` and, in [`Mode::Write`], updates them.
/// Returns every difference found (in write mode: every change made).
///
/// Writing is all or nothing as far as the file system allows: every new file is first written
/// to a temporary file beside its target; only when all are written are they renamed over their
/// targets and stale files deleted. A failure before the renames leaves the tree as it was.
/// Files without the `@generated` marker are never replaced or deleted, in either mode: the run
/// fails naming them. New files get the permissions the umask allows; replaced files keep theirs.
pub fn apply(root: &Path, mut plan: Plan, mode: Mode) -> Result<Vec<Change>, ApplyError> {
    plan.sort();
    let mut changes = Vec::new();
    let mut foreign = Vec::new();
    for file in &plan.files {
        let target = root.join(&file.path);
        match read_normalized(&target)? {
            None => changes.push(Change { path: file.path.clone(), kind: ChangeKind::Missing, diff: None }),
            Some(old) if old != file.contents => {
                if !old.contains(MARKER) {
                    foreign.push((file.path.clone(), Action::Overwrite));
                }
                changes.push(Change {
                    path: file.path.clone(),
                    kind: ChangeKind::OutOfDate,
                    diff: Some(short_diff(&old, &file.contents, &file.path)),
                })
            }
            Some(_) => {}
        }
    }
    let stale = stale_files(root, &plan)?;
    for path in &stale {
        let text = read_normalized(&root.join(path))?.unwrap_or_default();
        if !text.contains(MARKER) {
            foreign.push((path.clone(), Action::Delete));
        }
    }
    if !foreign.is_empty() {
        foreign.sort();
        return Err(ApplyError::Foreign { files: foreign });
    }
    changes.extend(stale.into_iter().map(|path| Change { path, kind: ChangeKind::Stale, diff: None }));
    if mode == Mode::Write {
        remove_leftovers(root, &plan)?;
        let writes: Vec<(&Path, &str)> = changes
            .iter()
            .filter(|change| change.kind != ChangeKind::Stale)
            .map(|change| {
                let file = plan.files.iter().find(|f| f.path == change.path).expect("change of a planned file");
                (file.path.as_path(), file.contents.as_str())
            })
            .collect();
        let removals: Vec<&Path> =
            changes.iter().filter(|c| c.kind == ChangeKind::Stale).map(|c| c.path.as_path()).collect();
        commit(root, &writes, &removals)?;
    }
    Ok(changes)
}

/// Writes every file of `writes` to a temporary file, then renames them all into place and
/// deletes `removals`; paths are relative to `root`.
fn commit(root: &Path, writes: &[(&Path, &str)], removals: &[&Path]) -> Result<(), ApplyError> {
    let mut created = CreatedDirectories::default();
    let mut staged = Vec::with_capacity(writes.len());
    for (path, contents) in writes {
        // On failure, `staged` drops (deleting the temporary files) and so does `created`
        // (removing the directories this run made), before the error is returned.
        staged.push((*path, stage(&root.join(path), contents, &mut created)?));
    }
    created.keep();
    let mut done = Vec::new();
    let mut pending: Vec<PathBuf> = writes.iter().map(|(path, _)| path.to_path_buf()).collect();
    pending.extend(removals.iter().map(|path| path.to_path_buf()));
    let mut staged = staged.into_iter();
    let partial = |path: &Path, error, done: Vec<PathBuf>, pending: Vec<PathBuf>| ApplyError::Partial {
        path: path.to_owned(),
        error,
        done,
        not_done: pending,
    };
    for (path, temporary) in staged.by_ref() {
        if let Err(error) = temporary.persist(root.join(path)) {
            // The remaining temporary files are deleted as `staged` drops.
            return Err(partial(path, error.error, done, pending));
        }
        done.push(pending.remove(0));
    }
    for path in removals {
        if let Err(error) = std::fs::remove_file(root.join(path)) {
            return Err(partial(path, error, done, pending));
        }
        done.push(pending.remove(0));
    }
    Ok(())
}

/// Writes `contents` to a temporary file beside `target`, with the permissions `target` will
/// have: its own if it exists, else what the umask allows.
fn stage(
    target: &Path,
    contents: &str,
    created: &mut CreatedDirectories,
) -> Result<tempfile::NamedTempFile, ApplyError> {
    let directory = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    created.create(directory).map_err(|error| io_error(target, error))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMPORARY_PREFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // open(2) applies the umask to this mode, as for any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(directory).map_err(|error| io_error(target, error))?;
    match std::fs::metadata(target) {
        Ok(existing) => std::fs::set_permissions(temporary.path(), existing.permissions())
            .map_err(|error| io_error(target, error))?,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(io_error(target, error)),
    }
    temporary.write_all(contents.as_bytes()).map_err(|error| io_error(target, error))?;
    temporary.as_file().sync_all().map_err(|error| io_error(target, error))?;
    Ok(temporary)
}

/// Directories a run created for new files; removed again (innermost first, only if empty)
/// unless [`CreatedDirectories::keep`] is called.
#[derive(Default)]
struct CreatedDirectories(Vec<PathBuf>);

impl CreatedDirectories {
    /// `create_dir_all`, remembering each directory it made.
    fn create(&mut self, directory: &Path) -> io::Result<()> {
        let mut missing = Vec::new();
        let mut current = directory;
        while !current.as_os_str().is_empty() && !current.exists() {
            missing.push(current.to_owned());
            match current.parent() {
                Some(parent) => current = parent,
                None => break,
            }
        }
        for directory in missing.into_iter().rev() {
            std::fs::create_dir(&directory)?;
            self.0.push(directory);
        }
        Ok(())
    }

    fn keep(&mut self) {
        self.0.clear();
    }
}

impl Drop for CreatedDirectories {
    fn drop(&mut self) {
        for directory in self.0.iter().rev() {
            // Only empty ones: anything else in them is not this run's.
            let _ = std::fs::remove_dir(directory);
        }
    }
}

/// Replaces one file outside any plan (such as a build script's module in `OUT_DIR`) through
/// the same path as [`apply`]: refuses a file without the marker, keeps an existing file's mode.
pub fn write_file(path: &Path, contents: &str) -> Result<Option<Change>, ApplyError> {
    let (root, name) = match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => (parent, Path::new(name)),
        _ => (Path::new("."), path),
    };
    let mut plan = Plan::default();
    plan.file(name, contents.to_owned());
    Ok(apply(root, plan, Mode::Write)?.into_iter().next())
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

/// Without the `diff` feature: the first line that differs.
#[cfg(not(feature = "diff"))]
fn short_diff(old: &str, new: &str, path: &Path) -> String {
    first_difference(old, new, path)
}

/// The first line that differs, numbered, as on disk and as generated.
#[cfg_attr(all(feature = "diff", not(test)), expect(dead_code, reason = "used without the `diff` feature"))]
fn first_difference(old: &str, new: &str, path: &Path) -> String {
    let (mut old_lines, mut new_lines) = (old.lines(), new.lines());
    let mut number = 1;
    loop {
        match (old_lines.next(), new_lines.next()) {
            (Some(a), Some(b)) if a == b => number += 1,
            (None, None) => return format!("{}: only the line endings differ", path.display()),
            (a, b) => {
                let shown = |line: Option<&str>| line.map_or_else(|| "(end of file)".to_owned(), |l| format!("{l:?}"));
                return format!(
                    "{name}: line {number} differs\n  on disk:   {}\n  generated: {}",
                    shown(a),
                    shown(b),
                    name = path.display()
                );
            }
        }
    }
}

/// A unified diff with one line of context, cut after 24 lines.
#[cfg(feature = "diff")]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_difference_names_the_line_and_both_versions() {
        let path = Path::new("src/close_codes.rs");
        assert_eq!(
            first_difference("a\nb\nc\n", "a\nB\nc\n", path),
            "src/close_codes.rs: line 2 differs\n  on disk:   \"b\"\n  generated: \"B\""
        );
        assert_eq!(
            first_difference("a\n", "a\nb\n", path),
            "src/close_codes.rs: line 2 differs\n  on disk:   (end of file)\n  generated: \"b\""
        );
        assert_eq!(first_difference("a\r\n", "a\n", path), "src/close_codes.rs: only the line endings differ");
    }

    #[test]
    fn a_failed_rename_reports_what_was_and_was_not_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.rs"), "// @generated old\n").unwrap();
        // A non-empty directory at the second target: its temporary file can be written, but
        // not renamed over it.
        std::fs::create_dir_all(dir.path().join("b.rs/inside")).unwrap();
        let writes = [(Path::new("a.rs"), "// @generated new\n"), (Path::new("b.rs"), "// @generated b\n")];
        let error = commit(dir.path(), &writes, &[]).unwrap_err();
        let ApplyError::Partial { path, done, not_done, .. } = &error else { panic!("{error}") };
        assert_eq!(path, Path::new("b.rs"));
        assert_eq!(done, &[PathBuf::from("a.rs")]);
        assert_eq!(not_done, &[PathBuf::from("b.rs")]);
        let message = error.to_string();
        assert!(message.contains("written: a.rs") && message.contains("not written: b.rs"), "{message}");
        assert!(!message.contains(TEMPORARY_PREFIX), "{message}");
        assert_eq!(std::fs::read_to_string(dir.path().join("a.rs")).unwrap(), "// @generated new\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
    }
}
