//! HTTP servers packed into executables and driven over 127.0.0.1 with plain TCP: the seed's
//! hello world, an express app and a plain `http` JSON API (installed with `npm ci` from
//! `tests/http_apps`' lockfile), and malformed requests, which must get 400/431 or a closed
//! socket while the server goes on serving others.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

use support::{pack, run_with_timeout, text};

/// A packed server, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Server {
    /// Packs `entry` (relative to the repository), starts it with `args` and waits for the line
    /// it prints once listening, which ends with the port.
    fn start(entry: &str, args: &[&str], env: &[(&str, &str)]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let binary = dir.path().join("server");
        let built = run_with_timeout(pack().arg("build").arg(entry).arg("-o").arg(&binary).arg("--quiet").current_dir(support::repo_root()));
        assert!(built.status.success(), "pack build {entry}:\n{}", text(&built.stderr));
        let mut command = Command::new(&binary);
        command.args(args).envs(env.iter().copied()).current_dir(dir.path()).stdout(Stdio::piped()).stderr(Stdio::inherit());
        let mut child = support::spawn(&mut command);
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let port = line.trim().trim_end_matches('/').rsplit(':').next().and_then(|p| p.rsplit(' ').next()).and_then(|p| p.parse().ok());
        let port = port.unwrap_or_else(|| panic!("{entry} printed {line:?} instead of its port"));
        Server { child, port, _dir: dir }
    }

    /// Sends `request` as is, then reads until the server closes the connection.
    fn exchange(&self, request: &[u8]) -> Vec<u8> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        stream.write_all(request).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        answer
    }

    fn get(&self, path: &str) -> Response {
        Response::parse(&self.exchange(format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").as_bytes()))
    }

    fn send(&self, method: &str, path: &str, content_type: &str, body: &str) -> Response {
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        Response::parse(&self.exchange(request.as_bytes()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    /// Reads a whole HTTP/1.1 response: status, headers, and a body framed by length, by
    /// chunks or by the end of the connection.
    fn parse(bytes: &[u8]) -> Response {
        let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| panic!("no response head in {:?}", text(bytes)));
        let head = text(&bytes[..split]);
        let mut rest = &bytes[split + 4..];
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_owned()))
            .collect();
        let mut response = Response { status, headers, body: String::new() };
        if response.header("transfer-encoding") == Some("chunked") {
            let mut body = Vec::new();
            loop {
                let line_end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
                let size = usize::from_str_radix(text(&rest[..line_end]).trim(), 16).unwrap();
                rest = &rest[line_end + 2..];
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&rest[..size]);
                rest = &rest[size + 2..];
            }
            response.body = text(&body);
        } else {
            response.body = text(rest);
        }
        response
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

fn http_apps() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| support::npm_ci(&support::repo_root().join("tests/http_apps")));
}

#[test]
fn the_seeds_hello_world_runs_unchanged() {
    let server = Server::start("examples/http-hello/index.js", &[], &[]);
    assert_eq!(server.port, 3000);
    let response = server.get("/");
    assert_eq!(response.status, 200);
    assert_eq!(response.body, "Hello World");
    assert_eq!(response.header("content-type"), Some("text/plain"));
    assert_eq!(response.header("content-length"), Some("11"));
    assert!(response.header("date").is_some());
}

#[test]
fn a_cluster_spreads_requests_over_its_workers() {
    let server = Server::start("examples/cluster-http/index.js", &["0"], &[]);
    let pids: std::collections::BTreeSet<String> = (0..24)
        .map(|_| server.get("/").body.trim().rsplit(' ').next().unwrap_or_default().to_owned())
        .collect();
    assert!(pids.len() > 1, "all 24 requests reached one worker: {pids:?}");
    assert!(pids.iter().all(|pid| pid.parse::<u32>().is_ok()), "{pids:?}");
}

