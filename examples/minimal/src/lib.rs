//! The smallest app on tauri-plugin-switchboard. `main` opens notes (`note-<n>`) with
//! `open_note`, which sends the new note its text at once, while its page is still loading: the
//! plugin holds the text until that page is ready, then delivers it over the page's own
//! Channel, to that window alone. `npm run minimal:bindings` (`:check`) writes (or checks)
//! `bindings/`; `src/main.rs` starts the app.

use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, WebviewUrl, WebviewWindow, WebviewWindowBuilder};
use tauri_plugin_switchboard::pace::{paced, Pace, Pacing};
use tauri_plugin_switchboard::{bindings, lifecycle, Audience, Error, ErrorKind, Recipients};
use tauri_plugin_switchboard::{EventInfo, Sent, SwitchboardExt, Vocabulary};

tauri_plugin_switchboard::labels! {
    /// A window: `main`, or a note opened from it.
    pub enum Label, kind Kind;
    one Main = "main";
    many Note = "note-";
}

/// Rust to one note: the text it shows.
#[derive(Serialize, Deserialize, specta::Type)]
pub struct NoteText {
    text: String,
}

tauri_plugin_switchboard::events! {
    NoteText = "note-text", Targeted;
}

/// This app's words for the plugin: its labels, its audience, its commands' error kinds.
pub struct App;

impl Vocabulary for App {
    type Label = Label;
    type Audience = Recipients<Label>;
    type ErrorKind = ErrorKind;
    const EVENTS: &'static [EventInfo] = EVENTS;
}

/// Opens window `label`, showing the one page both kinds share.
fn open(app: &AppHandle, label: Label) -> Result<WebviewWindow, Error<Label>> {
    lifecycle::open::<_, App, _>(app, label, || {
        let url = WebviewUrl::App("index.html".into());
        WebviewWindowBuilder::new(app, label.to_string(), url)
            .title(label.to_string())
            .build()
    })
}

/// Opens the next note and sends it `text` right away: held for it until its page is ready.
#[tauri::command]
#[specta::specta]
fn open_note(app: AppHandle, text: String) -> Result<Sent<Label>, Error<Label>> {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let label = Label::Note(NEXT.fetch_add(1, Ordering::Relaxed));
    open(&app, label)?;
    app.switchboard::<App>()
        .send(&app, &Recipients::one(label), &NoteText { text })
}

/// The commands, for Tauri and for the bindings.
fn specta() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::new()
        .commands(tauri_specta::collect_commands![open_note])
        .typ::<tauri_plugin_switchboard::Rejection>()
        .types(&bindings::event_types(EVENTS))
        .typed_error_impl(bindings::TYPED_ERROR_IMPL)
}

/// Writes `bindings/`, or with `--check` fails naming each stale file.
pub fn generate_bindings() -> std::process::ExitCode {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/bindings").into();
    bindings::main(dir, "npm run minimal:bindings", EVENTS, |ts, file| {
        specta().export(ts, file)
    })
}

/// Runs the app: the plugin, the command (paced), and main.
pub fn run(context: tauri::Context) -> tauri::Result<()> {
    tauri::Builder::default()
        .plugin(tauri_plugin_switchboard::Builder::<_, App>::new().build())
        .manage(Pace::new(Pacing::DEFAULT))
        .invoke_handler(paced(specta().invoke_handler()))
        .setup(|app| Ok(open(app.handle(), Label::Main).map(drop)?))
        .run(context)
}
