//! The HTTP server under abuse: every case of `tests/http_abuse/cases.json` (malformed request
//! lines and headers, conflicting framing, smuggling attempts, floods, slow and vanishing
//! clients) is sent to the packed echo server (`tests/http_abuse/echo_server.js`) and its
//! outcome compared with what node did, as `tests/http_abuse/record.js` recorded it in
//! `expected.json`: a request node refuses (4xx or a closed connection) is refused, one node
//! serves is served, the server never sees more requests on a connection than node did (a
//! smuggled request would add one), and a new connection gets 200 right after each case.
//!
//! A case with `packDiffers` is an accepted difference from node (see README.md): hyper alone
//! frames requests and serves what node refuses. Its outcome must be exactly the documented
//! one, so the server still sees no more requests than the one hyper framed.

mod support;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{pack, run_with_timeout, text};

/// Cases where the packed server is stricter than node, on purpose: hyper does not take
/// HTTP/0.9 request lines nor an HTTP/2.0 version in an HTTP/1 request line, which node serves.
const STRICTER_THAN_NODE: [&str; 2] = ["no-version-http09", "version-2.0"];

struct Server {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_echo_server() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("echo");
    let built = run_with_timeout(pack().args(["build", "tests/http_abuse/echo_server.js", "-o"]).arg(&binary).arg("--quiet").current_dir(support::repo_root()));
    assert!(built.status.success(), "pack build:\n{}", text(&built.stderr));
    let mut child = support::spawn(Command::new(&binary).current_dir(dir.path()).stdout(Stdio::piped()).stderr(Stdio::inherit()));
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let port = line.trim().rsplit(' ').next().and_then(|p| p.parse().ok()).unwrap_or_else(|| panic!("echo server printed {line:?}"));
    Server { child, port, _dir: dir }
}

/// A case's bytes: strings are latin1 text, `{repeat, times}` repeats a piece.
fn bytes_of(send: &Value) -> Vec<u8> {
    let mut bytes = Vec::new();
    for part in send.as_array().unwrap() {
        let piece = match part {
            Value::String(text) => text.clone(),
            object => object["repeat"].as_str().unwrap().repeat(object["times"].as_u64().unwrap() as usize),
        };
        bytes.extend(piece.chars().map(|c| u8::try_from(u32::from(c)).expect("latin1")));
    }
    bytes
}

/// Status codes in order, as runs: "200x2,400" (record.js's format).
fn status_runs(answer: &[u8]) -> String {
    let text: String = answer.iter().map(|&b| b as char).collect();
    let mut runs: Vec<(String, usize)> = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("HTTP/1.") {
        let after = &rest[at..];
        let status = after.get(9..12).filter(|s| after.get(8..9) == Some(" ") && s.bytes().all(|b| b.is_ascii_digit()));
        if let Some(status) = status {
            match runs.last_mut() {
                Some((last, count)) if last == status => *count += 1,
                _ => runs.push((status.to_owned(), 1)),
            }
        }
        rest = &after[7..];
    }
    runs.iter().map(|(status, count)| if *count > 1 { format!("{status}x{count}") } else { status.clone() }).collect::<Vec<_>>().join(",")
}

struct Outcome {
    statuses: String,
    closed: Option<bool>,
    requests: u64,
    healthy: bool,
}

/// Sends one case the way record.js does and reads until the server closes or the wait ends.
fn run_case(port: u16, case: &Value) -> Outcome {
    let mode = case["mode"].as_str().unwrap_or("plain");
    let wait = Duration::from_millis(case["waitMs"].as_u64().unwrap_or(3000));
    let bytes = bytes_of(&case["send"]);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let local_port = stream.local_addr().unwrap().port();
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut closed = false;
    match mode {
        "dribble" => {
            let every = Duration::from_millis(case["everyMs"].as_u64().unwrap());
            stream.set_read_timeout(Some(every)).unwrap();
            for byte in &bytes {
                if stream.write_all(&[*byte]).is_err() || read_some(&mut stream, &mut answer, &mut closed) || started.elapsed() > wait {
                    break;
                }
            }
            stream.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
            while !closed && started.elapsed() < wait {
                read_some(&mut stream, &mut answer, &mut closed);
            }
        }
        "vanish" => {
            let _ = stream.write_all(&bytes);
            std::thread::sleep(Duration::from_millis(50));
        }
        "vanish-response" => {
            let _ = stream.write_all(&bytes);
            stream.set_read_timeout(Some(wait)).unwrap();
            let mut first = [0u8; 1024];
            let count = stream.read(&mut first).unwrap_or(0);
            answer.extend_from_slice(&first[..count]);
        }
        _ => {
            let _ = stream.write_all(&bytes);
            stream.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
            while !closed && started.elapsed() < wait {
                read_some(&mut stream, &mut answer, &mut closed);
            }
        }
    }
    let _ = stream.shutdown(Shutdown::Both);
    drop(stream);
    // Give the server a moment to finish with a vanished client before asking.
    std::thread::sleep(Duration::from_millis(100));
    let counted = get(port, &format!("/__count?port={local_port}"));
    let requests = counted.split("\r\n\r\n").nth(1).and_then(|n| n.trim().parse().ok()).unwrap_or(u64::MAX);
    let healthy = get(port, "/").starts_with("HTTP/1.1 200 ");
    let closed = matches!(mode, "plain" | "dribble").then_some(closed);
    Outcome { statuses: status_runs(&answer), closed, requests, healthy }
}

