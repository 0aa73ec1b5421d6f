//! Switchboard's integration tests: the whole app (the same `configure` as `tauri dev`, the
//! ACL resolved from the shipped capabilities) on Tauri's mock runtime, driven through the
//! real IPC path. One test binary; a module per concern:
//!
//! - `harness`: starting the app, invoking commands as a window, catching events and channels;
//! - `bulk`: downloads and uploads, raw, JSON and chunked, and their bounds;
//! - `commands`: every command, ok and error, and the error JSON the frontend sees;
//! - `docs`: the docs name only scripts, files and lint rules that exist, list every script
//!   and command, and date every figure measured by hand;
//! - `delivery`: targeted events reach exactly their windows, over both transports, also in a
//!   storm; the ready hand-off; shared state;
//! - `fuzz`: every command against generated hostile arguments, through the real IPC path;
//! - `limits`: each limit is a typed error; what a page started ends with it;
//! - `pace`: a window calling over its share waits in order, or is refused;
//! - `permissions`: the window kind x command matrix, from the command list; the event plugin;
//! - `registry`: the command and event lists, build.rs's permission files and the bindings
//!   agree; the drift check fails; the bindings' docs read as TypeScript;
//! - `tidy`: repository rules (citations resolve inside the repository);
//! - `workspace`: what is kept across a restart, a crash or a quit, and a corrupt file.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod bulk;
mod commands;
mod delivery;
mod docs;
mod fuzz;
mod harness;
mod limits;
mod pace;
mod permissions;
mod registry;
mod tidy;
mod workspace;
