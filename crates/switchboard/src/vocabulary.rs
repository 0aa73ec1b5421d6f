//! An app's vocabulary, as one type: the plugin's engine is generic over it, so that its
//! tables, trace and results are typed by the app's own labels, audiences and error kinds.

use std::fmt::Debug;

use serde::Serialize;

use crate::{Audience, Error, EventInfo, Label};

/// What an app brings to the plugin. Implement it on an empty type:
/// `struct MyApp; impl Vocabulary for MyApp { type Label = MyLabel; ... }`.
pub trait Vocabulary: Send + Sync + 'static {
    /// The app's window labels.
    type Label: Label;
    /// The app's audiences of targeted events.
    type Audience: Audience<Self::Label>;
    /// The kind of a failed command, as the trace records it (the tag of the app's error); the
    /// plugin's own commands record theirs as the kind their [`Error`] maps to.
    type ErrorKind: Copy
        + Debug
        + PartialEq
        + Serialize
        + specta::Type
        + Send
        + Sync
        + 'static
        + for<'a> From<&'a Error<Self::Label>>;
    /// The app's events: the `EVENTS` its [`events!`](crate::events) list makes. The plugin
    /// relays a page's event to another window only if it is a page-to-page one of these.
    const EVENTS: &'static [EventInfo];
}
