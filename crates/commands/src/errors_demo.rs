//! A command that fails on request, to show each error path end to end, panics included: one
//! before the command has awaited anything and one after.

use serde::Deserialize;
use specta::Type;
use tauri::Runtime;

use crate::{AppError, Call};

/// Which failure `failWith` should produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FailKind {
    /// `invalid_input`
    InvalidInput,
    /// `not_found`
    NotFound,
    /// `forbidden`
    Forbidden,
    /// A panic inside the command, which must come back as `internal`.
    Panic,
    /// A panic after the command has awaited, which must come back as `internal` too.
    PanicAfterAwait,
}

/// Fails as asked.
pub fn fail(kind: FailKind) -> Result<(), AppError> {
    match kind {
        FailKind::InvalidInput => Err(AppError::invalid("you asked for invalid_input")),
        FailKind::NotFound => Err(AppError::not_found("you asked for not_found")),
        FailKind::Forbidden => Err(AppError::forbidden("you asked for forbidden")),
        FailKind::Panic | FailKind::PanicAfterAwait => panic!("you asked for a panic"),
    }
}

/// Always fails, with the error `kind` names.
#[tauri::command]
#[specta::specta]
pub async fn fail_with<R: Runtime>(call: Call<R>, kind: FailKind) -> Result<(), AppError> {
    call.run_async(|_| async move {
        if kind == FailKind::PanicAfterAwait {
            // Gives the executor back once, so the panic happens in a later poll.
            tokio::task::yield_now().await;
        }
        fail(kind)
    })
    .await
}
