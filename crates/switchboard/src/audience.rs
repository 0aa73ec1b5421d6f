//! Who an event from Rust is for, as the app says it: the plugin needs only to name every
//! window, name one, and turn an audience into labels.

use std::fmt::Debug;

use serde::Serialize;

use crate::Label;

/// An app's audience type (for example `All | One { label } | Some { labels }`).
pub trait Audience<L: Label>:
    Clone + Debug + Serialize + specta::Type + Send + Sync + 'static
{
    /// Every open window.
    fn all() -> Self;

    /// Window `label` alone.
    fn one(label: L) -> Self;

    /// The labels this audience names among `open` windows, in a stable order, without
    /// duplicates. Labels named explicitly are returned even when not open, so that the
    /// sender can report them as missing instead of dropping them silently.
    fn resolve(&self, open: &[L]) -> Vec<L>;
}
