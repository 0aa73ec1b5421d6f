//! How each event travels, declared once per event in the app's [`events!`](crate::events)
//! list.
//!
//! The route decides what each side may do with an event: Rust sends only [`Broadcast`] and
//! [`Targeted`] events, Rust listens only to [`ToCore`] events, and the generated TypeScript
//! lets a page listen in its own window to what Rust or another page sends, send a
//! [`PageToPage`] event to one window by label, and send a [`ToCore`] event to Rust; nothing
//! else.

use serde::{de::DeserializeOwned, Serialize};

/// How an event travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// Rust to every open window.
    Broadcast,
    /// Rust to the windows an audience names.
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

/// An event: a payload type with its name on the wire and its route. Implemented only by an
/// [`events!`](crate::events) list, so an event that is not registered cannot be sent or
/// listened to.
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

/// One registered event, for the bindings' generator and the tests.
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
    /// Parses a payload a page sent as this event's type and writes it again
    /// ([`normalize`](crate::payload::normalize)): how the plugin checks a page-to-page
    /// event it relays.
    pub normalize: fn(&str) -> Result<Box<serde_json::value::RawValue>, crate::PayloadError>,
}

/// Declares an app's events: `Type = "name", Route;` each, or `Type = "name", Route, latest;`
/// for an event whose latest value is all that matters. Implements [`Event`] and the route's
/// marker trait for each type, and lists them all in a `pub const EVENTS: &[EventInfo]` of the
/// calling module. Invoke it once, in the crate that defines the payloads.
#[macro_export]
macro_rules! events {
    ($($ty:ident = $name:literal, $route:ident $(, $latest:ident)?;)*) => {
        $(
            impl $crate::Event for $ty {
                const NAME: &'static str = $name;
                const ROUTE: $crate::Route = $crate::Route::$route;
                const LATEST_ONLY: bool = $crate::__latest_only!($($latest)?);
            }
            impl $crate::$route for $ty {}
        )*

        /// Every event, in declaration order.
        pub const EVENTS: &[$crate::EventInfo] = &[$(
            $crate::EventInfo {
                name: $name,
                route: $crate::Route::$route,
                latest_only: $crate::__latest_only!($($latest)?),
                type_name: stringify!($ty),
                register: |types| {
                    types.register_mut::<$ty>();
                },
                normalize: $crate::payload::normalize::<$ty>,
            },
        )*];
    };
}

/// `true` for the `latest` marker of an [`events!`] entry, `false` without it.
#[doc(hidden)]
#[macro_export]
macro_rules! __latest_only {
    () => {
        false
    };
    (latest) => {
        true
    };
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use crate::{Event, Route, Targeted};

    #[derive(Serialize, Deserialize, specta::Type)]
    struct Ping {}

    #[derive(Serialize, Deserialize, specta::Type)]
    struct State {}

    crate::events! {
        Ping = "ping", Targeted;
        State = "state", Broadcast, latest;
    }

    #[test]
    fn the_list_implements_each_event_and_lists_it_in_order() {
        fn targeted<E: Targeted>() -> Route {
            E::ROUTE
        }
        assert_eq!(targeted::<Ping>(), Route::Targeted);
        assert_eq!((Ping::NAME, Ping::LATEST_ONLY), ("ping", false));
        assert_eq!(
            (State::NAME, State::ROUTE, State::LATEST_ONLY),
            ("state", Route::Broadcast, true)
        );
        let listed: Vec<_> = EVENTS
            .iter()
            .map(|e| (e.name, e.route, e.type_name, e.latest_only))
            .collect();
        assert_eq!(
            listed,
            [
                ("ping", Route::Targeted, "Ping", false),
                ("state", Route::Broadcast, "State", true)
            ]
        );
    }

    /// The guest package writes the routes by hand (guest-js/types.ts); they must be these.
    #[test]
    fn the_guest_package_knows_every_route_and_no_other() {
        let types = include_str!("../guest-js/types.ts");
        let line = types
            .lines()
            .find(|l| l.starts_with("export type Route ="))
            .expect("guest-js/types.ts declares `Route` on one line");
        let mut guest: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        let mut rust: Vec<&str> = Route::ALL.iter().map(|r| r.as_str()).collect();
        guest.sort_unstable();
        rust.sort_unstable();
        assert_eq!(guest, rust);
    }
}
