//! The one error type of every command, and the framework's own rejections.
//!
//! Both are tagged on `kind`, and their kinds never overlap, so TypeScript narrows on `kind`
//! alone. The generated bindings turn the framework's plain-string rejections into the
//! plugin's [`Rejection`] values (see `crates/bindings`), so a denied permission never poses as a command's
//! own error (docs/tauri-behaviour.md#string-rejections).

use serde::Serialize;
use specta::Type;
use switchboard_events::WindowLabel;
#[cfg(doc)]
use tauri_plugin_switchboard::Rejection;

use crate::limits::Limit;

/// An error returned by a command. JSON: `{ "kind": "...", "message": "...", ... }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    /// An argument is well-typed but not acceptable (empty, too long, out of range).
    #[error("{message}")]
    InvalidInput {
        /// What is wrong, for people.
        message: String,
    },
    /// The window named does not exist (or has closed).
    #[error("{message}")]
    WindowNotFound {
        /// What is wrong, for people.
        message: String,
        /// The label that was asked for.
        label: WindowLabel,
    },
    /// Something else named by id does not exist.
    #[error("{message}")]
    NotFound {
        /// What is wrong, for people.
        message: String,
    },
    /// The calling window may not do this (a rule of the command, beyond the capability).
    #[error("{message}")]
    Forbidden {
        /// What is wrong, for people.
        message: String,
    },
    /// A limit on what a page may ask was reached (see `limits.rs` and docs/limits.md).
    #[error("{message}")]
    LimitReached {
        /// What is wrong, for people.
        message: String,
        /// Which limit.
        limit: Limit,
        /// Its value: a maximum, or for `shortest_step_ms` a minimum.
        bound: u32,
    },
    /// A bug or a failure of the platform; the command was stopped safely.
    #[error("{message}")]
    Internal {
        /// What is wrong, for people.
        message: String,
    },
}

impl AppError {
    /// An [`AppError::InvalidInput`].
    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::InvalidInput {
            message: message.into(),
        }
    }

    /// An [`AppError::WindowNotFound`] for `label`.
    pub fn window_not_found(label: WindowLabel) -> Self {
        AppError::WindowNotFound {
            message: format!("window `{label}` is not open"),
            label,
        }
    }

    /// An [`AppError::NotFound`].
    pub fn not_found(message: impl Into<String>) -> Self {
        AppError::NotFound {
            message: message.into(),
        }
    }

    /// An [`AppError::Forbidden`].
    pub fn forbidden(message: impl Into<String>) -> Self {
        AppError::Forbidden {
            message: message.into(),
        }
    }

    /// An [`AppError::Internal`].
    pub fn internal(message: impl Into<String>) -> Self {
        AppError::Internal {
            message: message.into(),
        }
    }

    /// The `kind` tag.
    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::InvalidInput { .. } => ErrorKind::InvalidInput,
            AppError::WindowNotFound { .. } => ErrorKind::WindowNotFound,
            AppError::NotFound { .. } => ErrorKind::NotFound,
            AppError::Forbidden { .. } => ErrorKind::Forbidden,
            AppError::LimitReached { .. } => ErrorKind::LimitReached,
            AppError::Internal { .. } => ErrorKind::Internal,
        }
    }
}

/// The kind of an [`AppError`] alone, without its details: what the trace keeps of a failed
/// call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// `invalid_input`
    InvalidInput,
    /// `window_not_found`
    WindowNotFound,
    /// `not_found`
    NotFound,
    /// `forbidden`
    Forbidden,
    /// `limit_reached`
    LimitReached,
    /// `internal`
    Internal,
}

impl ErrorKind {
    /// As in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::WindowNotFound => "window_not_found",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::LimitReached => "limit_reached",
            ErrorKind::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// So that tests read `assert_eq!(error.kind(), "not_found")`.
impl PartialEq<&str> for ErrorKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Checking a value against a limit gives the error that names it.
impl Limit {
    /// `Ok` when `value` is within a maximum; else the error naming this limit.
    pub fn check(self, value: usize) -> Result<(), AppError> {
        let bound = self.bound();
        if value > bound as usize {
            return Err(self.reached(format!(
                "{value} is over the limit {} of {bound}",
                self.name()
            )));
        }
        Ok(())
    }

    /// `Ok` when `value` is at least a minimum; else the error naming this limit.
    pub fn check_at_least(self, value: usize) -> Result<(), AppError> {
        let bound = self.bound();
        if value < bound as usize {
            return Err(self.reached(format!(
                "{value} is under the limit {} of {bound}",
                self.name()
            )));
        }
        Ok(())
    }

