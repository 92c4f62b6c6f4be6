//! Which targets a run generates, and where.

use crate::emit::{self, Output};
use crate::files::Plan;
use crate::model::Registry;

/// Which targets to generate and where, relative to the output root: an [`Output`] for some of
/// the targets of [`emit::TARGETS`], kept in that list's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Targets {
    outputs: Vec<(&'static str, Output)>,
}

impl Targets {
    /// The layout of this repository: every target, as a package.
    #[cfg_attr(not(feature = "internals"), expect(dead_code, reason = "the repository's layout, used by `cargo xtask gen` (`internals`)"))]
    pub fn standard() -> Self {
        Targets { outputs: emit::TARGETS.iter().map(|target| (target.key(), target.standard())).collect() }
    }

    /// These targets with `target` going to `output` (instead of where it went before).
    ///
    /// # Panics
    ///
    /// When `target` is not the key of one of [`emit::TARGETS`].
    pub fn with(mut self, target: &str, output: Output) -> Self {
        let found = emit::target(target).unwrap_or_else(|| panic!("no target `{target}` in emit::TARGETS"));
        self.outputs.retain(|(key, _)| *key != found.key());
        self.outputs.push((found.key(), output));
        self.outputs.sort_by_key(|(key, _)| emit::TARGETS.iter().position(|t| t.key() == *key));
        self
    }

    /// Only `target` of these targets.
    #[cfg_attr(not(feature = "internals"), expect(dead_code, reason = "for this repository's tests and benchmarks (`internals`)"))]
    pub fn only(mut self, target: &str) -> Self {
        self.outputs.retain(|(key, _)| *key == target);
        self
    }

    /// Where `target` goes, if it is generated.
    #[cfg_attr(not(any(feature = "cli", feature = "internals")), expect(dead_code, reason = "for `ws-close-codes docs` (the `cli` feature)"))]
    pub fn get(&self, target: &str) -> Option<&Output> {
        self.outputs.iter().find(|(key, _)| *key == target).map(|(_, output)| output)
    }

    /// The targets generated, in [`emit::TARGETS`] order.
    pub fn configured(&self) -> Vec<&'static dyn emit::Target> {
        self.outputs.iter().filter_map(|(key, _)| emit::target(key)).collect()
    }

    /// Runs every configured emitter. `command` is the command that regenerates the files and
    /// `registry_name` the registry's file name; both go into the `@generated` header.
    pub fn plan(&self, registry: &Registry, command: &str, registry_name: &str) -> Plan {
        let header = emit::Header { command: command.to_owned(), registry: registry_name.to_owned() };
        let mut plan = Plan::default();
        for (key, output) in &self.outputs {
            if let Some(target) = emit::target(key) {
                target.plan(registry, &header, output, &mut plan);
            }
        }
        plan
    }
}
