//! The reconnect policy against the grid in `conformance/vectors.json`: every step, to the
//! millisecond, as the TypeScript and Python suites check it too.

use std::path::Path;

use serde_json::Value;
use ws_close_codes::{CloseCode, ReconnectContext, ReconnectStep};

fn vectors() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/vectors.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("vectors.json is JSON")
}

/// A step the way the vectors write it: `stop`, `retry:<ms>` or `reauthenticate:<ms>`.
fn written(step: ReconnectStep) -> String {
    match step {
        ReconnectStep::Stop => "stop".to_owned(),
        _ => format!("{}:{}", step.action(), step.delay_ms()),
    }
}

#[test]
fn every_step_of_the_grid_is_as_the_vectors_say() {
    let vectors = vectors();
    let grid = &vectors["reconnect"];
    let randoms: Vec<f64> = grid["randoms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_f64().unwrap())
        .collect();
    let attempts = grid["attempts"].as_u64().unwrap() as u32;
    let mut checked = 0;
    for case in grid["cases"].as_array().expect("reconnect cases") {
        let code = CloseCode::from(case["code"].as_u64().unwrap() as u16);
        let (min, max) = code.reconnect_delay_bounds();
        assert_eq!(
            case["delay_bounds"],
            serde_json::json!([min, max]),
            "bounds of {code}"
        );
        for context in case["contexts"].as_array().unwrap() {
            let closed_by_client = context["closed_by_client"].as_bool().unwrap();
            let ever_opened = context["ever_opened"].as_bool().unwrap();
            let expected = context["steps"].as_array().unwrap();
            let mut steps = expected.iter();
            for attempt in 0..attempts {
                for &random in &randoms {
                    let step = code.reconnect_step(ReconnectContext {
                        closed_by_client,
                        ever_opened,
                        attempt,
                        random,
                    });
                    let want = steps
                        .next()
                        .and_then(Value::as_str)
                        .expect("a step for every attempt and random");
                    assert_eq!(
                        written(step),
                        want,
                        "{code}, {context:?} attempt {attempt}, random {random}"
                    );
                    checked += 1;
                }
            }
            assert!(steps.next().is_none());
        }
    }
    println!("rust: checked {checked} reconnect steps");
    assert!(checked > 0);
}

#[test]
fn a_random_number_outside_zero_to_one_counts_as_zero() {
    let code = CloseCode::from(1012);
    let step = |random: f64| {
        code.reconnect_step(ReconnectContext {
            closed_by_client: false,
            ever_opened: true,
            attempt: 3,
            random,
        })
    };
    for random in [f64::NAN, -0.5, 1.0, 7.0, f64::INFINITY] {
        assert_eq!(step(random), step(0.0), "random {random}");
    }
    assert_eq!(step(0.0), ReconnectStep::Retry { delay_ms: 5_000 });
}

#[test]
fn delays_stay_inside_the_bounds_for_every_attempt() {
    for code in CloseCode::ALL
        .iter()
        .copied()
        .chain([CloseCode::from(4000), CloseCode::from(3001)])
    {
        let (min, max) = code.reconnect_delay_bounds();
        for attempt in [0, 1, 5, 19, 20, 21, 1_000, u32::MAX] {
            for random in [0.0, 0.5, 0.9999999999999999] {
                let context = ReconnectContext {
                    closed_by_client: false,
                    ever_opened: true,
                    attempt,
                    random,
                };
                let delay = code.reconnect_step(context).delay_ms();
                if code.reconnect_step(context) != ReconnectStep::Stop {
                    assert!(
                        (min..=max).contains(&delay),
                        "{code} attempt {attempt}: {delay} outside {min}-{max}"
                    );
                }
            }
        }
    }
}
