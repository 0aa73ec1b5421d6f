//! Windows: open workers and the inspector, close, and what the demo adds to the plugin's
//! ready hand-off and teardown.
//!
//! How a window looks (URL, size, place) is the app's business: it manages a
//! [`WindowFactory`] and this module only decides labels and bookkeeping.

use std::sync::{
    atomic::{AtomicU32, Ordering},
    Mutex,
};

use switchboard_events::{Audience, LaunchedAgain, WindowLabel, WindowsChanged};

use tauri::{AppHandle, Manager, Runtime, State};

use tauri_plugin_switchboard::{lifecycle, lock::lock, Teardown};

use crate::{
    jobs::Jobs, limits::Limit, ping::Pings, workspace::WorkspaceStore, AppError, Call, Demo,
    Switchboard,
};

/// Builds the window for a label.
type Build<R> = Box<dyn Fn(&AppHandle<R>, WindowLabel) -> tauri::Result<()> + Send + Sync>;

/// Builds the window for a label; provided by the app, managed as Tauri state.
pub struct WindowFactory<R: Runtime> {
    build: Build<R>,
    next_worker: AtomicU32,
    /// Held while a window is looked up and opened, so that two calls cannot both open it.
    opening: Mutex<()>,
}

impl<R: Runtime> WindowFactory<R> {
    /// A factory that builds windows with `build`.
    pub fn new(
        build: impl Fn(&AppHandle<R>, WindowLabel) -> tauri::Result<()> + Send + Sync + 'static,
    ) -> Self {
        WindowFactory {
            build: Box::new(build),
            next_worker: AtomicU32::new(1),
            opening: Mutex::new(()),
        }
    }

    /// Opens window `label`, held as loading until its page is ready; if it is open already,
    /// brings it forward instead. Returns whether it opened a new window.
    pub fn open(&self, app: &AppHandle<R>, label: WindowLabel) -> Result<bool, AppError> {
        let _opening = lock(&self.opening);
        self.open_locked(app, label)
    }

    /// Opens the next worker, unless [`Limit::OpenWorkers`] are open or every number is used.
    /// Counting and opening happen under one lock, so two calls cannot both pass the count.
    pub fn open_next_worker(&self, app: &AppHandle<R>) -> Result<WindowLabel, AppError> {
        let _opening = lock(&self.opening);
        let open = app
            .state::<Switchboard>()
            .open()
            .iter()
            .filter(|l| l.is_worker())
            .count();
        Limit::OpenWorkers.check(open + 1)?;
        let label = WindowLabel::Worker(take_worker_number(&self.next_worker)?);
        self.open_locked(app, label)?;
        Ok(label)
    }

    /// Opens window `label` of a restored workspace; worker numbers go on after its number.
    pub fn reopen(&self, app: &AppHandle<R>, label: WindowLabel) -> Result<(), AppError> {
        let _opening = lock(&self.opening);
        if let WindowLabel::Worker(n) = label {
            self.next_worker
                .fetch_max(n.saturating_add(1), Ordering::Relaxed);
        }
        self.open_locked(app, label).map(drop)
    }

    fn open_locked(&self, app: &AppHandle<R>, label: WindowLabel) -> Result<bool, AppError> {
        if let Some(window) = app.get_webview_window(&label.to_string()) {
            window.set_focus()?;
            return Ok(false);
        }
        lifecycle::opening::<R, Demo>(app, label);
        if let Err(e) = (self.build)(app, label) {
            lifecycle::not_opened::<R, Demo>(app, label);
            // A window list sent meanwhile named it: send the true one.
            if let Err(e) = announce(app) {
                log::warn!("could not announce that {label} did not open: {e}");
            }
            return Err(AppError::internal(format!("cannot open {label}: {e}")));
        }
        if let Some(store) = app.try_state::<WorkspaceStore>() {
            store.opened(label);
        }
        Ok(true)
    }
}

/// Tells every window which windows are open. Called when one opens or closes.
pub fn announce<R: Runtime>(app: &AppHandle<R>) -> Result<(), AppError> {
    let outbox = app.state::<Switchboard>();
    let open = outbox.open();
    outbox
        .send(app, &Audience::All, &WindowsChanged { open })
        .map(drop)
        .map_err(AppError::from)
}

/// A page is ready (the plugin has delivered what was held for it): it is sent the current
/// window list last, so that whatever list was held, it ends with the current one. A window
/// closed meanwhile fails the page's `window_ready` with `window_not_found`.
pub fn on_ready<R: Runtime>(
    app: &AppHandle<R>,
    label: WindowLabel,
) -> Result<(), tauri_plugin_switchboard::Error<WindowLabel>> {
    let switchboard = app.state::<Switchboard>();
    let open = WindowsChanged {
        open: switchboard.open(),
    };
    switchboard
        .send(app, &Audience::One { label }, &open)
        .map(drop)
}

