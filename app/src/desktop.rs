//! What only a real desktop can do: find the screen a window goes on, and save where each
//! window is (Tauri's window-state plugin, which [`crate::persist`] configures). [`crate::run`]
//! manages a [`Desktop`]; the
//! integration tests' mock runtime has no screens (asking it panics) and no plugins, so there
//! is none there: windows are laid out on a 1920x1080 screen and no geometry is saved.

use switchboard_events::WindowLabel;
use tauri::{AppHandle, Manager, Runtime, Wry};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// What of a window's geometry is kept: not its visibility or decorations, which the app sets.
pub const GEOMETRY: StateFlags = StateFlags::POSITION
    .union(StateFlags::SIZE)
    .union(StateFlags::MAXIMIZED);

/// A rectangle in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Area {
    /// The screen assumed when none is known (the mock runtime).
    pub const FALLBACK: Area = Area {
        x: 0.0,
        y: 0.0,
        width: 1920.0,
        height: 1080.0,
    };
}

/// The desktop's services, managed as state by [`crate::run`].
pub struct Desktop<R: Runtime> {
    /// The work area of the screen a new window goes on.
    pub screen: fn(&AppHandle<R>) -> Area,
    /// Saves every window's geometry now.
    pub save_geometry: fn(&AppHandle<R>),
}

/// The real desktop's.
pub fn real() -> Desktop<Wry> {
    Desktop {
        screen: screen_of_main,
        save_geometry,
    }
}

/// The work area of the screen main is on (the primary one for main itself), in logical
/// pixels; [`Area::FALLBACK`] when no screen is known.
fn screen_of_main<R: Runtime>(app: &AppHandle<R>) -> Area {
    let monitor = app
        .get_webview_window(&WindowLabel::Main.to_string())
        .and_then(|main| main.current_monitor().ok().flatten())
        .or_else(|| app.primary_monitor().ok().flatten());
    let Some(monitor) = monitor else {
        return Area::FALLBACK;
    };
    let scale = monitor.scale_factor();
    let work = monitor.work_area();
    Area {
        x: f64::from(work.position.x) / scale,
        y: f64::from(work.position.y) / scale,
        width: f64::from(work.size.width) / scale,
        height: f64::from(work.size.height) / scale,
    }
}

/// Saves every window's geometry, on the main thread: the plugin holds its table's lock while
/// it asks each window where it is, and its own handler of a move takes that lock on the main
/// thread. From another thread the two wait for each other for ever (seen: the app hung).
fn save_geometry(app: &AppHandle<Wry>) {
    let handle = app.clone();
    let saved = app.run_on_main_thread(move || {
        if let Err(e) = handle.save_window_state(GEOMETRY) {
            log::warn!("window geometry not saved: {e}");
        }
    });
    if let Err(e) = saved {
        log::warn!("window geometry not saved: {e}");
    }
}
