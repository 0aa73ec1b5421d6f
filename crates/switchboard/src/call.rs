//! [`Call`]: what an app's command knows about its invocation, injected by Tauri, for commands
//! that are traced and guarded like the plugin's own.
//!
//! A `Call` names the calling window (from the IPC message, so a page cannot forge it) by the
//! app's label type; a webview whose label is not one of the app's is refused before the
//! command runs (kind `forbidden`). [`Call::run`] (for a body that does not wait) and
//! [`Call::run_async`] (for one that awaits) run the whole command body: a panic in it becomes
//! the app's error made from [`Error::Internal`] instead of a promise that never settles
//! (docs/tauri-behaviour.md#command-panics), and the call is written to the trace with its
//! duration. It is invisible in TypeScript, like `State` or `Window`.

use std::{
    future::Future,
    panic::{catch_unwind, AssertUnwindSafe},
    task::Poll,
    time::Instant,
};

use tauri::{
    ipc::{CommandArg, CommandItem, InvokeError},
    AppHandle, Manager, Runtime,
};

use crate::{Error, Switchboard, Vocabulary};

/// The invocation of one command, by the app's vocabulary `V`.
pub struct Call<R: Runtime, V: Vocabulary> {
    /// The app.
    pub app: AppHandle<R>,
    /// The window whose page made the call.
    pub caller: V::Label,
    command: &'static str,
    started: Instant,
}

impl<R: Runtime, V: Vocabulary> Call<R, V> {
    /// Runs `body`, the whole of a command's work, records the call in the trace, and turns a
    /// panic into the app's error `E` made from [`Error::Internal`]. Commands stay `async fn` so
    /// that Tauri runs them on its thread pool, not the main thread
    /// (docs/tauri-behaviour.md#sync-commands).
    pub fn run<T, E>(self, body: impl FnOnce(&Self) -> Result<T, E>) -> Result<T, E>
    where
        E: From<Error<V::Label>>,
        for<'a> V::ErrorKind: From<&'a E>,
    {
        // State behind a lock that a panic poisoned is recovered by its owner (`lock.rs`), so
        // unwinding out of `body` leaves nothing unusable.
        let outcome =
            catch_unwind(AssertUnwindSafe(|| body(&self))).unwrap_or_else(|_| Err(self.panicked()));
        self.finish(outcome)
    }

    /// [`Call::run`] for a body that awaits: each poll of `body` is guarded, so a panic before
    /// or after an `.await` is an internal error too, and the trace gets the whole duration,
    /// waiting included.
    pub async fn run_async<T, E, F>(self, body: impl FnOnce(&Self) -> F) -> Result<T, E>
    where
        F: Future<Output = Result<T, E>>,
        E: From<Error<V::Label>>,
        for<'a> V::ErrorKind: From<&'a E>,
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

    fn panicked<E: From<Error<V::Label>>>(&self) -> E {
        E::from(unexpected(self.command))
    }

    fn finish<T, E>(&self, outcome: Result<T, E>) -> Result<T, E>
    where
        for<'a> V::ErrorKind: From<&'a E>,
    {
        if let Some(switchboard) = self.app.try_state::<Switchboard<V>>() {
            let error = outcome.as_ref().err().map(V::ErrorKind::from);
            switchboard
                .trace()
                .command(self.caller, self.command, self.started.elapsed(), error);
        }
        outcome
    }
}

/// What a command that panicked answers.
pub(crate) fn unexpected<L>(command: &str) -> Error<L> {
    Error::Internal(format!("command `{command}` failed unexpectedly"))
}

impl<'de, R: Runtime, V: Vocabulary> CommandArg<'de, R> for Call<R, V> {
    fn from_command(item: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let webview = item.message.webview();
        let caller = webview.label().parse::<V::Label>().map_err(|_| {
            let refused = Error::<V::Label>::NotAWindow(webview.label().to_owned());
            InvokeError::from(serde_json::to_value(&refused).unwrap_or_default())
        })?;
        Ok(Call {
            app: webview.app_handle().clone(),
            caller,
            command: item.name,
            started: Instant::now(),
        })
    }
}

impl<R: Runtime, V: Vocabulary> specta::function::FunctionArg for Call<R, V> {
    fn to_datatype(_: &mut specta::Types) -> Option<specta::datatype::DataType> {
        None
    }
}
