//! How each kind of window looks: its page, title, size and place. The places tile a
//! 1920x1080 screen so that all windows show at once, also under Xvfb with no window manager.

use switchboard_commands::windows::WindowFactory;
use switchboard_events::WindowLabel;
use tauri::{AppHandle, Runtime, WebviewUrl, WebviewWindowBuilder};

const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 540.0;

/// The page, title and top-left corner of a window.
pub fn layout(label: WindowLabel) -> (&'static str, String, (f64, f64)) {
    match label {
        WindowLabel::Main => ("index.html", "Switchboard".into(), (0.0, 0.0)),
        WindowLabel::Inspector => ("inspector.html", "Inspector".into(), (0.0, HEIGHT)),
        WindowLabel::Worker(n) => {
            // Workers fill a 3x2 grid right of main and the inspector, then start over.
            let slot = f64::from((n - 1) % 6);
            let (col, row) = (1.0 + (slot % 3.0), (slot / 3.0).floor());
            (
                "worker.html",
                format!("Worker {n}"),
                (col * WIDTH, row * HEIGHT),
            )
        }
    }
}

/// The factory that the window commands open windows with.
pub fn factory<R: Runtime>() -> WindowFactory<R> {
    WindowFactory::new(|app: &AppHandle<R>, label| {
        let (page, title, (x, y)) = layout(label);
        WebviewWindowBuilder::new(app, label.to_string(), WebviewUrl::App(page.into()))
            .title(title)
            .inner_size(WIDTH, HEIGHT)
            .position(x, y)
            .build()
            .map(drop)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_do_not_cover_main_or_the_inspector() {
        for n in 1..=12 {
            let (_, _, (x, _)) = layout(WindowLabel::Worker(n));
            assert!(x >= WIDTH, "worker-{n} at x={x}");
        }
        assert_ne!(
            layout(WindowLabel::Worker(1)).2,
            layout(WindowLabel::Worker(2)).2
        );
    }
}
