//! What a window label is to the plugin: a small value with one spelling per window.
//!
//! The app defines its labels (an enum such as `Main | Worker(n)`); the plugin only needs to
//! parse them from Tauri's strings, print them back, order them, and know each one's kind of
//! window. Parsing must accept exactly the strings that printing makes, so that a label read
//! from a webview names one window and no other.

use std::{fmt, hash::Hash, str::FromStr};

use serde::{de::DeserializeOwned, Serialize};

/// A window label of the app. On the wire it is the plain string Tauri uses; `Display` writes
/// it and `FromStr` reads it back, refusing anything `Display` would not write.
pub trait Label:
    Copy
    + Eq
    + Ord
    + Hash
    + fmt::Debug
    + fmt::Display
    + FromStr
    + Serialize
    + DeserializeOwned
    + specta::Type
    + Send
    + Sync
    + 'static
{
    /// The app's kinds of window (one capability file each, as a rule).
    type Kind: Copy + Eq + Hash + fmt::Debug + Send + Sync + 'static;

    /// Which kind of window this label names.
    fn kind(self) -> Self::Kind;
}
