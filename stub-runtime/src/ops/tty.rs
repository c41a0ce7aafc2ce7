//! Terminal modes for `process.stdin.setRawMode` / `tty.ReadStream.setRawMode`. The settings
//! found before the first change are kept and put back when the app turns raw mode off and
//! when the process ends, however it ends, so a packed tool never leaves the user's terminal
//! raw.

use std::sync::Mutex;

use deno_core::op2;
use deno_error::JsErrorBox;

/// The terminal settings of each fd before raw mode, to restore.
static ORIGINAL_MODES: Mutex<Vec<(i32, libc::termios)>> = Mutex::new(Vec::new());

#[op2(fast)]
pub fn op_tty_set_raw_mode(fd: i32, raw: bool) -> Result<(), JsErrorBox> {
    let mut originals = ORIGINAL_MODES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let saved = originals.iter().find(|(saved_fd, _)| *saved_fd == fd).map(|(_, mode)| *mode);
    let mode = match (raw, saved) {
        (true, saved) => {
            let original = match saved {
                Some(mode) => mode,
                None => {
                    let mode = current_mode(fd)?;
                    originals.push((fd, mode));
                    mode
                }
            };
            let mut raw_mode = original;
            // SAFETY: cfmakeraw only edits the struct it is given.
            unsafe { libc::cfmakeraw(&mut raw_mode) };
            // Keep output processing so "\n" still returns the carriage, as Node's raw mode does.
            raw_mode.c_oflag |= libc::OPOST;
            raw_mode
        }
        (false, Some(original)) => original,
        (false, None) => return Ok(()),
    };
    // SAFETY: tcsetattr reads the termios we pass for a descriptor the app named.
    if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &mode) } != 0 {
        return Err(JsErrorBox::generic(format!("setRawMode: {}", std::io::Error::last_os_error())));
    }
    Ok(())
}

fn current_mode(fd: i32) -> Result<libc::termios, JsErrorBox> {
    // SAFETY: tcgetattr fills the zeroed termios for `fd`.
    unsafe {
        let mut mode: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut mode) != 0 {
            return Err(JsErrorBox::generic(format!("setRawMode: {}", std::io::Error::last_os_error())));
        }
        Ok(mode)
    }
}

/// Puts every terminal back as it was before raw mode. Called when the process ends.
pub fn restore_terminal_modes() {
    let originals = ORIGINAL_MODES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    for (fd, mode) in originals.iter() {
        // SAFETY: restores settings read from this fd earlier.
        unsafe { libc::tcsetattr(*fd, libc::TCSADRAIN, mode) };
    }
}
