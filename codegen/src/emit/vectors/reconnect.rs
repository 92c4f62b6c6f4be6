//! Reconnect policy vectors: the step [`crate::behaviour::reconnect_step`] gives for a grid of
//! codes and contexts, so that every language's arithmetic can be checked to the millisecond.

use crate::behaviour::{ReconnectAction, ReconnectContext, ReconnectStep, reconnect_step};
use crate::emit::json::Json;
use crate::model::Registry;

/// The random numbers of the grid: the ends of [0, 1), the middle and an irregular one.
const RANDOMS: [f64; 4] = [0.0, 0.123456789, 0.5, 0.9999999999999999];

/// The attempt numbers of the grid.
const ATTEMPTS: std::ops::RangeInclusive<u32> = 0..=10;

/// The reconnect vectors of a registry.
pub(super) struct Reconnect {
    /// The random numbers each context is tried with.
    randoms: &'static [f64],
    /// The attempt numbers each context is tried with, from 0.
    attempts: u32,
    /// One entry per code.
    cases: Vec<Case>,
}

struct Case {
    code: u16,
    /// `[min, max]` in milliseconds.
    delay_bounds: [u32; 2],
    contexts: Vec<Context>,
}

struct Context {
    closed_by_client: bool,
    ever_opened: bool,
    /// For each attempt, for each random number: `stop`, `retry:<ms>` or `reauthenticate:<ms>`.
    steps: Vec<Step>,
}

impl Reconnect {
    /// How many codes the grid has.
    pub(super) fn cases(&self) -> usize {
        self.cases.len()
    }
}

/// One step of the grid, written as its text without a `String` of its own: the grid has 176
/// steps for every registered code.
struct Step(ReconnectStep);

impl Step {
    fn write(&self, json: &mut Json) {
        match self.0.action {
            ReconnectAction::Stop => json.plain_string(format_args!("stop")),
            action => json.plain_string(format_args!("{}:{}", action.key(), self.0.delay_ms)),
        };
    }
}

impl Reconnect {
    /// The grid as one object.
    pub(super) fn write(&self, json: &mut Json) {
        json.object();
        json.key("randoms").array();
        for &random in self.randoms {
            json.float(random);
        }
        json.close(']');
        json.key("attempts").number(self.attempts);
        json.key("cases").array();
        for case in &self.cases {
            json.object();
            json.key("code").number(case.code);
            json.key("delay_bounds").array().number(case.delay_bounds[0]).number(case.delay_bounds[1]).close(']');
            json.key("contexts").array();
            for context in &case.contexts {
                json.object();
                json.key("closed_by_client").bool(context.closed_by_client);
                json.key("ever_opened").bool(context.ever_opened);
                json.key("steps").array();
                for step in &context.steps {
                    step.write(json);
                }
                json.close(']');
                json.close('}');
            }
            json.close(']');
            json.close('}');
        }
        json.close(']');
        json.close('}');
    }
}

/// Every registered code, the first code of each range that has no entry, and two numbers
/// outside every range.
fn codes(registry: &Registry) -> Vec<u16> {
    let mut codes: Vec<u16> = registry.codes.iter().map(|code| code.code).collect();
    for range in &registry.ranges {
        if let Some(free) = (range.start..=range.end).find(|&code| registry.code(code).is_none()) {
            codes.push(free);
        }
    }
    codes.extend((5000..=u16::MAX).filter(|&code| registry.range_of(code).is_none()).take(1));
    codes.push(u16::MAX);
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// The grid for `registry`.
pub(super) fn reconnect(registry: &Registry) -> Reconnect {
    let cases = codes(registry)
        .into_iter()
        .map(|code| {
            let answer = registry.answer(code);
            let contexts = [(false, true), (false, false), (true, true), (true, false)]
                .into_iter()
                .map(|(closed_by_client, ever_opened)| {
                    let steps = ATTEMPTS
                        .flat_map(|attempt| RANDOMS.map(|random| (attempt, random)))
                        .map(|(attempt, random)| {
                            let context = ReconnectContext { closed_by_client, ever_opened, attempt, random };
                            Step(reconnect_step(answer.reconnect, answer.delay, context))
                        })
                        .collect();
                    Context { closed_by_client, ever_opened, steps }
                })
                .collect();
            Case { code, delay_bounds: [answer.delay.min_ms, answer.delay.max_ms], contexts }
        })
        .collect();
    Reconnect { randoms: &RANDOMS, attempts: *ATTEMPTS.end() + 1, cases }
}
