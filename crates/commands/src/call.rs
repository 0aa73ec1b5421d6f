//! [`Call`]: what every command knows about its invocation, injected by Tauri.
//!
//! A `Call` names the calling window (from the IPC message, so a page cannot forge it), and
//! [`Call::run`] runs the command body on its own task so that a panic becomes
//! [`AppError::Internal`] instead of a promise that never settles (FACTS.md, 10). It also
//! writes the call to the trace. It is invisible in TypeScript, like `State` or `Window`.

use std::{future::Future, time::Instant};

use switchboard_events::WindowLabel;
use tauri::{
    ipc::{CommandArg, CommandItem, InvokeError},
    AppHandle, Manager, Runtime,
};

use crate::{trace::Trace, AppError};

/// The invocation of one command.
pub struct Call<R: Runtime> {
    /// The app.
    pub app: AppHandle<R>,
    /// The window whose page made the call.
    pub caller: WindowLabel,
    command: &'static str,
    started: Instant,
}

impl<R: Runtime> Call<R> {
    /// Runs `body` on its own task, records the call in the trace, and turns a panic into
    /// [`AppError::Internal`].
    pub async fn run<T, F>(self, body: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: Future<Output = Result<T, AppError>> + Send + 'static,
    {
        let outcome = match tauri::async_runtime::spawn(body).await {
            Ok(result) => result,
            Err(join) => {
                eprintln!("switchboard: command `{}` panicked: {join}", self.command);
                Err(AppError::internal(format!(
                    "command `{}` failed unexpectedly",
                    self.command
                )))
            }
        };
        if let Some(trace) = self.app.try_state::<Trace>() {
            let error = outcome.as_ref().err().map(AppError::kind);
            trace.command(self.caller, self.command, self.started.elapsed(), error);
        }
        outcome
    }
}

impl<'de, R: Runtime> CommandArg<'de, R> for Call<R> {
    fn from_command(item: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let webview = item.message.webview();
        let caller = webview.label().parse::<WindowLabel>().map_err(|e| {
            InvokeError::from(serde_json::json!(AppError::forbidden(e.to_string())))
        })?;
        Ok(Call {
            app: webview.app_handle().clone(),
            caller,
            command: item.name,
            started: Instant::now(),
        })
    }
}

impl<R: Runtime> specta::function::FunctionArg for Call<R> {
    fn to_datatype(_: &mut specta::Types) -> Option<specta::datatype::DataType> {
        None
    }
}
