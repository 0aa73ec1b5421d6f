//! `cargo run -p switchboard-commands --bin bindings [-- --check] [DIR]`: regenerates the
//! TypeScript bindings into DIR (default `bindings/` at the workspace root), or with `--check`
//! exits 1, naming each file and the command to run, when any file would change.

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
