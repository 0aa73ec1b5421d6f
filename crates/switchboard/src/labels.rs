//! The [`labels!`](crate::labels) macro: an app's window labels declared in one place, as a
//! type that is everything a [`Label`](crate::Label) must be.
//!
//! An app names its windows by fixed labels (`main`) and numbered ones (`note-1`, `note-2`):
//!
//! ```
//! tauri_plugin_switchboard::labels! {
//!     /// A window of the app.
//!     pub enum Label, kind LabelKind;
//!     one Main = "main";
//!     many Note = "note-";
//! }
//! assert_eq!("note-2".parse::<Label>(), Ok(Label::Note(2)));
//! assert_eq!(Label::Note(2).to_string(), "note-2");
//! assert!("note-02".parse::<Label>().is_err());
//! ```
//!
//! The type parses and prints the plain strings Tauri uses (a number runs from 1 to
//! [`MAX_NUMBER`], without sign or leading zero, so each label has one spelling), is those
//! strings on the wire, and in TypeScript is the exact union of what it parses (`"main" |
//! \`note-${1 | 2 | ...}\` | ...`), so a label Rust would refuse does not compile there either.
//! Labels order as declared: the fixed ones, then each numbered kind by number.

use std::marker::PhantomData;

/// Digits in the highest number of a numbered label.
const DIGITS: u32 = 4;

/// The highest number of a numbered label.
pub const MAX_NUMBER: u32 = 10u32.pow(DIGITS) - 1;

/// Why a string is not one of the app's window labels.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a window label of this app")]
pub struct LabelError(pub String);

/// The number of a numbered label, from what follows its prefix: 1 to [`MAX_NUMBER`], digits
/// only, no leading zero.
pub fn parse_number(digits: &str) -> Option<u32> {
    let canonical = (1..=DIGITS as usize).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    canonical.then(|| digits.parse().ok()).flatten()
}

/// The TypeScript union of every label: each fixed one, and each prefix followed by a number
/// (one template per count of digits, since TypeScript's `${number}` would admit `0`, `1.5`
/// or `1e3`).
pub fn typescript(fixed: &[&str], prefixes: &[&str]) -> String {
    let first = "1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9";
    let digit = "0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9";
    let mut parts: Vec<String> = fixed.iter().map(|text| format!("\"{text}\"")).collect();
    for prefix in prefixes {
        for more in 0..DIGITS {
            let rest = format!("${{{digit}}}").repeat(more as usize);
            parts.push(format!("`{prefix}${{{first}}}{rest}`"));
        }
    }
    parts.join(" | ")
}

/// How a [`labels!`](crate::labels) type is spelt, for its TypeScript type.
pub trait Spelling: 'static {
    /// The fixed labels.
    const FIXED: &'static [&'static str];
    /// The prefixes of the numbered ones.
    const PREFIXES: &'static [&'static str];
}

/// The TypeScript type of a [`labels!`](crate::labels) type `T`. specta has no template-literal
/// type, so the text is given as is.
pub struct Pattern<T>(PhantomData<T>);

impl<T: Spelling> specta::Type for Pattern<T> {
    fn definition(_: &mut specta::Types) -> specta::datatype::DataType {
        specta::datatype::DataType::Reference(specta_typescript::define(typescript(
            T::FIXED,
            T::PREFIXES,
        )))
    }
}

/// Declares an app's window labels; see the [module](crate::labels) for the syntax. Makes the
/// enum (a unit variant per `one`, a `u32` variant per `many`), its kind enum (a variant per
/// line), and implements `Display`, `FromStr` (error [`LabelError`]), serde as the string,
/// `specta::Type` as the exact union, and [`Label`](crate::Label).
#[macro_export]
macro_rules! labels {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident, kind $kind:ident;
        $(one $fixed:ident = $text:literal;)*
        $(many $numbered:ident = $prefix:literal;)*
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            $crate::__private::specta::Type,
        )]
        #[specta(crate = $crate::__private::specta, type = $crate::labels::Pattern<$name>)]
        $vis enum $name {
            $(#[doc = concat!("`", $text, "`")] $fixed,)*
            $(#[doc = concat!("`", $prefix, "<n>`")] $numbered(u32),)*
        }

        /// The kinds of window, one per line of the label list.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $kind {
            $(#[doc = concat!("`", $text, "`")] $fixed,)*
            $(#[doc = concat!("`", $prefix, "<n>`")] $numbered,)*
        }

        impl $crate::labels::Spelling for $name {
            const FIXED: &'static [&'static str] = &[$($text),*];
            const PREFIXES: &'static [&'static str] = &[$($prefix),*];
        }

        impl $crate::Label for $name {
            type Kind = $kind;

            fn kind(self) -> $kind {
                match self {
                    $($name::$fixed => $kind::$fixed,)*
                    $($name::$numbered(_) => $kind::$numbered,)*
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $($name::$fixed => f.write_str($text),)*
                    $($name::$numbered(n) => write!(f, "{}{}", $prefix, n),)*
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::labels::LabelError;

            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                $(if s == $text {
                    return Ok($name::$fixed);
                })*
                $(if let Some(n) = s.strip_prefix($prefix).and_then($crate::labels::parse_number) {
                    return Ok($name::$numbered(n));
                })*
                Err($crate::labels::LabelError(s.to_owned()))
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let raw = <String as $crate::__private::serde::Deserialize>::deserialize(deserializer)?;
                raw.parse().map_err(<D::Error as $crate::__private::serde::de::Error>::custom)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::labels! {
        /// The test's windows.
        pub enum Win, kind WinKind;
        one Main = "main";
        one Help = "help";
        many Note = "note-";
        many Tool = "tool-";
    }

    #[test]
    fn parses_prints_and_orders_each_kind() {
        for (text, label, kind) in [
            ("main", Win::Main, WinKind::Main),
            ("help", Win::Help, WinKind::Help),
            ("note-1", Win::Note(1), WinKind::Note),
            ("tool-9999", Win::Tool(MAX_NUMBER), WinKind::Tool),
        ] {
            assert_eq!(text.parse::<Win>(), Ok(label));
            assert_eq!(label.to_string(), text);
            assert_eq!(crate::Label::kind(label), kind);
            assert_eq!(serde_json::to_value(label).unwrap(), text);
            assert_eq!(serde_json::from_value::<Win>(text.into()).unwrap(), label);
        }
        let mut labels = vec![
            Win::Tool(1),
            Win::Note(10),
            Win::Note(2),
            Win::Help,
            Win::Main,
        ];
        labels.sort();
        assert_eq!(
            labels,
            [
                Win::Main,
                Win::Help,
                Win::Note(2),
                Win::Note(10),
                Win::Tool(1)
            ]
        );
    }

    #[test]
    fn refuses_every_other_spelling() {
        for text in [
            "",
            "Main",
            "note-",
            "note-0",
            "note-01",
            "note-+1",
            "note--1",
            "note-1.5",
            "note-10000",
            "note-1e3",
            " note-1",
            "tool",
            "help-1",
        ] {
            assert_eq!(
                text.parse::<Win>(),
                Err(LabelError(text.into())),
                "{text:?}"
            );
            assert!(serde_json::from_value::<Win>(text.into()).is_err());
        }
    }

    #[test]
    fn its_typescript_is_the_exact_union() {
        let ts = typescript(&["main"], &["note-"]);
        assert!(ts.starts_with("\"main\" | `note-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}` | "));
        assert_eq!(ts.matches("`note-").count(), DIGITS as usize);
        assert!(ts.ends_with(&format!(
            "{}`",
            "${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}".repeat(3)
        )));
    }
}
