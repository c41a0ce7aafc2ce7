//! The command line: `pack build`, `pack run`, and `pack FILE.js ARGS` as short for
//! `pack run FILE.js -- ARGS`, so `pack` can stand in for `node` (it is `process.execPath`
//! under `pack run`, and apps spawn it to run scripts).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "pack", version, about = "Turn a Node.js app into one self-contained executable")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Pack ENTRY and every module it requires into one executable
    Build {
        /// The app's main script (any extension, or none with a `#!` line; symlinks followed),
        /// or a package directory such as `.` or `node_modules/PKG`, packed by its package.json "bin"
        entry: PathBuf,
        /// Where to write the executable [default: the bin's name, or the script's file name
        /// without extension, in the current directory]
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Which of the package's "bin" executables to pack, when it declares several
        #[arg(long, value_name = "NAME")]
        bin: Option<String>,
        /// The stub runtime to build on [default: `stub-runtime` beside the pack executable]
        #[arg(long, env = "PACK_STUB")]
        stub: Option<PathBuf>,
        /// Minify every module with swc (source maps keep stack traces pointing at the original)
        #[arg(long)]
        minify: bool,
        /// zstd compression level of the payload, 1 (fastest packing) to 22 (smallest)
        #[arg(long, default_value_t = payload::DEFAULT_COMPRESSION_LEVEL, value_parser = clap::value_parser!(i32).range(1..=22))]
        compress_level: i32,
        /// Print nothing but warnings and errors
        #[arg(short, long)]
        quiet: bool,
        /// Also embed the files matching GLOB (relative to the project root; repeatable):
        /// JavaScript, TypeScript and JSON as modules, anything else as a read-only asset
        #[arg(long, value_name = "GLOB")]
        include: Vec<String>,
        /// Sign the executable with the private key KEY (made by `pack keygen`)
        #[arg(long, value_name = "KEY")]
        sign: Option<PathBuf>,
        /// Also write the licence texts of every embedded npm package to FILE
        #[arg(long, value_name = "FILE")]
        notices: Option<PathBuf>,
    },
    /// Show what a packed executable contains
    Inspect {
        /// A packed executable (or a bare stub runtime, to see its target)
        binary: PathBuf,
        /// Print a CycloneDX 1.5 JSON SBOM of the embedded npm packages instead
        #[arg(long, conflicts_with = "licenses")]
        sbom: bool,
        /// Print the licence texts of the embedded npm packages instead
        #[arg(long)]
        licenses: bool,
    },
    /// Make an Ed25519 key pair for `pack build --sign`: KEY (private, mode 0600) and KEY.pub
    Keygen {
        /// Where to write the private key; the public key goes to the same path + `.pub`
        #[arg(short, long, value_name = "KEY")]
        output: PathBuf,
    },
    /// Check a packed executable's signature. Exit codes: 0 valid, 3 unsigned, 4 bad
    /// signature or another key, 5 corrupt or not a packed executable, 1 cannot check
    Verify {
        /// A packed executable
        binary: PathBuf,
        /// The public key (KEY.pub from `pack keygen`)
        #[arg(long, value_name = "KEY.pub")]
        key: PathBuf,
    },
    /// Run ENTRY at once, as `node ENTRY ARGS...` would, without writing an executable
    Run {
        /// The app's main script, or a package directory (its package.json "bin")
        entry: PathBuf,
        /// Arguments for the app (process.argv after the script)
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<OsString>,
    },
}

/// Turns `pack FILE ARGS...` into `pack run FILE -- ARGS...`; other command lines pass as they are.
pub fn expand_shorthand(args: Vec<OsString>) -> Vec<OsString> {
    let is_shorthand = args.get(1).and_then(|first| first.to_str()).is_some_and(|first| {
        !first.starts_with('-') && !matches!(first, "build" | "run" | "inspect" | "keygen" | "verify" | "help")
    });
    if !is_shorthand {
        return args;
    }
    let mut expanded = vec![args[0].clone(), "run".into(), args[1].clone(), "--".into()];
    expanded.extend(args[2..].iter().cloned());
    expanded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand(line: &[&str]) -> Vec<String> {
        let args = line.iter().map(OsString::from).collect();
        expand_shorthand(args).into_iter().map(|arg| arg.into_string().unwrap()).collect()
    }

    #[test]
    fn file_first_means_run() {
        assert_eq!(expand(&["pack", "app.js", "-x", "y"]), ["pack", "run", "app.js", "--", "-x", "y"]);
    }

    #[test]
    fn subcommands_and_flags_pass_through() {
        assert_eq!(expand(&["pack", "build", "a.js", "-o", "a"]), ["pack", "build", "a.js", "-o", "a"]);
        assert_eq!(expand(&["pack", "--help"]), ["pack", "--help"]);
        assert_eq!(expand(&["pack"]), ["pack"]);
    }

    #[test]
    fn run_keeps_app_flags_after_the_entry() {
        let cli = Cli::try_parse_from(expand(&["pack", "app.js", "--port", "8080", "--", "x"])).unwrap();
        let Command::Run { args, .. } = cli.command else { panic!("expected run") };
        assert_eq!(args, ["--port", "8080", "--", "x"]);
    }
}
