//! How each kind of window looks: its page, title, size and place. Windows are placed on the
//! screen main is on (the primary screen for main itself), inside its work area: main and the
//! inspector take a column each side, workers tile the space between, so that all show at
//! once, also under Xvfb with no window manager. A window the user moved or resized comes back
//! where they left it instead (the window-state plugin: [`crate::persist`] configures it,
//! [`crate::desktop`] saves).

use switchboard_commands::windows::WindowFactory;
use switchboard_events::WindowLabel;
use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

use crate::desktop::{Area, Desktop};

/// A side column's width, as a share of the screen, and its bounds in logical pixels.
const COLUMN_SHARE: f64 = 0.25;
const COLUMN_MIN: f64 = 360.0;
const COLUMN_MAX: f64 = 520.0;
/// The narrowest a worker is made.
const WORKER_MIN: f64 = 360.0;

/// Where a window goes and how it looks.
pub struct Layout {
    /// The page, relative to the frontend's root.
    pub page: &'static str,
    /// The title bar's text.
    pub title: String,
    /// Top-left corner and inner size, in logical pixels.
    pub area: Area,
}

/// The layout of `label` on a screen whose work area is `screen`.
pub fn layout(label: WindowLabel, screen: Area) -> Layout {
    let column = (screen.width * COLUMN_SHARE)
        .clamp(COLUMN_MIN, COLUMN_MAX)
        .min(screen.width);
    let side = |x| Area {
        x,
        width: column,
        ..screen
    };
    match label {
        WindowLabel::Main => Layout {
            page: "index.html",
            title: "Switchboard".into(),
            area: side(screen.x),
        },
        WindowLabel::Inspector => Layout {
            page: "inspector.html",
            title: "Inspector".into(),
            area: side(screen.x + screen.width - column),
        },
        WindowLabel::Worker(n) => Layout {
            page: "worker.html",
            title: format!("Worker {n}"),
            area: worker_area(n, screen, column),
        },
    }
}

/// Workers tile the space between the columns, two rows of one or two; on a screen too narrow
/// for that, they cascade over its middle.
fn worker_area(n: u32, screen: Area, column: f64) -> Area {
    let middle = screen.width - 2.0 * column;
    let height = screen.height / 2.0;
    if middle < WORKER_MIN {
        let width = WORKER_MIN.min(screen.width);
        let step = f64::from(n.saturating_sub(1) % 8) * 24.0;
        return Area {
            x: screen.x + ((screen.width - width) / 2.0 + step).min(screen.width - width),
            y: screen.y + step.min(screen.height - height),
            width,
            height,
        };
    }
    let columns = if middle >= 2.0 * WORKER_MIN { 2 } else { 1 };
    let slot = n.saturating_sub(1) % (2 * columns);
    let width = middle / f64::from(columns);
    Area {
        x: screen.x + column + f64::from(slot % columns) * width,
        y: screen.y + f64::from(slot / columns) * height,
        width,
        height,
    }
}

/// The factory that the window commands open windows with.
pub fn factory<R: Runtime>() -> WindowFactory<R> {
    WindowFactory::new(|app: &AppHandle<R>, label| {
        let screen = app
            .try_state::<Desktop<R>>()
            .map_or(Area::FALLBACK, |desktop| (desktop.screen)(app));
        let Layout { page, title, area } = layout(label, screen);
        WebviewWindowBuilder::new(app, label.to_string(), WebviewUrl::App(page.into()))
            .title(title)
            .inner_size(area.width, area.height)
            .position(area.x, area.y)
            .build()
            .map(drop)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(a: Area, b: Area) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    fn inside(a: Area, screen: Area) -> bool {
        a.x >= screen.x
            && a.y >= screen.y
            && a.x + a.width <= screen.x + screen.width + 0.5
            && a.y + a.height <= screen.y + screen.height + 0.5
    }

    #[test]
    fn every_window_fits_the_screen_and_the_tiled_ones_do_not_overlap() {
        for (width, height, tiled) in [
            (1024.0, 768.0, 0),
            (1280.0, 720.0, 2),
            (1366.0, 768.0, 2),
            (1920.0, 1080.0, 4),
            (3840.0, 2160.0, 4),
        ] {
            let screen = Area {
                x: 100.0,
                y: 30.0,
                width,
                height,
            };
            let at = |label| layout(label, screen).area;
            for label in [WindowLabel::Main, WindowLabel::Inspector]
                .into_iter()
                .chain((1..=12).map(WindowLabel::Worker))
            {
                assert!(
                    inside(at(label), screen),
                    "{label} off a {width}x{height} screen"
                );
            }
            let mut apart = vec![WindowLabel::Main, WindowLabel::Inspector];
            apart.extend((1..=tiled).map(WindowLabel::Worker));
            for (i, a) in apart.iter().enumerate() {
                for b in &apart[i + 1..] {
                    assert!(
                        !overlap(at(*a), at(*b)),
                        "{a} and {b} overlap on {width}x{height}"
                    );
                }
            }
        }
    }
}
