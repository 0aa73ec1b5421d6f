//! Declares the app's one command to Tauri's ACL, so that only the capabilities that grant
//! `allow-open-note` may call it.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&["open_note"]);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        panic!("tauri-build failed: {e:#}");
    }
}
