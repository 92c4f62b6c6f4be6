//! The tokio-tungstenite peer of the interop suite, driven by `interop/node/suite.mjs`.
//!
//! - `tungstenite-peer client`: reads a JSON array of tasks on standard input, runs them one after
//!   the other and prints one JSON line per task:
//!   `{"id", "do": "close", "url", "code"}` connects and calls `close(code)`, reporting whether the
//!   library sent it or refused; `{"id", "do": "listen", "url"}` connects and reports what the
//!   application is told when the connection ends.
//! - `tungstenite-peer server`: listens on 127.0.0.1 (a free port, printed as `{"port": N}`); a
//!   connection to `/close/<code>` is answered with `close(code)`, reported the same way. It stops
//!   when standard input ends (the suite closes it) or after a minute at most.
//!
//! Every connection, read and close is bounded in time, so the peer always ends by itself.

use std::time::Duration;

use futures_util::StreamExt as _;
use serde_json::{Value, json};
use tokio::io::AsyncReadExt as _;
use tokio::net::TcpListener;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::{Connector, WebSocketStream};
use ws_close_codes::{ReconnectContext, ReconnectStep};

/// How long one connection attempt, one read or one close may take.
const STEP: Duration = Duration::from_secs(3);

/// How many reconnect attempts the policy check follows at most (as `interop/node/ours.mjs`).
const MAX_ATTEMPTS: u32 = 100;

/// The longest a server may run if the suite never closes its standard input.
const SERVER_LIFETIME: Duration = Duration::from_secs(60);

#[tokio::main(flavor = "current_thread")]
async fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("client") => client().await,
        Some("server") => server().await,
        Some("version") => println!("{}", json!({ "tokio-tungstenite": "0.30.0" })),
        _ => {
            eprintln!("usage: tungstenite-peer client|server|version");
            std::process::exit(2);
        }
    }
}

/// Runs every task read from standard input.
async fn client() {
    let mut input = String::new();
    if let Err(error) = tokio::io::stdin().read_to_string(&mut input).await {
        eprintln!("tungstenite-peer: standard input: {error}");
        std::process::exit(2);
    }
    let tasks: Vec<Value> = serde_json::from_str(&input).unwrap_or_else(|error| {
        eprintln!("tungstenite-peer: tasks are not a JSON array: {error}");
        std::process::exit(2);
    });
    for task in tasks {
        let id = task["id"].clone();
        let url = task["url"].as_str().unwrap_or_default().to_owned();
        let mut result = match task["do"].as_str() {
            Some("close") => send_close(&url, task["code"].as_u64().unwrap_or(0) as u16).await,
            Some("listen") => listen(&url).await,
            other => json!({ "error": format!("unknown task {other:?}") }),
        };
        result["id"] = id;
        println!("{result}");
    }
}

/// Connects with the default, verifying TLS connector for `wss:`, so that a self-signed
/// certificate fails as it would for a user.
async fn connect(
    url: &str,
) -> Result<WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>, String> {
    let connector = if url.starts_with("wss:") { None } else { Some(Connector::Plain) };
    match timeout(STEP, tokio_tungstenite::connect_async_tls_with_config(url, None, false, connector)).await {
        Ok(Ok((stream, _response))) => Ok(stream),
        Ok(Err(error)) => Err(describe_error(&error)),
        Err(_) => Err("timeout".to_owned()),
    }
}

/// `close(code)` on a fresh connection: did the library send it?
async fn send_close(url: &str, code: u16) -> Value {
    let mut stream = match connect(url).await {
        Ok(stream) => stream,
        Err(error) => return json!({ "connect_error": error }),
    };
    let frame = CloseFrame { code: CloseCode::from(code), reason: "".into() };
    let result = match timeout(STEP, stream.close(Some(frame))).await {
        Ok(Ok(())) => json!({ "outcome": "sent" }),
        Ok(Err(error)) => json!({ "outcome": "refused", "error": describe_error(&error) }),
        Err(_) => json!({ "outcome": "refused", "error": "timeout" }),
    };
    // Read the peer's answer until the stream ends, so the closing handshake completes.
    let _ = timeout(STEP, async { while stream.next().await.is_some() {} }).await;
    result
}

