//! A vocabulary for the plugin's own unit tests: windows `w0`, `w1`, ..., two audiences and three
//! events.

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
    type ErrorKind = Kind;
    const EVENTS: &'static [crate::EventInfo] = EVENTS;
}

/// The test vocabulary's error kinds: the plugin's own.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, specta::Type)]
pub struct Kind(pub &'static str);

impl From<&crate::Error<Win>> for Kind {
    fn from(e: &crate::Error<Win>) -> Self {
        Kind(e.kind())
    }
}

/// Rust to one window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct Note {
    pub text: String,
}

/// Rust to every window; only the latest matters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct Level {
    pub value: i32,
}

/// Page to page: what one window tells another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct Chat {
    pub text: String,
}

crate::events! {
    Note = "note", Targeted;
    Level = "level", Broadcast, latest;
    Chat = "chat", PageToPage;
}
