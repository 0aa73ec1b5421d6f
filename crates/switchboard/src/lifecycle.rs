//! A window's life as the engine sees it, and the only code that changes a window's state in
//! more than one table: opening, readiness, reloads and closing.
//!
//! A window is open and loading from [`opening`] (called before it is built) and again from
//! every [`page_started`] (a reload); events for it are held until [`ready`]. When its page
//! goes (a reload) or its window closes, what the engine kept for the old page ends here, and
//! then the app's teardown hooks run, so that the app's own per-window tables (its jobs, its
//! delayed replies) end in the same place. A Channel whose page has gone still accepts sends
//! (docs/tauri-behaviour.md#channel-after-close), so this cannot be left to send errors.

use tauri::{AppHandle, Manager, Runtime};

use crate::{Error, Inbox, SwitchboardExt, Vocabulary};

/// Why a window's page state ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Teardown {
    /// Its page started loading again (a reload, or the first load of a new window): the old
    /// page's listeners and subscriptions are gone, the window stays open.
    Reload,
    /// Its window closed: it is no longer open, and sends naming it fail.
    Close,
}

/// What the app runs when a window's page state ends, after the engine's own.
pub(crate) type Hook<R, L> = Box<dyn Fn(&AppHandle<R>, L, Teardown) + Send + Sync>;

/// The app's teardown hooks, managed as Tauri state by the plugin.
pub(crate) struct Hooks<R: Runtime, V: Vocabulary>(pub(crate) Vec<Hook<R, V::Label>>);

fn run_hooks<R: Runtime, V: Vocabulary>(app: &AppHandle<R>, label: V::Label, why: Teardown) {
    if let Some(hooks) = app.try_state::<Hooks<R, V>>() {
        for hook in &hooks.0 {
            hook(app, label, why);
        }
    }
}

/// Window `label` is about to be built: it is open, and loading, from now on. What was sent to
/// it already stays held (a new window's page reports that it started loading after the window
/// was opened, and events may be sent to it in between).
pub fn opening<R: Runtime, V: Vocabulary>(app: &AppHandle<R>, label: V::Label) {
    app.switchboard::<V>().outbox().mark_loading(label);
}

/// Opens window `label` with `build` (which builds it, with `WebviewWindowBuilder` say): it is
/// open and loading from the start, so what is sent to it meanwhile is held until its page is
/// ready; if `build` fails, nothing is kept for it and the answer is [`Error::Internal`].
/// [`opening`] and [`not_opened`] around the app's own building, for apps that need nothing
/// between them.
pub fn open<R: Runtime, V: Vocabulary, T>(
    app: &AppHandle<R>,
    label: V::Label,
    build: impl FnOnce() -> tauri::Result<T>,
) -> Result<T, Error<V::Label>> {
    opening::<R, V>(app, label);
    build().map_err(|e| {
        not_opened::<R, V>(app, label);
        Error::Internal(format!("cannot open {label}: {e}"))
    })
}

/// Window `label` could not be built after [`opening`]: it is not open, and nothing is kept
/// for it. No hook runs: it never had a page.
pub fn not_opened<R: Runtime, V: Vocabulary>(app: &AppHandle<R>, label: V::Label) {
    app.switchboard::<V>().outbox().remove(label);
}

/// The page of window `label` has registered its listeners and handed over `inbox`, its own
/// Channel: what was held for it is delivered now, in order. Returns how many.
pub fn ready<R: Runtime, V: Vocabulary>(
    app: &AppHandle<R>,
    label: V::Label,
    inbox: Inbox,
) -> Result<u32, Error<V::Label>> {
    app.switchboard::<V>().outbox().ready(app, label, inbox)
}

/// A page started loading in webview `label` (Tauri's label; one that is not the app's is
/// ignored). Its window is loading again, and what belonged to the old page ends.
pub fn page_started<R: Runtime, V: Vocabulary>(app: &AppHandle<R>, label: &str) {
    let Ok(label) = label.parse::<V::Label>() else {
        return;
    };
    app.switchboard::<V>().outbox().mark_loading(label);
    app.switchboard::<V>().trace().unsubscribe(label);
    run_hooks::<R, V>(app, label, Teardown::Reload);
}

/// Tauri reported window `label` destroyed. Tauri forgets a window before it says so, so a new
/// window of the same label (one closed and opened again) may already be open: that one is not
/// this one, and its page's start has already ended what the old page left.
pub fn destroyed<R: Runtime, V: Vocabulary>(app: &AppHandle<R>, label: &str) {
    let Ok(parsed) = label.parse::<V::Label>() else {
        return;
    };
    if app.get_webview_window(label).is_none() {
        closed::<R, V>(app, parsed);
    }
}

/// Forgets window `label`, which has closed: it is no longer open, what was held for it is
/// dropped, its trace subscription ends, then the app's hooks run. (Tests on Tauri's mock
/// runtime call it directly: that runtime never reports a window destroyed.)
pub fn closed<R: Runtime, V: Vocabulary>(app: &AppHandle<R>, label: V::Label) {
    let dropped = app.switchboard::<V>().outbox().remove(label);
    app.switchboard::<V>().trace().unsubscribe(label);
    if dropped > 0 {
        log::info!("{label} closed before it was ready; {dropped} held event(s) dropped");
    }
    run_hooks::<R, V>(app, label, Teardown::Close);
}