/// Connects and reports what the application sees when the connection ends.
async fn listen(url: &str) -> Value {
    let mut stream = match connect(url).await {
        Ok(stream) => stream,
        Err(error) => return json!({ "opened": false, "error": error, "policy": policy(1006, false) }),
    };
    let mut close = Value::Null;
    let mut error = Value::Null;
    loop {
        match timeout(STEP, stream.next()).await {
            Ok(Some(Ok(Message::Close(frame)))) => {
                close = match frame {
                    Some(frame) => json!({ "code": u16::from(frame.code), "reason": frame.reason.as_str() }),
                    None => json!({ "code": null, "reason": "" }),
                };
            }
            Ok(Some(Ok(_))) => {}
            Ok(Some(Err(e))) => {
                error = json!(describe_error(&e));
                break;
            }
            Ok(None) => break,
            Err(_) => {
                error = json!("timeout");
                break;
            }
        }
    }
    // What the application can hand the policy: the code it was told, 1006 when it got none.
    let code = close["code"].as_u64().map_or(if close.is_null() { 1006 } else { 1005 }, |code| code as u16);
    json!({ "opened": true, "close": close, "error": error, "policy": policy(code, true) })
}

/// Our reconnect policy (the Rust crate's `reconnect_step`) for a client that keeps seeing the
/// same close, with the largest jitter: the same summary as `followPolicy` in
/// `interop/node/ours.mjs`, which the suite compares it with.
fn policy(code: u16, ever_opened: bool) -> String {
    let mut delays = Vec::new();
    for attempt in 0..MAX_ATTEMPTS {
        let context = ReconnectContext { closed_by_client: false, ever_opened, attempt, random: 0.999 };
        match ws_close_codes::CloseCode::from(code).reconnect_step(context) {
            ReconnectStep::Retry { delay_ms } => delays.push(delay_ms),
            other => return format!("{} at attempt {attempt}", other.action()),
        }
    }
    format!("retry, backoff up to {} ms", delays.last().copied().unwrap_or(0))
}

/// A short, stable description of an error: its kind and, for HTTP, the status.
fn describe_error(error: &tokio_tungstenite::tungstenite::Error) -> String {
    use tokio_tungstenite::tungstenite::Error;
    match error {
        Error::Http(response) => format!("Http({})", response.status().as_u16()),
        Error::Io(io) => format!("Io({:?})", io.kind()),
        Error::Tls(_) => "Tls".to_owned(),
        Error::Protocol(protocol) => format!("Protocol({protocol:?})"),
        Error::ConnectionClosed => "ConnectionClosed".to_owned(),
        Error::AlreadyClosed => "AlreadyClosed".to_owned(),
        Error::Utf8(_) => "Utf8".to_owned(),
        other => format!("{other}"),
    }
}

/// Serves `/close/<code>` until standard input ends.
async fn server() {
    let listener = match TcpListener::bind("127.0.0.1:0").await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("tungstenite-peer: bind: {error}");
            std::process::exit(1);
        }
    };
    let port = listener.local_addr().map(|address| address.port()).unwrap_or(0);
    println!("{}", json!({ "port": port }));
    let serve = async {
        loop {
            let Ok((socket, _)) = listener.accept().await else { continue };
            tokio::spawn(async move {
                let mut path = String::new();
                // The error type is tungstenite's own (an HTTP response), fixed by its Callback trait.
                #[allow(clippy::result_large_err)]
                let callback = |request: &tokio_tungstenite::tungstenite::handshake::server::Request, response| {
                    path = request.uri().path().to_owned();
                    Ok(response)
                };
                let Ok(Ok(mut stream)) = timeout(STEP, tokio_tungstenite::accept_hdr_async(socket, callback)).await
                else {
                    return;
                };
                let Some(code) = path.strip_prefix("/close/").and_then(|code| code.parse::<u16>().ok()) else {
                    return;
                };
                let frame = CloseFrame { code: CloseCode::from(code), reason: "".into() };
                let outcome = match timeout(STEP, stream.close(Some(frame))).await {
                    Ok(Ok(())) => json!({ "path": path, "outcome": "sent" }),
                    Ok(Err(error)) => json!({ "path": path, "outcome": "refused", "error": describe_error(&error) }),
                    Err(_) => json!({ "path": path, "outcome": "refused", "error": "timeout" }),
                };
                println!("{outcome}");
                let _ = timeout(STEP, async { while stream.next().await.is_some() {} }).await;
            });
        }
    };
    let stdin_closed = async {
        let mut sink = Vec::new();
        let _ = tokio::io::stdin().read_to_end(&mut sink).await;
    };
    tokio::select! {
        () = serve => {}
        () = stdin_closed => {}
        () = tokio::time::sleep(SERVER_LIFETIME) => eprintln!("tungstenite-peer: server stopped after its lifetime"),
    }
}
