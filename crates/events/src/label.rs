//! Window labels as a type: `main`, `inspector` or `worker-<n>` with n from 1 to
//! [`MAX_WORKER`], written without leading zeros.
//!
//! On the wire a label is the plain string Tauri uses. In TypeScript it is a union of exactly
//! the strings [`WindowLabel::from_str`] accepts (`"main" | "inspector" | "worker-1" | ... |
//! "worker-9999"`, written as template types over digits), so a label Rust would refuse does
//! not compile there either. Worker numbers are bounded for that reason: a template type over
//! `${number}` would admit `worker-0`, `worker-1.5` or `worker-1e3`, and an exact union must
//! be finite.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The label of one of Switchboard's windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, specta::Type)]
#[specta(type = LabelPattern)]
pub enum WindowLabel {
    /// The switchboard, opened at start.
    Main,
    /// The live IPC trace.
    Inspector,
    /// A worker opened at run time; numbers run from 1 to [`MAX_WORKER`].
    Worker(u32),
}

/// The kinds of window, one capability file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WindowKind {
    /// `main`, the switchboard.
    Main,
    /// `worker-<n>`
    Worker,
    /// `inspector`
    Inspector,
}

/// Why a string is not a window label.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a window label (expected `main`, `inspector` or `worker-<n>` with n from 1 to 9999)")]
pub struct LabelError(pub String);

const WORKER_PREFIX: &str = "worker-";

/// Digits in the highest worker number.
const WORKER_DIGITS: u32 = 4;

/// The highest worker number: `worker-9999`.
pub const MAX_WORKER: u32 = 10u32.pow(WORKER_DIGITS) - 1;

impl WindowLabel {
    /// Which kind of window this label names.
    pub fn kind(self) -> WindowKind {
        match self {
            WindowLabel::Main => WindowKind::Main,
            WindowLabel::Inspector => WindowKind::Inspector,
            WindowLabel::Worker(_) => WindowKind::Worker,
        }
    }

    /// True for `worker-<n>`.
    pub fn is_worker(self) -> bool {
        self.kind() == WindowKind::Worker
    }
}

impl tauri_plugin_switchboard::Label for WindowLabel {
    type Kind = WindowKind;

    fn kind(self) -> WindowKind {
        WindowLabel::kind(self)
    }
}

impl fmt::Display for WindowLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WindowLabel::Main => f.write_str("main"),
            WindowLabel::Inspector => f.write_str("inspector"),
            WindowLabel::Worker(n) => write!(f, "{WORKER_PREFIX}{n}"),
        }
    }
}

impl FromStr for WindowLabel {
    type Err = LabelError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let worker = |digits: &str| {
            // Reject signs, leading zeros and zero so that every label has one spelling.
            let canonical = (1..=WORKER_DIGITS as usize).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !digits.starts_with('0');
            canonical.then(|| digits.parse().ok()).flatten()
        };
        match s {
            "main" => Ok(WindowLabel::Main),
            "inspector" => Ok(WindowLabel::Inspector),
            _ => s
                .strip_prefix(WORKER_PREFIX)
                .and_then(worker)
                .map(WindowLabel::Worker)
                .ok_or_else(|| LabelError(s.to_owned())),
        }
    }
}

impl Serialize for WindowLabel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WindowLabel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

/// The TypeScript shape of [`WindowLabel`]: the exact union of what `from_str` accepts. specta
/// has no template-literal type, so the TypeScript text is given as is.
struct LabelPattern;

/// `"main" | "inspector" | `worker-${1..9}` | `worker-${1..9}${0..9}` | ...`, one template per
/// number of digits.
fn label_pattern() -> String {
    let first = "1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9";
    let digit = "0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9";
    let mut out = String::from("\"main\" | \"inspector\"");
    for more in 0..WORKER_DIGITS {
        out.push_str(&format!(" | `{WORKER_PREFIX}${{{first}}}"));
        for _ in 0..more {
            out.push_str(&format!("${{{digit}}}"));
        }
        out.push('`');
    }
    out
}

impl specta::Type for LabelPattern {
    fn definition(_: &mut specta::Types) -> specta::datatype::DataType {
        specta::datatype::DataType::Reference(specta_typescript::define(label_pattern()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_kind() {
        for (text, label) in [
            ("main", WindowLabel::Main),
            ("inspector", WindowLabel::Inspector),
            ("worker-1", WindowLabel::Worker(1)),
            ("worker-42", WindowLabel::Worker(42)),
            ("worker-9999", WindowLabel::Worker(MAX_WORKER)),
        ] {
            assert_eq!(text.parse::<WindowLabel>(), Ok(label));
            assert_eq!(label.to_string(), text);
        }
    }

    /// The cases the TypeScript parser (`frontend/src/lib/labels.ts`) is tested on too, so
    /// that both sides accept exactly the same labels.
    fn fixture(key: &str) -> Vec<String> {
        let json: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/labels.json")).unwrap();
        serde_json::from_value(json[key].clone()).unwrap()
    }

    #[test]
    fn accepts_and_reprints_the_shared_valid_labels() {
        for good in fixture("valid") {
            assert_eq!(good.parse::<WindowLabel>().unwrap().to_string(), good);
        }
    }

    #[test]
    fn rejects_the_shared_invalid_labels() {
        for bad in fixture("invalid") {
            assert_eq!(
                bad.parse::<WindowLabel>(),
                Err(LabelError(bad.clone())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_typescript_pattern_has_one_template_per_digit_count() {
        let pattern = label_pattern();
        assert!(pattern.starts_with("\"main\" | \"inspector\" | `worker-${1 | 2"));
        assert_eq!(pattern.matches("`worker-").count(), WORKER_DIGITS as usize);
        assert_eq!(MAX_WORKER, 9_999);
    }

    #[test]
    fn json_is_the_plain_label() {
        let json = serde_json::to_string(&WindowLabel::Worker(3)).unwrap();
        assert_eq!(json, "\"worker-3\"");
        assert_eq!(
            serde_json::from_str::<WindowLabel>(&json).unwrap(),
            WindowLabel::Worker(3)
        );
        let err = serde_json::from_str::<WindowLabel>("\"worker-x\"").unwrap_err();
        assert!(err.to_string().contains("not a window label"), "{err}");
    }
}
