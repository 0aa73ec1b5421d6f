//! Declares every app command in the AppManifest, so that each is denied to a window until its
//! capability grants it (FACTS.md, 7). The list is the commands crate's own.

include!("../crates/commands/src/names.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMAND_NAMES);
    let attributes = tauri_build::Attributes::new().app_manifest(manifest);
    if let Err(e) = tauri_build::try_build(attributes) {
        // A build script reports failure by panicking; the message is the error itself.
        panic!("tauri-build failed: {e:#}");
    }
}
