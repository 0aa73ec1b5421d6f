// The plugin's commands, by name. Included by `build.rs`, which generates a permission for each
// (`switchboard:allow-<name>`), and by `lib.rs`, for apps and tests that check their grants;
// `commands.rs` registers the same names (a test checks the permission files against them).
// Plain items, no `//!`: `build.rs` includes this file in the middle of its own.

/// Every command of the plugin, as a page names it after `plugin:switchboard|`.
pub const COMMANDS: &[&str] = &["window_ready", "subscribe_trace", "relay"];
