//! `npm run minimal:bindings`: writes `bindings/` (with `--check`, fails naming stale files).

fn main() -> std::process::ExitCode {
    switchboard_minimal::generate_bindings()
}
