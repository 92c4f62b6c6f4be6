//! The figures of one `cargo xtask bench` run: what the benchmarks printed as `BENCH {json}`
//! lines, and what xtask measured itself (whole processes, cold builds, the machine).

use std::time::Duration;

use serde_json::Value;

/// The prefix of every result line a benchmark prints.
pub const PREFIX: &str = "BENCH ";

/// Everything `BENCHMARKS.md` shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// The day of the run (UTC), `YYYY-MM-DD`.
    pub date: String,
    /// Where it ran.
    pub machine: Machine,
    /// What the benchmarks printed.
    pub results: Results,
    /// Whole-process timings of `gen --check`.
    pub processes: Vec<Timing>,
    /// Cold builds.
    pub builds: Vec<Timing>,
    /// Cold builds of a user's crate: with the build.rs Builder, then with prost-build.
    pub user_builds: Vec<Timing>,
    /// The normal dependencies of the generated crate, as `cargo tree` names them.
    pub dependencies: Vec<String>,
    /// How long the whole `cargo xtask bench` took.
    pub total: Duration,
}

/// The machine and the toolchains.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Machine {
    /// CPU model, from `/proc/cpuinfo`.
    pub cpu: String,
    /// Logical CPUs available.
    pub cores: usize,
    /// Total memory, e.g. `23.4 GiB`.
    pub memory: String,
    /// Operating system and kernel.
    pub os: String,
    /// `rustc --version`.
    pub rustc: String,
}

/// One command timed as a whole process.
#[derive(Clone, Debug, PartialEq)]
pub struct Timing {
    /// The command as a reader would type it.
    pub command: String,
    /// Profile or conditions, e.g. `dev`.
    pub detail: String,
    /// How many times it ran.
    pub runs: usize,
    /// The median wall time.
    pub median: Duration,
}

/// The results the benchmarks printed, in the order they printed them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// The generator on one registry.
    pub generator: Vec<Generator>,
    /// One stage of the generator alone.
    pub stages: Vec<Stage>,
    /// One lookup over every code.
    pub lookups: Vec<Lookup>,
    /// Close frame payloads parsed or encoded.
    pub codecs: Vec<Codec>,
    /// The peer of a language and the runtime it ran on.
    pub peers: Vec<Peer>,
}

/// The generator in-process on one registry.
#[derive(Clone, Debug, PartialEq)]
pub struct Generator {
    /// `codes.toml` or `synthetic-N`.
    pub registry: String,
    /// Codes in the registry.
    pub codes: u64,
    /// Size of the registry text.
    pub registry_bytes: u64,
    /// Files planned.
    pub files: u64,
    /// Their total size.
    pub output_bytes: u64,
    /// Timed runs.
    pub runs: u64,
    /// Median wall time of one run, in ns.
    pub median_ns: f64,
    /// Peak heap during a run, in bytes.
    pub peak_bytes: f64,
}

/// One stage of the generator (loading, or one target's emitter) alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    /// The registry.
    pub registry: String,
    /// E.g. `emit Rust`.
    pub stage: String,
    /// Median wall time, in ns.
    pub median_ns: f64,
}

/// Whose code a lookup measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The generated code.
    Ours,
    /// A peer's close-code check, as its users call it (or copied, when it is not exported); the
    /// fastest peer of a language is the reference of the ratios.
    Peer,
    /// The expression inside the peer's check, without the call around it.
    PeerInner,
}

/// One lookup over all 65,536 codes.
#[derive(Clone, Debug, PartialEq)]
pub struct Lookup {
    /// `rust`, `typescript` or `python`.
    pub language: String,
    /// Ours or the peer's.
    pub role: Role,
    /// The call, as written in that language.
    pub call: String,
    /// Median time per call, in ns.
    pub ns_per_call: f64,
}

/// Close frame payloads read (`parse`) or written (`encode`), over one mix of valid and invalid
/// inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Codec {
    /// `rust`, `typescript` or `python`.
    pub language: String,
    /// Ours or the peer's.
    pub role: Role,
    /// `parse` or `encode`.
    pub operation: String,
    /// The call, as written in that language.
    pub call: String,
    /// How many inputs the mix has.
    pub inputs: u64,
    /// Median time per call, in ns.
    pub ns_per_call: f64,
}

/// The peer of a language and the runtime that ran it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    /// `typescript` or `python`.
    pub language: String,
    /// The package, e.g. `ws`.
    pub name: String,
    /// Its version.
    pub version: String,
    /// E.g. `node v20.20.2`.
    pub runtime: String,
}

impl Results {
    /// Adds every `BENCH {json}` line of `output`; other lines are ignored.
    pub fn add(&mut self, output: &str) -> Result<(), String> {
        for line in output.lines() {
            let Some(json) = line.trim_end().strip_prefix(PREFIX) else { continue };
            let value: Value = serde_json::from_str(json).map_err(|error| format!("`{line}`: {error}"))?;
            self.add_value(&value).map_err(|error| format!("`{line}`: {error}"))?;
        }
        Ok(())
    }

