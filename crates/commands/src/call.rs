//! [`Call`]: what every command knows about its invocation, injected by Tauri.
//!
//! A `Call` names the calling window (from the IPC message, so a page cannot forge it).
//! [`Call::run`] (for a body that does not wait) and [`Call::run_async`] (for one that awaits)
//! run the whole command body: a panic in it becomes [`AppError::Internal`] instead of a
//! promise that never settles (docs/tauri-behaviour.md#command-panics), and the call is written
//! to the trace with its duration. It is invisible in TypeScript, like `State` or `Window`.

use std::{
    future::Future,
    panic::{catch_unwind, AssertUnwindSafe},
    task::Poll,
    time::Instant,
};

use switchboard_events::WindowLabel;
use tauri::{
    ipc::{CommandArg, CommandItem, InvokeError},
    AppHandle, Manager, Runtime,
};

use crate::{AppError, Switchboard};

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
    /// Runs `body`, the whole of a command's work, records the call in the trace, and turns a
    /// panic into [`AppError::Internal`]. Commands stay `async fn` so that Tauri runs them on
    /// its thread pool, not the main thread (docs/tauri-behaviour.md#sync-commands).
    pub fn run<T>(self, body: impl FnOnce(&Self) -> Result<T, AppError>) -> Result<T, AppError> {
        // State behind a lock that a panic poisoned is recovered by its owner (`unwrap_or_else
        // (into_inner)`), so unwinding out of `body` leaves nothing unusable.
        let outcome =
            catch_unwind(AssertUnwindSafe(|| body(&self))).unwrap_or_else(|_| Err(self.panicked()));
        self.finish(outcome)
    }

    /// [`Call::run`] for a body that awaits: each poll of `body` is guarded, so a panic before
    /// or after an `.await` is an [`AppError::Internal`] too, and the trace gets the whole
    /// duration, waiting included.
    pub async fn run_async<T, F>(self, body: impl FnOnce(&Self) -> F) -> Result<T, AppError>
    where
        F: Future<Output = Result<T, AppError>>,
    {
        let outcome = match catch_unwind(AssertUnwindSafe(|| body(&self))) {
            Err(_) => Err(self.panicked()),
            Ok(future) => {
                let mut future = std::pin::pin!(future);
                std::future::poll_fn(|cx| {
                    catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx)))
                        .unwrap_or_else(|_| Poll::Ready(Err(self.panicked())))
                })
                .await
            }
        };
        self.finish(outcome)
    }

    fn panicked(&self) -> AppError {
        AppError::internal(format!("command `{}` failed unexpectedly", self.command))
    }

    fn finish<T>(&self, outcome: Result<T, AppError>) -> Result<T, AppError> {
        if let Some(switchboard) = self.app.try_state::<Switchboard>() {
            let error = outcome.as_ref().err().map(AppError::kind);
            switchboard
                .trace()
                .command(self.caller, self.command, self.started.elapsed(), error);
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
