//! Who an event from Rust is for.

use serde::{Deserialize, Serialize};

use crate::WindowLabel;

/// The plugin's view of an audience; `resolve` is the inherent method below.
impl tauri_plugin_switchboard::Audience<WindowLabel> for Audience {
    fn all() -> Self {
        Audience::All
    }

    fn one(label: WindowLabel) -> Self {
        Audience::One { label }
    }

    fn resolve(&self, open: &[WindowLabel]) -> Vec<WindowLabel> {
        Audience::resolve(self, open)
    }
}

/// The audience of an event sent by Rust: every window, one window, the workers, or a list.
///
/// In TypeScript this is a tagged union on `to`, e.g. `{ to: "one", label: "worker-1" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Audience {
    /// Every open window.
    All,
    /// One window.
    One {
        /// The window.
        label: WindowLabel,
    },
    /// Every open `worker-<n>` window.
    Workers,
    /// A chosen set of windows (duplicates are sent once).
    Some {
        /// The windows, in the order given.
        labels: Vec<WindowLabel>,
    },
}

impl Audience {
    /// The labels this audience names among `open` windows, in a stable order, without
    /// duplicates. Labels named explicitly are returned even when not open, so that the caller
    /// can report them as missing instead of dropping them silently.
    pub fn resolve(&self, open: &[WindowLabel]) -> Vec<WindowLabel> {
        tauri_plugin_switchboard::audience::once_each(match self {
            Audience::All => open.to_vec(),
            Audience::One { label } => vec![*label],
            Audience::Workers => open.iter().copied().filter(|l| l.is_worker()).collect(),
            Audience::Some { labels } => labels.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use WindowLabel::*;

    #[test]
    fn resolves_each_audience() {
        let open = [Main, Worker(1), Inspector, Worker(2)];
        let check = |a: Audience, want: &[WindowLabel]| assert_eq!(a.resolve(&open), want);
        check(Audience::All, &open);
        check(Audience::One { label: Worker(2) }, &[Worker(2)]);
        check(Audience::Workers, &[Worker(1), Worker(2)]);
        check(
            Audience::Some {
                labels: vec![Worker(2), Main, Worker(2)],
            },
            &[Worker(2), Main],
        );
        // A closed window is kept so that the sender can report it.
        check(Audience::One { label: Worker(9) }, &[Worker(9)]);
    }

    #[test]
    fn json_shape_is_tagged_on_to() {
        let a = Audience::Some {
            labels: vec![Worker(1), Worker(2)],
        };
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "to": "some", "labels": ["worker-1", "worker-2"] })
        );
        assert_eq!(serde_json::from_value::<Audience>(json).unwrap(), a);
    }
}
