//! What the engine refuses. Apps convert it into their own command error with `From`, so a
//! command body uses `?` on engine calls.

/// An engine call that did nothing, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error<L> {
    /// The window named is not open (or has been reported closed): nothing was sent, not
    /// even to the other windows named.
    #[error("window `{0}` is not open")]
    WindowNotFound(L),
    /// A failure of the platform or of serialization; nothing was changed.
    #[error("{0}")]
    Internal(String),
}
