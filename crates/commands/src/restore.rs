//! Restoring a workspace at start: its windows open again, and each inbox's history is held
//! for its page as if just sent.

use switchboard_events::{Audience, WindowLabel};
use tauri::{AppHandle, Manager, Runtime};

use crate::{
    messages::Sequence,
    windows::{announce, WindowFactory},
    workspace::{Workspace, WorkspaceStore},
    AppError, Switchboard,
};

/// Opens the windows of `workspace` (main is open already) and holds each inbox's history for
/// its page, delivered when it is ready as if just sent; message numbers go on after the
/// highest. Returns the windows it opened.
pub fn restore<R: Runtime>(
    app: &AppHandle<R>,
    workspace: &Workspace,
) -> Result<Vec<WindowLabel>, AppError> {
    let factory = app.state::<WindowFactory<R>>();
    let mut opened = Vec::new();
    for label in &workspace.windows {
        match factory.reopen(app, *label) {
            Ok(()) => opened.push(*label),
            Err(e) => {
                log::warn!("{label} not restored: {e}");
                if let Some(store) = app.try_state::<WorkspaceStore>() {
                    store.closed(*label);
                }
            }
        }
    }
    app.state::<Sequence>().continue_after(workspace.last_seq());
    let outbox = app.state::<Switchboard>();
    for (label, messages) in &workspace.inboxes {
        if *label != WindowLabel::Main && !opened.contains(label) {
            continue;
        }
        for message in messages {
            outbox.send(app, &Audience::One { label: *label }, message)?;
        }
    }
    announce(app)?;
    Ok(opened)
}