    /// The error for this limit, with `message` for people.
    pub fn reached(self, message: impl Into<String>) -> AppError {
        AppError::LimitReached {
            message: message.into(),
            limit: self,
            bound: self.bound(),
        }
    }
}

/// What the plugin's engine refuses, as a command's error.
impl From<tauri_plugin_switchboard::Error<WindowLabel>> for AppError {
    fn from(e: tauri_plugin_switchboard::Error<WindowLabel>) -> Self {
        match e {
            tauri_plugin_switchboard::Error::WindowNotFound(label) => {
                AppError::window_not_found(label)
            }
            tauri_plugin_switchboard::Error::NotAWindow(_) => AppError::forbidden(e.to_string()),
            tauri_plugin_switchboard::Error::NotALabel(_)
            | tauri_plugin_switchboard::Error::NotAPageEvent(_)
            | tauri_plugin_switchboard::Error::InvalidPayload(_) => {
                AppError::invalid(e.to_string())
            }
            tauri_plugin_switchboard::Error::Internal(message) => AppError::internal(message),
        }
    }
}

/// The kind the trace records when a command fails.
impl From<&AppError> for ErrorKind {
    fn from(e: &AppError) -> Self {
        e.kind()
    }
}

/// The kind the trace records when one of the plugin's own commands fails.
impl From<&tauri_plugin_switchboard::Error<WindowLabel>> for ErrorKind {
    fn from(e: &tauri_plugin_switchboard::Error<WindowLabel>) -> Self {
        AppError::from(e.clone()).kind()
    }
}

impl From<tauri::Error> for AppError {
    fn from(e: tauri::Error) -> Self {
        AppError::internal(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use tauri_plugin_switchboard::Rejection;

    /// The JSON shape is a contract with the frontend: changing it is a breaking change.
    #[test]
    fn json_shape_is_pinned() {
        let check = |e: AppError, want: serde_json::Value| {
            assert_eq!(serde_json::to_value(&e).unwrap(), want);
            assert_eq!(want["kind"], e.kind().as_str());
            assert_eq!(want["kind"], serde_json::to_value(e.kind()).unwrap());
            assert_eq!(want["message"], e.to_string());
        };
        check(
            AppError::invalid("name is empty"),
            json!({"kind": "invalid_input", "message": "name is empty"}),
        );
        check(
            AppError::window_not_found(WindowLabel::Worker(7)),
            json!({"kind": "window_not_found", "message": "window `worker-7` is not open", "label": "worker-7"}),
        );
        check(
            AppError::not_found("no job 3"),
            json!({"kind": "not_found", "message": "no job 3"}),
        );
        check(
            AppError::forbidden("no"),
            json!({"kind": "forbidden", "message": "no"}),
        );
        check(
            Limit::OpenWorkers.reached("too many"),
            json!({"kind": "limit_reached", "message": "too many", "limit": "open_workers", "bound": 16}),
        );
        check(
            AppError::internal("boom"),
            json!({"kind": "internal", "message": "boom"}),
        );
    }

    #[test]
    fn checks_name_the_limit_and_its_bound() {
        assert_eq!(Limit::NameChars.check(64), Ok(()));
        let over = Limit::NameChars.check(65).unwrap_err();
        assert_eq!(
            serde_json::to_value(&over).unwrap(),
            serde_json::json!({
                "kind": "limit_reached",
                "message": "65 is over the limit name_chars of 64",
                "limit": "name_chars",
                "bound": 64,
            })
        );
        assert_eq!(Limit::ShortestStepMs.check_at_least(20), Ok(()));
        assert_eq!(
            Limit::ShortestStepMs.check_at_least(0).unwrap_err().kind(),
            "limit_reached"
        );
    }

    #[test]
    fn rejection_kinds_do_not_overlap_app_error_kinds() {
        let message = String::new;
        let rejections = [
            Rejection::PermissionDenied { message: message() },
            Rejection::InvalidArgs { message: message() },
            Rejection::UnknownCommand { message: message() },
            Rejection::IpcFailure { message: message() },
        ];
        let errors = [
            AppError::invalid(""),
            AppError::window_not_found(WindowLabel::Main),
            AppError::not_found(""),
            AppError::forbidden(""),
            Limit::JobSteps.reached(""),
            AppError::internal(""),
        ];
        let kind = |v: serde_json::Value| v["kind"].as_str().unwrap().to_owned();
        let rejection_kinds: Vec<String> = rejections
            .iter()
            .map(|r| kind(serde_json::to_value(r).unwrap()))
            .collect();
        for e in &errors {
            assert!(
                !rejection_kinds.contains(&kind(serde_json::to_value(e).unwrap())),
                "{e:?}"
            );
        }
    }
}
