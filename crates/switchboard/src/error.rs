//! What the engine refuses. Apps convert it into their own command error with `From`, so a
//! command body uses `?` on engine calls; the plugin's own commands send it to pages as JSON
//! tagged on `kind`, in the shape of an app error (`{ kind, message, label? }`).

use serde::{ser::SerializeMap, Serialize, Serializer};

use crate::PayloadError;

/// An engine call that did nothing, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error<L> {
    /// The window named is not open (or has been reported closed): nothing was sent, not
    /// even to the other windows named.
    #[error("window `{0}` is not open")]
    WindowNotFound(L),
    /// The calling webview's label is not one of the app's windows (kind `forbidden`).
    #[error("`{0}` is not a window of this app")]
    NotAWindow(String),
    /// A page named a window by a label that is not one of the app's: nothing was sent.
    #[error("`{0}` is not a window label of this app")]
    NotALabel(String),
    /// A page asked for an event to be relayed that is not a page-to-page event of the app
    /// (Rust's own events come from Rust alone): nothing was sent.
    #[error("`{0}` is not a page-to-page event of this app")]
    NotAPageEvent(String),
    /// A page's payload for an event is too large or not of the event's type: nothing was
    /// sent.
    #[error("{0}")]
    InvalidPayload(PayloadError),
    /// A failure of the platform or of serialization; nothing was changed.
    #[error("{0}")]
    Internal(String),
}

impl<L> Error<L> {
    /// The `kind` tag in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::WindowNotFound(_) => "window_not_found",
            Error::NotAWindow(_) => "forbidden",
            Error::NotALabel(_) => "not_a_label",
            Error::NotAPageEvent(_) => "not_a_page_event",
            Error::InvalidPayload(_) => "invalid_payload",
            Error::Internal(_) => "internal",
        }
    }
}

impl<L: Serialize + std::fmt::Display> Serialize for Error<L> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.kind())?;
        map.serialize_entry("message", &self.to_string())?;
        if let Error::WindowNotFound(label) = self {
            map.serialize_entry("label", label)?;
        }
        map.end()
    }
}

/// What the plugin refuses, as pages receive it (the TypeScript shape of the engine's error,
/// which serializes by hand; the guest package's `SwitchboardError`).
#[derive(Serialize, specta::Type)]
#[serde(rename = "SwitchboardError", tag = "kind", rename_all = "snake_case")]
#[allow(dead_code, reason = "never made: it exists for its type")]
enum Shape<L> {
    /// The window named is not open.
    WindowNotFound {
        /// What is wrong, for people.
        message: String,
        /// The label that was asked for.
        label: L,
    },
    /// The caller is not one of the app's windows.
    Forbidden {
        /// What is wrong, for people.
        message: String,
    },
    /// A window was named by a label that is not one of the app's.
    NotALabel {
        /// What is wrong, for people.
        message: String,
    },
    /// The event named is not one pages may send each other.
    NotAPageEvent {
        /// What is wrong, for people.
        message: String,
    },
    /// A page's payload is too large or not of the event's type.
    InvalidPayload {
        /// What is wrong, for people.
        message: String,
    },
    /// Something failed inside.
    Internal {
        /// What is wrong, for people.
        message: String,
    },
}

impl<L: specta::Type> specta::Type for Error<L> {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        Shape::<L>::definition(types)
    }
}

/// The kind of an [`Error`], for an app whose commands have no error of their own (its
/// [`Vocabulary::ErrorKind`](crate::Vocabulary::ErrorKind)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// [`Error::WindowNotFound`]
    WindowNotFound,
    /// [`Error::NotAWindow`]
    Forbidden,
    /// [`Error::NotALabel`]
    NotALabel,
    /// [`Error::NotAPageEvent`]
    NotAPageEvent,
    /// [`Error::InvalidPayload`]
    InvalidPayload,
    /// [`Error::Internal`]
    Internal,
}

impl<L> From<&Error<L>> for ErrorKind {
    fn from(e: &Error<L>) -> Self {
        match e {
            Error::WindowNotFound(_) => ErrorKind::WindowNotFound,
            Error::NotAWindow(_) => ErrorKind::Forbidden,
            Error::NotALabel(_) => ErrorKind::NotALabel,
            Error::NotAPageEvent(_) => ErrorKind::NotAPageEvent,
            Error::InvalidPayload(_) => ErrorKind::InvalidPayload,
            Error::Internal(_) => ErrorKind::Internal,
        }
    }
}

/// A call refused by Tauri before any command ran. Never produced by Rust code: it is the
/// TypeScript shape that the guest package's `typedError` gives to Tauri's string rejections,
/// here so that an app's generated bindings contain it (its kinds must not be the app's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rejection {
    /// The window's capability does not grant the command.
    PermissionDenied {
        /// Tauri's text.
        message: String,
    },
    /// The arguments did not deserialize into the command's parameters.
    InvalidArgs {
        /// Tauri's text.
        message: String,
    },
    /// No command has this name.
    UnknownCommand {
        /// Tauri's text.
        message: String,
    },
    /// The window has too many calls waiting for its share of the IPC path
    /// ([`crate::pace`]): nothing ran.
    TooManyCalls {
        /// The refusal's text.
        message: String,
    },
    /// Any other failure of the IPC layer.
    IpcFailure {
        /// Tauri's text.
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::testing::Win;

    /// Pages tell errors apart by `kind`: the JSON is a contract, pinned here.
    #[test]
    fn json_is_tagged_on_kind_with_a_message() {
        let check = |e: Error<Win>, want| assert_eq!(serde_json::to_value(&e).unwrap(), want);
        check(
            Error::WindowNotFound(Win(3)),
            json!({ "kind": "window_not_found", "message": "window `w3` is not open", "label": 3 }),
        );
        check(
            Error::NotAWindow("x".into()),
            json!({ "kind": "forbidden", "message": "`x` is not a window of this app" }),
        );
        check(
            Error::Internal("boom".into()),
            json!({ "kind": "internal", "message": "boom" }),
        );
    }
}
