//! Close frame payloads: the generated `CloseFrame::parse` and `CloseFrame::new` + `encode`
//! against tungstenite's handling of the same payloads, on one mix of valid and invalid inputs.
//!
//! tungstenite reads a Close frame's payload in `Frame::into_close`, which is `pub(crate)`, and
//! its connection then refuses a code that `CloseCode::is_allowed` rejects: those steps are
//! copied here as `tungstenite_parse`, with tungstenite's own `CloseCode` and the same UTF-8
//! check (`str::from_utf8`, which its `Utf8Bytes::try_from` calls). Encoding uses its public
//! `Frame::close`. One criterion iteration is one pass over the mix; the time per call is the
//! median iteration time divided by the number of inputs.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use serde_json::json;
use tungstenite::protocol::CloseFrame as PeerFrame;
use tungstenite::protocol::frame::Frame;
use tungstenite::protocol::frame::coding::CloseCode as PeerCode;
use ws_close_codes::{CloseCode, CloseFrame};
use ws_close_codes_benches::report;

/// The criterion group, and the directory of its results.
const GROUP: &str = "close_frames";

/// Received payloads: valid ones (empty, short and long reasons, UTF-8 of several widths) and
/// invalid ones (one byte, a code that may not be sent, a code outside every range, a reason
/// that is not UTF-8).
fn payloads() -> Vec<Vec<u8>> {
    let with = |code: u16, reason: &[u8]| {
        let mut payload = code.to_be_bytes().to_vec();
        payload.extend_from_slice(reason);
        payload
    };
    vec![
        Vec::new(),
        with(1000, b""),
        with(1001, b"going away"),
        with(4001, "сессия истекла".as_bytes()),
        with(3000, "未授权".as_bytes()),
        with(1011, &[b'x'; 123]),
        vec![0x03],
        with(1005, b""),
        with(999, b"reserved"),
        with(1000, &[0xff, 0xfe]),
    ]
}

/// Codes and reasons to send: valid ones and invalid ones (a code that may not be sent, a reason
/// longer than 123 bytes).
fn messages() -> Vec<(u16, String)> {
    vec![
        (1000, String::new()),
        (1001, "going away".to_owned()),
        (4001, "сессия истекла".to_owned()),
        (3000, "未授权".to_owned()),
        (1011, "x".repeat(123)),
        (1006, String::new()),
        (1000, "x".repeat(124)),
    ]
}

/// tungstenite's reading of a Close payload (`Frame::into_close`), then its connection's check of
/// the code (`is_allowed`): its steps, copied because the function is not public.
fn tungstenite_parse(payload: &[u8]) -> Result<Option<(PeerCode, &str)>, ()> {
    match payload.len() {
        0 => Ok(None),
        1 => Err(()),
        _ => {
            let code = PeerCode::from(u16::from_be_bytes([payload[0], payload[1]]));
            let reason = std::str::from_utf8(&payload[2..]).map_err(|_| ())?;
            if code.is_allowed() { Ok(Some((code, reason))) } else { Err(()) }
        }
    }
}

fn main() {
    let home = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench/criterion"));
    // SAFETY: no other thread exists yet that could read the environment.
    unsafe { std::env::set_var("CRITERION_HOME", &home) };
    let _ = std::fs::remove_dir_all(home.join(GROUP));

    let payloads = payloads();
    let messages = messages();
    // Both must accept and refuse the same payloads, or the comparison would be of different things.
    for payload in &payloads {
        assert_eq!(
            CloseFrame::parse(payload).is_ok(),
            tungstenite_parse(payload).is_ok(),
            "ws-close-codes and tungstenite disagree on {payload:?}"
        );
    }

    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .nresamples(20_000)
        .configure_from_args();
    let mut group = criterion.benchmark_group(GROUP);
    group.bench_function("ours_parse", |b| {
        b.iter(|| {
            let mut total = 0usize;
            for payload in &payloads {
                if let Ok(frame) = CloseFrame::parse(black_box(payload)) {
                    total += frame.reason().len() + usize::from(frame.code().is_some());
                }
            }
            total
        })
    });
    group.bench_function("peer_parse", |b| {
        b.iter(|| {
            let mut total = 0usize;
            for payload in &payloads {
                if let Ok(frame) = tungstenite_parse(black_box(payload)) {
                    total += frame.map_or(0, |(_, reason)| reason.len() + 1);
                }
            }
            total
        })
    });
    group.bench_function("ours_encode", |b| {
        b.iter(|| {
            let mut out = [0u8; 125];
            let mut total = 0usize;
            for (code, reason) in &messages {
                if let Ok(frame) = CloseFrame::new(CloseCode::new(black_box(*code)), black_box(reason)) {
                    total += frame.encode(&mut out).len();
                }
            }
            total
        })
    });
    group.bench_function("peer_encode", |b| {
        b.iter(|| {
            let mut total = 0usize;
            for (code, reason) in &messages {
                let frame = PeerFrame { code: PeerCode::from(black_box(*code)), reason: reason.as_str().into() };
                total += Frame::close(Some(frame)).payload().len();
            }
            total
        })
    });
    group.finish();
    criterion.final_summary();

    let calls = [
        ("ours_parse", "ours", "parse", "CloseFrame::parse(payload)", payloads.len()),
        ("peer_parse", "peer", "parse", "Frame::into_close + CloseCode::is_allowed (its steps, copied)", payloads.len()),
        ("ours_encode", "ours", "encode", "CloseFrame::new(code, reason)?.encode(&mut buffer)", messages.len()),
        ("peer_encode", "peer", "encode", "Frame::close(Some(CloseFrame { code, reason }))", messages.len()),
    ];
    for (id, role, operation, call, inputs) in calls {
        let estimates = home.join(GROUP).join(id).join("new/estimates.json");
        let Ok(text) = std::fs::read_to_string(&estimates) else { continue };
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", estimates.display()));
        let median =
            value["median"]["point_estimate"].as_f64().unwrap_or_else(|| panic!("{}: no median", estimates.display()));
        report(json!({
            "suite": "codec",
            "language": "rust",
            "role": role,
            "operation": operation,
            "call": call,
            "inputs": inputs,
            "ns_per_call": median / inputs as f64,
        }));
    }
}
