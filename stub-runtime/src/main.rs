//! The stub runtime executable. Packed apps are this binary with a payload appended; run bare,
//! it has no app and says so.
//!
//! Exit codes: the app's own, or 1 for an uncaught error; 2 when there is no payload (a bare
//! stub); 70 when the payload cannot be read (corrupt, truncated or from another version).

use std::fs::File;
use std::process::ExitCode;

fn main() -> ExitCode {
    let exe = stub_runtime::current_exe_path();
    let bundle = File::open(&exe).map_err(payload::Error::from).and_then(|mut file| payload::read_from(&mut file));
    match bundle {
        Ok(bundle) => {
            let args = std::env::args().skip(1).collect();
            let code = stub_runtime::run(stub_runtime::Launch::packed(bundle, args));
            ExitCode::from(code as u8)
        }
        Err(payload::Error::NoPayload) => {
            eprintln!("{exe}: this is the pack stub runtime with no app inside; make an app with `pack build app.js -o app`");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("{exe}: {err}");
            ExitCode::from(70)
        }
    }
}
