//! A vocabulary for the plugin's own unit tests: windows `w0`, `w1`, ... and two audiences.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::{Audience, Label, Vocabulary};

/// Window `w<n>`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, specta::Type,
)]
pub struct Win(pub u8);

impl fmt::Display for Win {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "w{}", self.0)
    }
}

impl FromStr for Win {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        s.strip_prefix('w')
            .and_then(|n| n.parse().ok())
            .map(Win)
            .ok_or(())
    }
}

impl Label for Win {
    type Kind = ();

    fn kind(self) {}
}

/// Everyone, or one window.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub enum To {
    All,
    One(Win),
}

impl Audience<Win> for To {
    fn all() -> Self {
        To::All
    }

    fn one(label: Win) -> Self {
        To::One(label)
    }

    fn resolve(&self, open: &[Win]) -> Vec<Win> {
        match self {
            To::All => open.to_vec(),
            To::One(label) => vec![*label],
        }
    }
}

/// The test vocabulary.
pub struct Test;

impl Vocabulary for Test {
    type Label = Win;
    type Audience = To;
    type ErrorKind = ();
}
