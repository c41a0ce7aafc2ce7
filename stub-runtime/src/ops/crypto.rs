//! Randomness for `crypto` from the operating system's generator.

use deno_core::op2;
use deno_error::JsErrorBox;

/// Fills `buffer` with cryptographically secure random bytes (getrandom(2)).
#[op2(fast)]
pub fn op_crypto_random_fill(#[buffer] buffer: &mut [u8]) -> Result<(), JsErrorBox> {
    let mut filled = 0;
    while filled < buffer.len() {
        let rest = &mut buffer[filled..];
        // SAFETY: getrandom writes at most `rest.len()` bytes into `rest`.
        let written = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        if written < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(JsErrorBox::generic(format!("getrandom: {err}")));
        }
        filled += written as usize;
    }
    Ok(())
}
