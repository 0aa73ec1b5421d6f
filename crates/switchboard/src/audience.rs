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

/// `labels` with each label kept at its first place only: what [`Audience::resolve`] answers
/// for an audience that may name a window twice.
pub fn once_each<L: Label>(mut labels: Vec<L>) -> Vec<L> {
    let mut seen = std::collections::HashSet::new();
    labels.retain(|l| seen.insert(*l));
    labels
}

/// An audience for an app that needs none of its own: every open window, one, or some. In
/// TypeScript `{ to: "all" } | { to: "one", label } | { to: "some", labels }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, specta::Type)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Recipients<L> {
    /// Every open window.
    All,
    /// One window.
    One {
        /// The window.
        label: L,
    },
    /// The windows named, each once, in the order named.
    Some {
        /// The windows.
        labels: Vec<L>,
    },
}

impl<L: Label> Audience<L> for Recipients<L> {
    fn all() -> Self {
        Recipients::All
    }

    fn one(label: L) -> Self {
        Recipients::One { label }
    }

    fn resolve(&self, open: &[L]) -> Vec<L> {
        once_each(match self {
            Recipients::All => open.to_vec(),
            Recipients::One { label } => vec![*label],
            Recipients::Some { labels } => labels.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Win;

    #[test]
    fn recipients_resolve_to_open_windows_or_the_ones_named_once_each() {
        let open = [Win(1), Win(2), Win(3)];
        assert_eq!(Recipients::All.resolve(&open), open);
        // A closed window is kept so that the sender can report it.
        assert_eq!(Recipients::one(Win(9)).resolve(&open), [Win(9)]);
        let some = Recipients::Some {
            labels: vec![Win(3), Win(1), Win(3)],
        };
        assert_eq!(some.resolve(&open), [Win(3), Win(1)]);
        assert_eq!(
            serde_json::to_value(&some).unwrap(),
            serde_json::json!({ "to": "some", "labels": [3, 1, 3] })
        );
    }
}
