//! Starts the minimal app with its pages embedded.

fn main() -> tauri::Result<()> {
    // First, before any thread starts: it may start the binary again.
    tauri_plugin_switchboard::allocator::use_system_allocator();
    switchboard_minimal::run(tauri::generate_context!())
}