/// Reads what is there; true once the server has closed (or reset) the connection.
fn read_some(stream: &mut TcpStream, answer: &mut Vec<u8>, closed: &mut bool) -> bool {
    let mut buffer = [0u8; 65536];
    match stream.read(&mut buffer) {
        Ok(0) => *closed = true,
        Ok(count) => answer.extend_from_slice(&buffer[..count]),
        Err(err) if matches!(err.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {}
        Err(_) => *closed = true,
    }
    *closed
}

fn get(port: u16, target: &str) -> String {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else { return String::new() };
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = stream.write_all(format!("GET {target} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    text(&answer)
}

/// Whether the first answer serves (2xx) or refuses (an error status or a connection closed
/// without an answer).
fn serves(statuses: &str) -> bool {
    statuses.starts_with('2')
}

/// What is wrong with the packed server's outcome for a case whose difference from node is
/// accepted: anything but the documented outcome.
fn differences_from_documented(documented: &Value, pack: &Outcome) -> Vec<String> {
    let mut wrong = Vec::new();
    if !pack.healthy {
        wrong.push("a new connection did not get 200 afterwards".to_owned());
    }
    let requests = documented["requests"].as_u64().unwrap();
    if pack.requests != requests {
        wrong.push(format!("the server saw {} requests, documented {requests} (smuggled?)", pack.requests));
    }
    let statuses = documented["statuses"].as_str().unwrap();
    if pack.statuses != statuses {
        wrong.push(format!("documented {statuses}, this answered {:?}", pack.statuses));
    }
    let closed = documented["closed"].as_bool();
    if pack.closed.is_some() && pack.closed != closed {
        wrong.push(format!("documented closed={closed:?}, this closed={:?}", pack.closed));
    }
    wrong
}

/// What is wrong with the packed server's outcome for a case, compared with node's.
fn differences(name: &str, node: &Value, pack: &Outcome) -> Vec<String> {
    let mut wrong = Vec::new();
    let node_statuses = node["statuses"].as_str().unwrap();
    let node_requests = node["requests"].as_u64().unwrap();
    if !pack.healthy {
        wrong.push("a new connection did not get 200 afterwards".to_owned());
    }
    if pack.requests > node_requests {
        wrong.push(format!("the server saw {} requests, node {node_requests} (smuggled?)", pack.requests));
    }
    if pack.closed.is_some() {
        let stricter = STRICTER_THAN_NODE.contains(&name);
        if serves(node_statuses) && !stricter && pack.statuses != node_statuses {
            wrong.push(format!("node answered {node_statuses}, this {:?}", pack.statuses));
        }
        if serves(node_statuses) && !stricter && pack.requests != node_requests {
            wrong.push(format!("node saw {node_requests} requests, this {}", pack.requests));
        }
        if !serves(node_statuses) {
            // Refused: a client error status, or a connection closed without an answer.
            let refused = pack.statuses.starts_with('4') || (pack.statuses.is_empty() && pack.closed == Some(true));
            if !refused {
                wrong.push(format!("node refused ({node_statuses}), this answered {:?} closed={:?}", pack.statuses, pack.closed));
            }
        }
    }
    wrong
}

#[test]
fn malformed_and_adversarial_requests_are_refused_like_node_does() {
    let root = support::repo_root().join("tests/http_abuse");
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(root.join("cases.json")).unwrap()).unwrap();
    let expected: HashMap<String, Value> = serde_json::from_str(&std::fs::read_to_string(root.join("expected.json")).unwrap()).unwrap();
    let server = start_echo_server();
    let started = Instant::now();

    // Four at a time: requests are counted per connection, so cases do not mix.
    let queue = Arc::new(Mutex::new(cases.clone()));
    let results = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (queue, results, port) = (queue.clone(), results.clone(), server.port);
            std::thread::spawn(move || loop {
                let Some(case) = queue.lock().unwrap().pop() else { return };
                let outcome = run_case(port, &case);
                results.lock().unwrap().push((case["name"].as_str().unwrap().to_owned(), outcome));
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }

    let documented: HashMap<&str, &Value> = cases.iter().filter_map(|case| Some((case["name"].as_str()?, case.get("packDiffers")?))).collect();
    let mut failures = Vec::new();
    for (name, outcome) in results.lock().unwrap().iter() {
        let node = &expected[name];
        let wrong = match documented.get(name.as_str()) {
            Some(documented) => differences_from_documented(documented, outcome),
            None => differences(name, node, outcome),
        };
        let line = format!(
            "{name}: node {} requests={}, this {:?} closed={:?} requests={}",
            node["statuses"], node["requests"], outcome.statuses, outcome.closed, outcome.requests
        );
        if wrong.is_empty() {
            println!("ok   {line}");
        } else {
            failures.push(format!("{line}: {}", wrong.join("; ")));
        }
    }
    assert_eq!(results.lock().unwrap().len(), cases.len());
    assert!(failures.is_empty(), "{} of {} cases differ from node:\n{}", failures.len(), cases.len(), failures.join("\n"));
    assert!(started.elapsed() < Duration::from_secs(30), "the corpus took {:?}", started.elapsed());
}