/// Takes the next worker number; fails, without wrapping, once every number is used.
fn take_worker_number(next: &AtomicU32) -> Result<u32, AppError> {
    let last = Limit::WorkerNumber.bound();
    next.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
        (n <= last).then_some(n + 1)
    })
    .map_err(|_| {
        Limit::WorkerNumber.reached(format!(
            "every worker number up to {last} has been used; restart the app"
        ))
    })
}

/// Opens the next worker, `worker-1`, `worker-2`, ... up to `worker-9999`, at most 16 at once;
/// numbers are not reused while the app runs, so a label never names two windows.
#[tauri::command]
#[specta::specta]
pub async fn open_worker<R: Runtime>(
    call: Call<R>,
    factory: State<'_, WindowFactory<R>>,
) -> Result<WindowLabel, AppError> {
    call.run(|call| {
        let label = factory.open_next_worker(&call.app)?;
        announce(&call.app)?;
        Ok(label)
    })
}

/// Opens the inspector, or brings it forward if it is open.
#[tauri::command]
#[specta::specta]
pub async fn open_inspector<R: Runtime>(
    call: Call<R>,
    factory: State<'_, WindowFactory<R>>,
) -> Result<WindowLabel, AppError> {
    call.run(|call| {
        if factory.open(&call.app, WindowLabel::Inspector)? {
            announce(&call.app)?;
        }
        Ok(WindowLabel::Inspector)
    })
}

/// Closes a window. Closing `main` quits the app, as when the user closes it.
#[tauri::command]
#[specta::specta]
pub async fn close_window<R: Runtime>(call: Call<R>, label: WindowLabel) -> Result<(), AppError> {
    call.run(|call| {
        match call.app.get_webview_window(&label.to_string()) {
            // `destroy` rather than `close`: no close-request round trip to a page that may
            // be busy. The app's window-event hook forgets it and announces the change.
            Some(window) => window.destroy().map_err(AppError::from),
            None => Err(AppError::window_not_found(label)),
        }
    })
}

/// Most arguments of a second launch handed to main, and most characters of each: the
/// command line is anyone's input.
const LAUNCH_ARGS: usize = 16;
const LAUNCH_ARG_CHARS: usize = 200;

/// Call when the app is started again while it runs: brings main forward and tells it the
/// new start's arguments (`argv` without the program's name).
pub fn launched_again<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>) {
    if let Some(main) = app.get_webview_window(&WindowLabel::Main.to_string()) {
        if let Err(e) = main.unminimize().and_then(|()| main.set_focus()) {
            log::warn!("main not brought forward: {e}");
        }
    }
    let args: Vec<String> = argv
        .into_iter()
        .skip(1)
        .take(LAUNCH_ARGS)
        .map(|arg| arg.chars().take(LAUNCH_ARG_CHARS).collect())
        .collect();
    log::info!("launched again with {args:?}");
    let to_main = Audience::One {
        label: WindowLabel::Main,
    };
    if let Err(e) = app
        .state::<Switchboard>()
        .send(app, &to_main, &LaunchedAgain { args })
    {
        log::warn!("main not told of the second launch: {e}");
    }
}

/// The demo's teardown, run by the plugin's lifecycle after the engine's own: what a page
/// started (its jobs, its pings) has no one to report to once the page goes; a closed window
/// also leaves the workspace (unless the app is quitting: the store is frozen then), and the
/// others are told.
pub fn torn_down<R: Runtime>(app: &AppHandle<R>, label: WindowLabel, why: Teardown) {
    app.state::<Jobs>().stop_all_of(label);
    app.state::<Pings>().stop_all_of(label);
    if why == Teardown::Close {
        if let Some(store) = app.try_state::<WorkspaceStore>() {
            store.closed(label);
        }
        if let Err(e) = announce(app) {
            log::warn!("could not announce that {label} closed: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_events::MAX_WORKER;

    #[test]
    fn worker_numbers_stop_at_the_last_label_instead_of_wrapping() {
        let next = AtomicU32::new(MAX_WORKER - 1);
        assert_eq!(take_worker_number(&next), Ok(MAX_WORKER - 1));
        assert_eq!(take_worker_number(&next), Ok(MAX_WORKER));
        for _ in 0..2 {
            assert_eq!(
                take_worker_number(&next).unwrap_err().kind(),
                "limit_reached"
            );
        }
        let last = WindowLabel::Worker(MAX_WORKER).to_string();
        assert_eq!(
            last.parse::<WindowLabel>(),
            Ok(WindowLabel::Worker(MAX_WORKER))
        );
    }
}
