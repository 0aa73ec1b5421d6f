//! Windows: open workers and the inspector, close, list, and the ready hand-off.
//!
//! How a window looks (URL, size, place) is the app's business: it manages a
//! [`WindowFactory`] and this module only decides labels and bookkeeping.

use std::sync::atomic::{AtomicU32, Ordering};

use serde::Serialize;
use specta::Type;
use switchboard_events::{Audience, WindowLabel, WindowsChanged};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::{outbox::open_windows, AppError, Call, Outbox};

/// Builds the window for a label.
type Build<R> = Box<dyn Fn(&AppHandle<R>, WindowLabel) -> tauri::Result<()> + Send + Sync>;

/// Builds the window for a label; provided by the app, managed as Tauri state.
pub struct WindowFactory<R: Runtime> {
    build: Build<R>,
    next_worker: AtomicU32,
}

impl<R: Runtime> WindowFactory<R> {
    /// A factory that builds windows with `build`.
    pub fn new(
        build: impl Fn(&AppHandle<R>, WindowLabel) -> tauri::Result<()> + Send + Sync + 'static,
    ) -> Self {
        WindowFactory {
            build: Box::new(build),
            next_worker: AtomicU32::new(1),
        }
    }

    /// Opens the window `label`, held as loading until its page is ready.
    pub fn open(&self, app: &AppHandle<R>, label: WindowLabel) -> Result<(), AppError> {
        let outbox = app.state::<Outbox>();
        outbox.loading(label);
        (self.build)(app, label).map_err(|e| {
            outbox.forget(label);
            AppError::internal(format!("cannot open {label}: {e}"))
        })
    }
}

/// Tells every window which windows are open. Called when one opens or closes.
pub fn announce<R: Runtime>(app: &AppHandle<R>) -> Result<(), AppError> {
    let open = open_windows(app);
    app.state::<Outbox>()
        .send(app, &Audience::All, &WindowsChanged { open })
        .map(drop)
}

/// The answer to [`window_ready`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ReadyReport {
    /// The window that is now ready.
    pub label: WindowLabel,
    /// Events that were held for it and are now delivered.
    pub flushed: u32,
}

/// Announces that the calling page has registered its listeners: events held for it are
/// delivered now, in order, and later ones go straight through.
#[tauri::command]
#[specta::specta]
pub async fn window_ready<R: Runtime>(
    call: Call<R>,
    outbox: State<'_, Outbox>,
) -> Result<ReadyReport, AppError> {
    let label = call.caller;
    let flushed = outbox.ready(&call.app, label);
    call.run(async move {
        Ok(ReadyReport {
            label,
            flushed: flushed?,
        })
    })
    .await
}

/// Every open window, sorted.
#[tauri::command]
#[specta::specta]
pub async fn list_windows<R: Runtime>(call: Call<R>) -> Result<Vec<WindowLabel>, AppError> {
    let open = open_windows(&call.app);
    call.run(async move { Ok(open) }).await
}

/// Opens the next worker, `worker-1`, `worker-2`, ... (numbers are not reused).
#[tauri::command]
#[specta::specta]
pub async fn open_worker<R: Runtime>(
    call: Call<R>,
    factory: State<'_, WindowFactory<R>>,
) -> Result<WindowLabel, AppError> {
    let label = WindowLabel::Worker(factory.next_worker.fetch_add(1, Ordering::Relaxed));
    let opened = factory
        .open(&call.app, label)
        .and_then(|()| announce(&call.app))
        .map(|()| label);
    call.run(async move { opened }).await
}

/// Opens the inspector, or brings it forward if it is open.
#[tauri::command]
#[specta::specta]
pub async fn open_inspector<R: Runtime>(
    call: Call<R>,
    factory: State<'_, WindowFactory<R>>,
) -> Result<WindowLabel, AppError> {
    let label = WindowLabel::Inspector;
    let opened = match call.app.get_webview_window(&label.to_string()) {
        Some(window) => window.set_focus().map_err(AppError::from),
        None => factory
            .open(&call.app, label)
            .and_then(|()| announce(&call.app)),
    };
    call.run(async move { opened.map(|()| label) }).await
}

/// Closes a worker or the inspector. `main` cannot be closed this way.
#[tauri::command]
#[specta::specta]
pub async fn close_window<R: Runtime>(call: Call<R>, label: WindowLabel) -> Result<(), AppError> {
    let closed = if label == WindowLabel::Main {
        Err(AppError::forbidden(
            "main is closed by the user, not by a command",
        ))
    } else {
        match call.app.get_webview_window(&label.to_string()) {
            // `destroy` rather than `close`: no close-request round trip to a page that may
            // be busy. The app's window-event hook forgets it and announces the change.
            Some(window) => window.destroy().map_err(AppError::from),
            None => Err(AppError::window_not_found(label)),
        }
    };
    call.run(async move { closed }).await
}

/// Call when a page starts loading (also on reload): its listeners are gone until it is ready.
pub fn on_page_started<R: Runtime>(app: &AppHandle<R>, label: &str) {
    if let Ok(label) = label.parse() {
        app.state::<Outbox>().loading(label);
    }
}

/// Call when a window has been destroyed: forgets it and tells the others.
pub fn on_destroyed<R: Runtime>(app: &AppHandle<R>, label: &str) {
    let Ok(label) = label.parse() else { return };
    let dropped = app.state::<Outbox>().forget(label);
    if dropped > 0 {
        eprintln!(
            "switchboard: {label} closed before it was ready; {dropped} held event(s) dropped"
        );
    }
    if let Err(e) = announce(app) {
        eprintln!("switchboard: could not announce that {label} closed: {e}");
    }
}