#[test]
fn a_cluster_replaces_a_worker_that_dies_while_the_others_serve() {
    let server = Server::start("examples/cluster-http/index.js", &["0"], &[]);
    // The pid that answered, or None for a connection that died with the killed worker.
    let answered_by = || {
        let answer = server.exchange(b"GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
        let answer = text(&answer);
        answer.starts_with("HTTP/1.1 200").then(|| answer.trim().rsplit(' ').next().unwrap_or_default().to_owned())
    };
    let victim = answered_by().expect("a first answer");
    let killed = run_with_timeout(Command::new("kill").args(["-KILL", &victim]));
    assert!(killed.status.success());

    let deadline = Instant::now() + Duration::from_secs(30);
    let mut answering = std::collections::BTreeSet::new();
    let mut answers = 0;
    while answering.len() < 2 {
        assert!(Instant::now() < deadline, "no replacement worker within 30 s; answered by {answering:?}");
        if let Some(pid) = answered_by() {
            assert_ne!(pid, victim, "the killed worker answered");
            answering.insert(pid);
            answers += 1;
        }
    }
    assert!(answers >= 2, "the surviving worker and the replacement both answered: {answering:?}");
}

#[test]
fn express_routes_json_static_files_and_errors() {
    http_apps();
    let server = Server::start("tests/http_apps/express_app.js", &["0"], &[]);

    let item = server.get("/items/1");
    assert_eq!((item.status, item.body.as_str()), (200, r#"{"id":1,"name":"first"}"#));
    assert_eq!(item.header("content-type"), Some("application/json; charset=utf-8"));

    let missing = server.get("/items/9");
    assert_eq!((missing.status, missing.body.as_str()), (404, r#"{"error":"no item 9"}"#));

    let created = server.send("POST", "/items", "application/json", r#"{"name":"second"}"#);
    assert_eq!((created.status, created.body.as_str()), (201, r#"{"id":2,"name":"second"}"#));
    assert_eq!(created.header("location"), Some("/items/2"));
    assert_eq!(server.get("/items/2").body, r#"{"id":2,"name":"second"}"#);

    assert_eq!(server.get("/query?q=1&tag=a&tag=b").body, "q=1 tags=a+b");

    let css = server.get("/style.css");
    assert_eq!((css.status, css.body.as_str()), (200, "body { color: teal; }\n"));
    assert_eq!(css.header("content-type"), Some("text/css; charset=UTF-8"));
    assert!(server.get("/").body.contains("embedded files"), "index.html from the embedded public/");

    let thrown = server.get("/boom");
    assert_eq!((thrown.status, thrown.body.as_str()), (500, r#"{"error":"exploded on purpose"}"#));
    let bad_json = server.send("POST", "/items", "application/json", "{bad");
    assert_eq!((bad_json.status, bad_json.body.as_str()), (400, r#"{"error":"bad json"}"#));
}

#[test]
fn a_plain_http_json_api() {
    http_apps();
    let server = Server::start("tests/http_apps/json_api.js", &["0"], &[]);
    assert_eq!(server.get("/notes").body, r#"{"notes":[],"count":0}"#);
    let stored = server.send("POST", "/notes", "application/json", r#"{"text":"hello"}"#);
    assert_eq!((stored.status, stored.body.as_str()), (201, r#"{"stored":{"text":"hello"},"count":1}"#));
    assert_eq!(server.get("/notes").body, r#"{"notes":[{"text":"hello"}],"count":1}"#);
    let wrong = server.send("PUT", "/notes", "application/json", "{}");
    assert_eq!((wrong.status, wrong.header("allow")), (405, Some("GET, POST")));
    assert_eq!(server.get("/elsewhere").status, 404);
    assert_eq!(server.send("POST", "/notes", "application/json", "{oops").status, 400);

    // Keep-alive: several requests on one connection, each answered in turn.
    let answers = server.exchange(b"GET /notes HTTP/1.1\r\nHost: t\r\n\r\nGET /missing HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    let answers = text(&answers);
    assert_eq!(answers.matches("HTTP/1.1 200 OK").count(), 1, "{answers}");
    assert_eq!(answers.matches("HTTP/1.1 404 Not Found").count(), 1, "{answers}");
}

#[test]
fn expect_100_continue_gets_a_go_ahead_before_the_body() {
    http_apps();
    let server = Server::start("tests/http_apps/json_api.js", &["0"], &[]);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let body = r#"{"text":"later"}"#;
    let head = format!(
        "POST /notes HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut interim = [0u8; 64];
    let count = stream.read(&mut interim).unwrap();
    assert!(text(&interim[..count]).starts_with("HTTP/1.1 100 Continue\r\n"), "{}", text(&interim[..count]));
    stream.write_all(body.as_bytes()).unwrap();
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    let response = Response::parse(&rest);
    assert_eq!((response.status, response.body.as_str()), (201, r#"{"stored":{"text":"later"},"count":1}"#));
}

#[test]
fn malformed_requests_get_an_error_status_and_the_server_keeps_serving() {
    http_apps();
    let server = Server::start("tests/http_apps/json_api.js", &["0"], &[("HEADERS_TIMEOUT_MS", "1000")]);
    let status_of = |request: &[u8]| {
        let answer = server.exchange(request);
        if answer.is_empty() { 0 } else { Response::parse(&answer).status }
    };
    assert_eq!(status_of(b"GARBAGE\r\n\r\n"), 400, "bad request line");
    assert_eq!(status_of(b"GET / HTTP/1.1\r\nBad Header Line\r\n\r\n"), 400, "header without a colon");
    let oversized = format!("GET /notes HTTP/1.1\r\nHost: t\r\nX-Big: {}\r\n\r\n", "a".repeat(64 * 1024));
    assert_eq!(status_of(oversized.as_bytes()), 431, "oversized headers");
    let bad_chunk = b"POST /notes HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n";
    assert!([0, 400].contains(&status_of(bad_chunk)), "an invalid chunk size is refused or cut off");

    // A client that never finishes its headers is cut off after headersTimeout, while others
    // are served meanwhile.
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.write_all(b"GET /notes HTTP/1.1\r\nHost: t\r\n").unwrap();
    let started = Instant::now();
    assert_eq!(server.get("/notes").status, 200, "served while a slow client waits");
    slow.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(900) && waited < Duration::from_secs(5), "cut off after {waited:?}");
    assert!(rest.is_empty() || text(&rest).starts_with("HTTP/1.1 408"), "{}", text(&rest));

    assert_eq!(server.get("/notes").status, 200, "still serving after all of that");
}
