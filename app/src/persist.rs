//! What the app keeps between runs, and where: the workspace (`workspace.json`: which windows
//! are open and each inbox's last messages; see `switchboard_commands::workspace`), window
//! geometry (Tauri's window-state plugin), the log (`logs/`) and exported traces (`traces/`).
//! They go in the app's own folders, or all in the folder given with `--data-dir`, so that a
//! test, or a second workspace, keeps its own.

use std::path::PathBuf;

use switchboard_commands::{
    workspace::{self, Loaded, WorkspaceStore},
    DataDir,
};
use tauri::{AppHandle, Manager, Runtime};

use crate::desktop::{Desktop, GEOMETRY};

/// Where the app keeps what it keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keep {
    /// Nothing: the workspace is neither restored nor saved (the integration tests).
    Nothing,
    /// In the app's data folder (the workspace), config folder (geometry) and log folder.
    AppFolders,
    /// Everything in this folder.
    In(PathBuf),
}

impl Keep {
    /// From the command line: `--data-dir DIR` or `--data-dir=DIR` keeps everything in DIR
    /// (made absolute: it names the folder's one instance, wherever the app was started from);
    /// without it, the app's folders. Other arguments are left alone (a second launch passes
    /// them to the running app).
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Keep, String> {
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let dir = match arg.strip_prefix("--data-dir") {
                Some("") => args.next(),
                Some(rest) if rest.starts_with('=') => Some(rest[1..].to_owned()),
                _ => continue,
            };
            return match dir {
                Some(dir) if !dir.is_empty() => std::path::absolute(&dir)
                    .map(Keep::In)
                    .map_err(|e| format!("--data-dir {dir}: {e}")),
                _ => Err("--data-dir needs a folder".to_owned()),
            };
        }
        Ok(Keep::AppFolders)
    }

    /// The workspace file, once the app can say where its folders are.
    fn workspace_file<R: Runtime>(&self, app: &AppHandle<R>) -> Option<PathBuf> {
        let dir = match self {
            Keep::Nothing => return None,
            Keep::AppFolders => app.path().app_data_dir().ok()?,
            Keep::In(dir) => dir.clone(),
        };
        Some(dir.join("workspace.json"))
    }

    /// The window-state plugin's file: absolute in `--data-dir`, else its own default name in
    /// the app's config folder.
    pub fn geometry_file(&self) -> Option<PathBuf> {
        match self {
            Keep::In(dir) => Some(dir.join("window-state.json")),
            Keep::Nothing | Keep::AppFolders => None,
        }
    }

    /// The single-instance plugin's D-Bus name for `--data-dir`, so that each folder has one
    /// instance of its own; `None` for the app's own name. The same folder gives the same name
    /// in every build, so a new build finds an older one still running: FNV-1a of the path's
    /// bytes (std's `DefaultHasher` promises no such thing).
    pub fn instance_id(&self) -> Option<String> {
        let Keep::In(dir) = self else { return None };
        let hash = dir
            .as_os_str()
            .as_encoded_bytes()
            .iter()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
            });
        Some(format!("dev.switchboard.app.d{hash:016x}"))
    }

    /// The log's folder, in `--data-dir`; `None` for the app's log folder.
    pub fn log_dir(&self) -> Option<PathBuf> {
        match self {
            Keep::In(dir) => Some(dir.join("logs")),
            Keep::Nothing | Keep::AppFolders => None,
        }
    }
}

/// Loads the workspace and starts keeping it; returns what was loaded, to restore once the
/// window factory is in place. `None` when nothing is kept.
pub fn start<R: Runtime>(app: &AppHandle<R>, keep: &Keep) -> Option<Loaded> {
    if let Keep::In(dir) = keep {
        app.manage(DataDir(dir.clone()));
    }
    let path = keep.workspace_file(app)?;
    let loaded = workspace::load(&path);
    for dropped in &loaded.dropped {
        log::warn!("workspace {}: {dropped} dropped", path.display());
    }
    let handle = app.clone();
    let store = WorkspaceStore::start(path, &loaded, move |written| {
        // The plugin saves only when the app exits normally; saved here, a crash keeps it too.
        if let (true, Some(desktop)) = (written.geometry, handle.try_state::<Desktop<R>>()) {
            (desktop.save_geometry)(&handle);
        }
        if let Some(saved) = written.file {
            workspace::tell_main(&handle, &saved);
        }
    });
    log::info!("workspace kept in {}", store.path().display());
    app.manage(store);
    Some(loaded)
}

/// The window-state plugin, keeping its file where `keep` says.
pub fn geometry_plugin(keep: &Keep) -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let mut geometry = tauri_plugin_window_state::Builder::new().with_state_flags(GEOMETRY);
    if let Some(file) = keep.geometry_file() {
        geometry = geometry.with_filename(file.display().to_string());
    }
    geometry.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(args: &[&str]) -> Result<Keep, String> {
        Keep::from_args(args.iter().map(|a| (*a).to_owned()))
    }

    #[test]
    fn each_data_folder_has_a_d_bus_name_of_its_own_that_does_not_change() {
        assert_eq!(Keep::AppFolders.instance_id(), None);
        let id = |dir: &str| Keep::In(PathBuf::from(dir)).instance_id();
        // FNV-1a's published value for "a" (0xaf63dc4c8601ec8c), so any build gives it.
        assert_eq!(
            id("a").as_deref(),
            Some("dev.switchboard.app.daf63dc4c8601ec8c")
        );
        assert_ne!(id("/tmp/one"), id("/tmp/two"));
    }

    #[test]
    fn reads_the_data_folder_from_the_command_line() {
        assert_eq!(keep(&["switchboard"]), Ok(Keep::AppFolders));
        let here = Ok(Keep::In(PathBuf::from("/tmp/ws")));
        assert_eq!(keep(&["switchboard", "--data-dir", "/tmp/ws"]), here);
        assert_eq!(keep(&["switchboard", "x", "--data-dir=/tmp/ws", "y"]), here);
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(
            keep(&["switchboard", "--data-dir", "ws"]),
            Ok(Keep::In(cwd.join("ws")))
        );
        assert!(keep(&["switchboard", "--data-dir"]).is_err());
        assert!(keep(&["switchboard", "--data-dir="]).is_err());
        // Not ours: left alone.
        assert_eq!(
            keep(&["switchboard", "--data-directory"]),
            Ok(Keep::AppFolders)
        );
    }
}
