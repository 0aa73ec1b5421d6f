//! How each event travels, declared once per event in `lib.rs`'s `events!` list.
//!
//! The route decides what each side may do with an event: the Outbox sends only
//! [`Broadcast`] and [`Targeted`] events, Rust listens only to [`ToCore`] events, and the
//! generated TypeScript (`bindings/events.ts`, read through `frontend/src/lib/events.ts`) lets
//! a page listen in its own window to what Rust or another page sends, send a [`PageToPage`]
//! event to one window by label, and send a [`ToCore`] event to Rust; nothing else.

use serde::{de::DeserializeOwned, Serialize};

/// How an event travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// Rust to every open window.
    Broadcast,
    /// Rust to the windows an [`crate::Audience`] names.
    Targeted,
    /// A page to Rust.
    ToCore,
    /// A page to one other window, by label.
    PageToPage,
}

impl Route {
    /// Every route.
    pub const ALL: [Route; 4] = [
        Route::Broadcast,
        Route::Targeted,
        Route::ToCore,
        Route::PageToPage,
    ];

    /// The route's name in TypeScript.
    pub fn as_str(self) -> &'static str {
        match self {
            Route::Broadcast => "broadcast",
            Route::Targeted => "targeted",
            Route::ToCore => "to_core",
            Route::PageToPage => "page_to_page",
        }
    }
}

/// An event: a payload type with its name on the wire and its route. Implemented only by the
/// `events!` list, so an event that is not registered cannot be sent or listened to.
pub trait Event: Serialize + DeserializeOwned + specta::Type + 'static {
    /// The name Tauri carries it under.
    const NAME: &'static str;
    /// How it travels.
    const ROUTE: Route;
    /// Only its latest value matters (a state such as the window list): a window still
    /// loading is held only the newest one.
    const LATEST_ONLY: bool;
}

/// Sent by Rust to every window ([`Route::Broadcast`]).
pub trait Broadcast: Event {}
/// Sent by Rust to chosen windows ([`Route::Targeted`]).
pub trait Targeted: Event {}
/// Sent by pages to Rust ([`Route::ToCore`]); its payload is untrusted.
pub trait ToCore: Event {}
/// Sent by a page to another window ([`Route::PageToPage`]); Rust neither sends nor reads it.
pub trait PageToPage: Event {}

/// One registered event, for the bindings exporter and the tests.
#[derive(Debug, Clone, Copy)]
pub struct EventInfo {
    /// The name on the wire.
    pub name: &'static str,
    /// How it travels.
    pub route: Route,
    /// Only its latest value matters ([`Event::LATEST_ONLY`]).
    pub latest_only: bool,
    /// The payload's type name, as exported to TypeScript.
    pub type_name: &'static str,
    /// Adds the payload's type to a type collection.
    pub register: fn(&mut specta::Types),
}

/// Declares the events: `Type = "name", Route;` each, or `Type = "name", Route, latest;` for
/// an event whose latest value is all that matters. Implements [`Event`] and the route's
/// marker trait, and lists them all in `EVENTS`.
macro_rules! events {
    ($($ty:ident = $name:literal, $route:ident $(, $latest:ident)?;)*) => {
        $(
            impl $crate::Event for $ty {
                const NAME: &'static str = $name;
                const ROUTE: $crate::Route = $crate::Route::$route;
                const LATEST_ONLY: bool = $crate::route::latest_only!($($latest)?);
            }
            impl $crate::route::$route for $ty {}
        )*

        /// Every event, in declaration order.
        pub const EVENTS: &[$crate::EventInfo] = &[$(
            $crate::EventInfo {
                name: $name,
                route: $crate::Route::$route,
                latest_only: $crate::route::latest_only!($($latest)?),
                type_name: stringify!($ty),
                register: |types| {
                    types.register_mut::<$ty>();
                },
            },
        )*];
    };
}
pub(crate) use events;

/// `true` for the `latest` marker of an event list entry, `false` without it.
macro_rules! latest_only {
    () => {
        false
    };
    (latest) => {
        true
    };
}
pub(crate) use latest_only;
