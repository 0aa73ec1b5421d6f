//! `npm run bindings` (`cargo run -p switchboard-bindings [-- --check] [DIR]`): regenerates the
//! TypeScript bindings into DIR (default `bindings/` at the workspace root), or with `--check`
//! exits 1, naming each file and the command to run, when any file would change.
//!
//! Its own package, so that the app does not link what only the generator needs (the bench's
//! result types, ts-rs's exporter). It depends on the app's package too: Cargo compiles a crate
//! again for each set of features it is built with, and with the app's dependencies the
//! generator's build and `tauri dev`'s, which runs the bindings first, share every crate.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match switchboard_bindings::cli(&args) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(report) => {
            eprintln!("{report}");
            ExitCode::FAILURE
        }
    }
}
