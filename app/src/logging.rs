//! The log, through Tauri's log plugin: every crate's `log` records at the chosen level
//! (`SWITCHBOARD_LOG=error|warn|info|debug|trace`, `info` unless set) go to one file in the
//! app's log folder (or `--data-dir`'s `logs/`), to stderr, and into the IPC trace, so that
//! the inspector shows them beside the calls.
//!
//! The trace takes a lock, and a record may be made by code that holds it, on the same thread:
//! records reach the trace from a task of their own, never from inside the logger.

use std::sync::{Mutex, OnceLock};

use log::LevelFilter;
use switchboard_commands::Switchboard;
use tauri::{plugin::TauriPlugin, AppHandle, Manager, Wry};
use tauri_plugin_log::{fern, Target, TargetKind, TimezoneStrategy};

use crate::persist::Keep;

/// The file's name, without `.log`.
const FILE_NAME: &str = "switchboard";

/// Records made before the app could take them (while it is built), then the app.
static TAP: Mutex<Tap> = Mutex::new(Tap::Waiting(Vec::new()));
static APP: OnceLock<AppHandle<Wry>> = OnceLock::new();

enum Tap {
    Waiting(Vec<Record>),
    Open,
}

struct Record {
    level: log::Level,
    target: String,
    message: String,
}

/// The log plugin, writing where `keep` says.
pub fn plugin(keep: &Keep) -> TauriPlugin<Wry> {
    let file = match keep.log_dir() {
        Some(path) => TargetKind::Folder {
            path,
            file_name: Some(FILE_NAME.into()),
        },
        None => TargetKind::LogDir {
            file_name: Some(FILE_NAME.into()),
        },
    };
    let to_trace = fern::Dispatch::new().chain(fern::Output::call(|record| {
        hand_over(Record {
            level: record.level(),
            target: record.target().to_owned(),
            message: record.args().to_string(),
        })
    }));
    // The plugin formats a record before any target's own format, so it formats nothing and
    // each target formats for itself: the trace keeps the bare message.
    tauri_plugin_log::Builder::new()
        .clear_format()
        .clear_targets()
        .targets([
            Target::new(file).format(line),
            Target::new(TargetKind::Stderr).format(line),
            Target::new(TargetKind::Dispatch(to_trace)),
        ])
        .level(level())
        .build()
}

/// A line of the file and of stderr: `2026-11-26 08:20:05 INFO switchboard_app::persist:
/// workspace kept in ...` (UTC).
fn line(out: fern::FormatCallback, message: &std::fmt::Arguments, record: &log::Record) {
    let now = TimezoneStrategy::UseUtc.get_now();
    out.finish(format_args!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} {} {}: {message}",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
        record.level(),
        record.target(),
    ))
}

/// The level from `SWITCHBOARD_LOG`; `info` when it is unset or not a level.
fn level() -> LevelFilter {
    std::env::var("SWITCHBOARD_LOG")
        .ok()
        .and_then(|level| level.parse().ok())
        .unwrap_or(LevelFilter::Info)
}

/// From now on records go to `app`'s trace; those made before go now.
pub fn open_tap(app: &AppHandle<Wry>) {
    if APP.set(app.clone()).is_err() {
        return;
    }
    let waiting = match std::mem::replace(&mut *lock_tap(), Tap::Open) {
        Tap::Waiting(records) => records,
        Tap::Open => Vec::new(),
    };
    for record in waiting {
        hand_over(record);
    }
}

fn hand_over(record: Record) {
    let app = {
        let mut tap = lock_tap();
        match (&mut *tap, APP.get()) {
            (Tap::Open, Some(app)) => app.clone(),
            (Tap::Waiting(records), _) => {
                // Only while the app is built: a handful. Bounded all the same, in case the
                // app never opens the tap (it failed to build).
                if records.len() < 100 {
                    records.push(record);
                }
                return;
            }
            (Tap::Open, None) => return,
        }
    };
    tauri::async_runtime::spawn(async move {
        if let Some(switchboard) = app.try_state::<Switchboard>() {
            switchboard
                .trace()
                .log(record.level.into(), &record.target, record.message);
        }
    });
}

fn lock_tap() -> std::sync::MutexGuard<'static, Tap> {
    TAP.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