    fn add_value(&mut self, value: &Value) -> Result<(), String> {
        match text(value, "suite")?.as_str() {
            "generator" => self.generator.push(Generator {
                registry: text(value, "registry")?,
                codes: count(value, "codes")?,
                registry_bytes: count(value, "registry_bytes")?,
                files: count(value, "files")?,
                output_bytes: count(value, "output_bytes")?,
                runs: count(value, "runs")?,
                median_ns: number(value, "median_ns")?,
                peak_bytes: number(value, "peak_bytes")?,
            }),
            "stage" => self.stages.push(Stage {
                registry: text(value, "registry")?,
                stage: text(value, "stage")?,
                median_ns: number(value, "median_ns")?,
            }),
            "lookup" => self.lookups.push(Lookup {
                language: text(value, "language")?,
                role: role(value)?,
                call: text(value, "call")?,
                ns_per_call: number(value, "ns_per_call")?,
            }),
            "codec" => self.codecs.push(Codec {
                language: text(value, "language")?,
                role: role(value)?,
                operation: text(value, "operation")?,
                call: text(value, "call")?,
                inputs: count(value, "inputs")?,
                ns_per_call: number(value, "ns_per_call")?,
            }),
            "peer" => self.peers.push(Peer {
                language: text(value, "language")?,
                name: text(value, "peer")?,
                version: text(value, "version")?,
                runtime: text(value, "runtime")?,
            }),
            other => return Err(format!("unknown suite `{other}`")),
        }
        Ok(())
    }

    /// The lookups of one language, in the order they ran.
    pub fn lookups_of<'a>(&'a self, language: &'a str) -> impl Iterator<Item = &'a Lookup> {
        self.lookups.iter().filter(move |lookup| lookup.language == language)
    }

    /// Ours / the peer's time, for a codec call of ours whose operation the peer measured too.
    pub fn codec_ratio(&self, codec: &Codec) -> Option<f64> {
        let peer = self.codecs.iter().find(|other| {
            other.role == Role::Peer && other.language == codec.language && other.operation == codec.operation
        })?;
        (codec.role == Role::Ours && peer.ns_per_call > 0.0).then(|| codec.ns_per_call / peer.ns_per_call)
    }

    /// The fastest peer check of a language: the reference of its ratios.
    pub fn reference<'a>(&'a self, language: &'a str) -> Option<&'a Lookup> {
        self.lookups_of(language)
            .filter(|other| other.role == Role::Peer)
            .min_by(|a, b| a.ns_per_call.total_cmp(&b.ns_per_call))
    }

    /// Ours / the fastest peer's time, for a lookup of ours in a language that has a peer result.
    pub fn ratio(&self, lookup: &Lookup) -> Option<f64> {
        let peer = self.reference(&lookup.language)?;
        (lookup.role == Role::Ours && peer.ns_per_call > 0.0).then(|| lookup.ns_per_call / peer.ns_per_call)
    }
}

fn role(value: &Value) -> Result<Role, String> {
    match text(value, "role")?.as_str() {
        "ours" => Ok(Role::Ours),
        "peer" => Ok(Role::Peer),
        "peer-inner" => Ok(Role::PeerInner),
        other => Err(format!("unknown role `{other}`")),
    }
}

fn field<'v>(value: &'v Value, key: &str) -> Result<&'v Value, String> {
    value.get(key).ok_or_else(|| format!("no `{key}`"))
}

fn text(value: &Value, key: &str) -> Result<String, String> {
    field(value, key)?.as_str().map(str::to_owned).ok_or_else(|| format!("`{key}` is not a string"))
}

fn number(value: &Value, key: &str) -> Result<f64, String> {
    field(value, key)?.as_f64().ok_or_else(|| format!("`{key}` is not a number"))
}

fn count(value: &Value, key: &str) -> Result<u64, String> {
    field(value, key)?.as_u64().ok_or_else(|| format!("`{key}` is not a count"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_lines_are_read_and_other_lines_ignored() {
        let output = "Benchmarking lookups/ours\n\
            BENCH {\"suite\":\"lookup\",\"language\":\"rust\",\"role\":\"ours\",\"call\":\"f(c)\",\"ns_per_call\":2.0}\n\
            BENCH {\"suite\":\"lookup\",\"language\":\"rust\",\"role\":\"peer\",\"call\":\"g(c)\",\"ns_per_call\":4.0}\n\
            done\n";
        let mut results = Results::default();
        results.add(output).unwrap();
        assert_eq!(results.lookups.len(), 2);
        assert_eq!(results.ratio(&results.lookups[0]), Some(0.5));
        assert_eq!(results.ratio(&results.lookups[1]), None, "the peer has no ratio to itself");
    }

    #[test]
    fn codec_ratios_compare_the_same_operation() {
        let output = "\
            BENCH {\"suite\":\"codec\",\"language\":\"python\",\"role\":\"ours\",\"operation\":\"parse\",\"call\":\"p\",\"inputs\":10,\"ns_per_call\":3.0}\n\
            BENCH {\"suite\":\"codec\",\"language\":\"python\",\"role\":\"peer\",\"operation\":\"encode\",\"call\":\"e\",\"inputs\":7,\"ns_per_call\":1.0}\n\
            BENCH {\"suite\":\"codec\",\"language\":\"python\",\"role\":\"peer\",\"operation\":\"parse\",\"call\":\"q\",\"inputs\":10,\"ns_per_call\":4.0}\n";
        let mut results = Results::default();
        results.add(output).unwrap();
        assert_eq!(results.codec_ratio(&results.codecs[0]), Some(0.75));
        assert_eq!(results.codec_ratio(&results.codecs[1]), None);
    }

    #[test]
    fn a_malformed_result_line_is_an_error() {
        let mut results = Results::default();
        assert!(results.add("BENCH {\"suite\":\"lookup\"}\n").is_err());
        assert!(results.add("BENCH not json\n").is_err());
        assert!(results.add("BENCH {\"suite\":\"nonsense\"}\n").is_err());
    }
}
