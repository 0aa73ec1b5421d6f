//! `npm run bindings` (`cargo run -p switchboard-bindings [-- --check] [DIR]`): regenerates the
//! TypeScript bindings into DIR (default `bindings/` at the workspace root), or with `--check`
//! exits 1, naming each file and the command to run, when any file would change.
//!
//! Its own package, so that the app does not link what only the generator needs (the bench's
//! result types, ts-rs's exporter). It depends on the app's dependencies too, not on the app:
//! Cargo compiles a crate again for each set of features it is built with, and with them the
//! generator's build and `tauri dev`'s share every crate but the app's own, so that after a
//! change the generator waits for no code of the app.

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
