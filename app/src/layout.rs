//! How each kind of window looks: its page, title, size and place. The places tile a
//! 1920x1080 screen so that all windows show at once, also under Xvfb with no window manager.

use switchboard_commands::windows::WindowFactory;
use switchboard_events::WindowLabel;
use tauri::{AppHandle, Runtime, WebviewUrl, WebviewWindowBuilder};

const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 540.0;

/// Where a window goes and how it looks.
pub struct Layout {
    /// The page, relative to the frontend's root.
    pub page: &'static str,
    /// The title bar's text.
    pub title: String,
    /// Top-left corner, in logical pixels.
    pub position: (f64, f64),
    /// Inner size, in logical pixels.
    pub size: (f64, f64),
}

/// Main and the inspector take the left and right columns, full height; workers fill the
/// 2x2 grid between them, then start over.
pub fn layout(label: WindowLabel) -> Layout {
    match label {
        WindowLabel::Main => Layout {
            page: "index.html",
            title: "Switchboard".into(),
            position: (0.0, 0.0),
            size: (WIDTH, 2.0 * HEIGHT),
        },
        WindowLabel::Inspector => Layout {
            page: "inspector.html",
            title: "Inspector".into(),
            position: (3.0 * WIDTH, 0.0),
            size: (WIDTH, 2.0 * HEIGHT),
        },
        WindowLabel::Worker(n) => {
            let slot = f64::from(n.saturating_sub(1) % 4);
            Layout {
                page: "worker.html",
                title: format!("Worker {n}"),
                position: ((1.0 + slot % 2.0) * WIDTH, (slot / 2.0).floor() * HEIGHT),
                size: (WIDTH, HEIGHT),
            }
        }
    }
}

/// The factory that the window commands open windows with.
pub fn factory<R: Runtime>() -> WindowFactory<R> {
    WindowFactory::new(|app: &AppHandle<R>, label| {
        let Layout {
            page,
            title,
            position: (x, y),
            size: (width, height),
        } = layout(label);
        WebviewWindowBuilder::new(app, label.to_string(), WebviewUrl::App(page.into()))
            .title(title)
            .inner_size(width, height)
            .position(x, y)
            .build()
            .map(drop)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(a: &Layout, b: &Layout) -> bool {
        let ((ax, ay), (aw, ah)) = (a.position, a.size);
        let ((bx, by), (bw, bh)) = (b.position, b.size);
        ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah
    }

    #[test]
    fn main_the_inspector_and_four_workers_do_not_overlap() {
        let labels = [WindowLabel::Main, WindowLabel::Inspector]
            .into_iter()
            .chain((1..=4).map(WindowLabel::Worker));
        let layouts: Vec<_> = labels.map(layout).collect();
        for (i, a) in layouts.iter().enumerate() {
            for b in &layouts[i + 1..] {
                assert!(!overlap(a, b), "{} and {} overlap", a.title, b.title);
            }
        }
        assert_eq!(
            layout(WindowLabel::Worker(5)).position,
            layout(WindowLabel::Worker(1)).position
        );
    }
}
