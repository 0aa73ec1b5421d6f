//! `bench-report RESULTS OUT`: reads the runner's results, measures the machine's limits (once:
//! they are added to RESULTS, and a results file that has them is rendered with them), and
//! writes the Markdown report to OUT and its SVG charts to `bench/` beside it. A results file that does not match
//! [`switchboard_bench::results::BenchRun`] is an error, so a drifting runner fails the smoke;
//! so is a message lost, duplicated or reordered (written in the report first).

use std::{path::Path, process::ExitCode};

use switchboard_bench::{physical, report, results::BenchRun};

fn run(results: &str, out: &str) -> Result<(), String> {
    let text =
        std::fs::read_to_string(results).map_err(|e| format!("cannot read {results}: {e}"))?;
    let mut run: BenchRun =
        serde_json::from_str(&text).map_err(|e| format!("{results} is not a bench run: {e}"))?;
    let limits = match run.limits {
        Some(limits) => limits,
        None => {
            let limits =
                physical::measure(run.smoke).map_err(|e| format!("cannot measure limits: {e}"))?;
            run.limits = Some(limits);
            let text = serde_json::to_string_pretty(&run).map_err(|e| e.to_string())?;
            std::fs::write(results, text + "\n")
                .map_err(|e| format!("cannot write {results}: {e}"))?;
            limits
        }
    };
    // The charts go to `bench/` beside the report, where its links point.
    let dir = Path::new(out)
        .parent()
        .unwrap_or(Path::new("."))
        .join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (file, svg) in report::charts(&run)? {
        let path = dir.join(file);
        std::fs::write(&path, svg).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    std::fs::write(out, report::markdown(&run, &limits))
        .map_err(|e| format!("cannot write {out}: {e}"))?;
    println!("bench: wrote {out} and its charts in {}", dir.display());
    // Not a figure but a bug, whatever the machine: the smoke in `npm test` fails on it too.
    match report::faults(&run) {
        Some(n) if n > 0.0 => Err(format!(
            "{n} messages or trace entries were lost, duplicated or reordered (see the floods in {out})"
        )),
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [results, out] = args.as_slice() else {
        eprintln!("usage: bench-report RESULTS.json OUT.md");
        return ExitCode::from(2);
    };
    match run(results, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench-report: {e}");
            ExitCode::FAILURE
        }
    }
}
