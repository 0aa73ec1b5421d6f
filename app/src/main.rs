//! The Switchboard binary: everything is in the library, so tests can drive it.

// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // First, before any thread starts: it may start the binary again.
    tauri_plugin_switchboard::allocator::use_system_allocator();
    switchboard_app::run();
}
