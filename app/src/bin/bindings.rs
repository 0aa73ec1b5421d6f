//! `cargo run -p switchboard-app --bin bindings [-- --check] [DIR]`: regenerates the
//! TypeScript bindings into DIR (default `bindings/` at the workspace root), or with `--check`
//! exits 1, naming each file and the command to run, when any file would change.
//!
//! The generator is `switchboard_commands::export`; it is run from the app's package so that it
//! builds with the app's dependencies and features. Cargo compiles a crate again for each set of
//! features it is built with: from the commands package alone, Tauri (and every crate of ours)
//! would be compiled twice, once for the bindings and once for `tauri dev`, which runs the
//! bindings first. From here the two share everything but their last link.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match switchboard_commands::export::cli(&args) {
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
