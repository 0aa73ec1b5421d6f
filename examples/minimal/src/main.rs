//! Starts the minimal app with its pages embedded.

fn main() -> tauri::Result<()> {
    switchboard_minimal::run(tauri::generate_context!())
}
