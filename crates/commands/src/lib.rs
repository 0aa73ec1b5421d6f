//! Switchboard's commands, one module per group, and the machinery they share.
//!
//! Each group keeps its logic in plain functions, testable without a webview, behind
//! `#[tauri::command]` wrappers of a line or two. Every wrapper takes a [`Call`] (the calling
//! window, traced and panic-proof) and returns `Result<_, AppError>`.
//!
//! This crate knows no window geometry, URLs or config: opening a window goes through the
//! [`windows::WindowFactory`] that the app provides.

pub mod bulk;
pub mod counter;
pub mod error;
pub mod errors_demo;
pub mod greeting;
pub mod jobs;
pub mod limits;
pub mod messages;
pub mod notes;
pub mod ping;
pub mod registry;
pub mod report;
pub mod restore;
pub mod stats;
pub mod vocabulary;
pub mod windows;
pub mod workspace;

/// The folder given with `--data-dir`, managed as state when there is one: everything the
/// app writes goes there instead of its own folders, exported traces too.
pub struct DataDir(pub std::path::PathBuf);

pub use error::AppError;
pub use limits::Limit;
pub use registry::{builder, manage_state, COMMAND_GRANTS, COMMAND_NAMES};
pub use vocabulary::{Call, Demo, Sent, Switchboard, TraceEntry};
