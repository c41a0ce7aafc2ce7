//! `pack`: turns a Node.js application into one self-contained executable.
//!
//! The pipeline: [`graph::walk`] finds every module from the entry and the declared files
//! ([`assets`]); [`transform`] parses and rewrites each with swc, [`scan`] lists what it
//! requires and [`resolve`] follows Node's resolution; then [`build`] writes stub + payload +
//! trailer, or `pack run` hands the bundle straight to the runtime in this process.
//!
//! Exit codes: 0 on success; 1 when the app cannot be packed (diagnostics on stderr); under
//! `pack run`, the app's own exit code; `pack verify` documents its own (see [`signing`]).

mod asset_refs;
mod assets;
mod build;
mod cli;
mod diagnostics;
mod entry;
mod graph;
mod inspect;
mod packages;
mod resolve;
mod scan;
mod signing;
mod transform;
#[cfg(test)]
mod props;

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use cli::{Cli, Command};
use graph::Graph;
use transform::Options;

fn main() -> ExitCode {
    let cli = Cli::parse_from(cli::expand_shorthand(std::env::args_os().collect()));
    let result = match cli.command {
        Command::Build { entry, output, bin, stub, minify, compress_level, quiet, include, sign, notices } => {
            let delivery = build::Delivery { stub: stub.as_deref(), sign: sign.as_deref(), notices: notices.as_deref() };
            entry::choose(&entry, bin.as_deref(), output)
                .and_then(|(entry, output)| pack_build(&entry, &output, &delivery, Options { minify }, compress_level, &include, quiet))
        }
        Command::Inspect { binary, sbom, licenses } => {
            let report = if sbom { inspect::Report::Sbom } else if licenses { inspect::Report::Licenses } else { inspect::Report::Summary };
            inspect::inspect(&binary, report).map(|report| {
                print!("{report}");
                ExitCode::SUCCESS
            })
        }
        Command::Keygen { output } => signing::keygen(&output).map(|id| {
            eprintln!("wrote {} (private: keep it secret) and {} (public), key {id}", output.display(), signing::public_path(&output).display());
            ExitCode::SUCCESS
        }),
        Command::Verify { binary, key } => signing::load_verifying_key(&key)
            .and_then(|key| signing::verify(&binary, &key))
            .map(|verdict| {
                let message = verdict.message(&binary);
                if verdict.exit_code() == 0 {
                    println!("{message}");
                } else {
                    eprintln!("{message}");
                }
                ExitCode::from(verdict.exit_code())
            }),
        Command::Run { entry, args } => entry::for_run(&entry).map(|entry| pack_run(&entry, args)),
    };
    result.unwrap_or_else(|err| {
        eprintln!("error: {err:#}");
        ExitCode::FAILURE
    })
}

fn pack_build(
    entry: &Path,
    output: &Path,
    delivery: &build::Delivery,
    options: Options,
    compress_level: i32,
    includes: &[String],
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let Some(graph) = walk(entry, options, includes, true) else { return Ok(ExitCode::FAILURE) };
    if !quiet {
        for line in &graph.detected {
            eprintln!("{line}");
        }
    }
    let written = build::write_executable(&graph, output, delivery, compress_level)?;
    if !quiet {
        let plural = |count: usize| if count == 1 { "" } else { "s" };
        eprintln!(
            "packed {} module{} and {} asset{} into {}: {} ({} stub + {} app) in {:.2} s",
            written.modules,
            plural(written.modules),
            written.assets,
            plural(written.assets),
            output.display(),
            inspect::human_size(written.bytes),
            inspect::human_size(written.stub_bytes),
            inspect::human_size(written.bytes - written.stub_bytes),
            started.elapsed().as_secs_f64(),
        );
        if let Some(key) = &written.signed_by {
            eprintln!("signed for {} with key {key}", written.stub.target);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs the app inside this process. Like node, it says nothing of its own unless the app
/// cannot start.
fn pack_run(entry: &Path, args: Vec<OsString>) -> ExitCode {
    let Some(graph) = walk(entry, Options::default(), &[], false) else { return ExitCode::FAILURE };
    let app = match stub_runtime::App::try_from(graph.to_bundle()) {
        Ok(app) => app,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let launch = stub_runtime::Launch {
        bundle: app,
        root: graph.root.to_string_lossy().into_owned(),
        exec_path: stub_runtime::current_exe_path(),
        args: args.into_iter().map(|arg| arg.to_string_lossy().into_owned()).collect(),
        // The project's files are on disk where the app looks for them.
        virtual_fs: false,
    };
    ExitCode::from(stub_runtime::run(launch) as u8)
}

/// Walks the graph from `entry`, printing diagnostics; `None` when there were errors.
fn walk(entry: &Path, options: Options, includes: &[String], show_warnings: bool) -> Option<Graph> {
    let walk = graph::walk(entry, options, includes);
    if show_warnings {
        for warning in &walk.warnings {
            eprint!("{warning}");
        }
    }
    match walk.graph {
        Ok(graph) => Some(graph),
        Err(errors) => {
            for error in &errors {
                eprint!("{error}");
            }
            let count = errors.len();
            eprintln!("error: could not pack '{}' ({count} error{})", entry.display(), if count == 1 { "" } else { "s" });
            None
        }
    }
}
