//! `cargo run -p switchboard-commands --bin bindings [-- --check] [DIR]`: regenerates the
//! TypeScript bindings into DIR (default `bindings/` at the workspace root), or with `--check`
//! exits 1, naming each file and the command to run, when any file would change.

use std::{path::PathBuf, process::ExitCode};

use switchboard_commands::export::{self, REGENERATE};

fn main() -> ExitCode {
    let mut check = false;
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bindings");
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--check" => check = true,
            other => dir = PathBuf::from(other),
        }
    }
    let result = export::generate().and_then(|want| {
        if check {
            export::diff(&dir, &want)
        } else {
            export::write(&dir, &want)
        }
    });
    match result {
        Err(e) => {
            eprintln!("bindings: {e}");
            ExitCode::FAILURE
        }
        Ok(drift) if check && !drift.is_empty() => {
            for d in &drift {
                eprintln!("bindings are stale: {d}");
            }
            eprintln!("run `{REGENERATE}` and commit the result");
            ExitCode::FAILURE
        }
        Ok(drift) => {
            let verb = if check { "up to date" } else { "written" };
            println!(
                "bindings {verb} in {} ({} file(s) changed)",
                dir.display(),
                drift.len()
            );
            ExitCode::SUCCESS
        }
    }
}
