//! A build script gives `generate_context!` the `OUT_DIR` it needs. No tauri-build: without an
//! ACL manifest the app's own command is allowed to its local page, as in a fresh app.
//!
//! scripts/bench.sh builds this app in the same cargo command as Switchboard, so that both link
//! one build of tauri, with `TAURI_CONFIG` pointing Switchboard at the bench's frontend. That
//! override is not for this app: an empty one replaces it while this crate compiles.

fn main() {
    println!("cargo:rustc-env=TAURI_CONFIG={{}}");
}
