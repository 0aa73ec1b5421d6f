//! The shared counter: `State<T>` managed at start, seen live by every window.

use std::sync::Mutex;

use switchboard_events::CounterChanged;
use tauri::{Runtime, State};

use tauri_plugin_switchboard::lock::lock;

use crate::{AppError, Call, Switchboard};

/// The counter, managed as Tauri state.
#[derive(Debug, Default)]
pub struct Counter(Mutex<i32>);

impl Counter {
    /// The current value.
    pub fn get(&self) -> i32 {
        *lock(&self.0)
    }

    /// Adds `delta`, refusing to overflow. Returns the new value.
    pub fn add(&self, delta: i32) -> Result<i32, AppError> {
        let mut value = lock(&self.0);
        *value = value
            .checked_add(delta)
            .ok_or_else(|| AppError::invalid(format!("adding {delta} to {value} overflows")))?;
        Ok(*value)
    }
}

/// The counter's value.
#[tauri::command]
#[specta::specta]
pub async fn counter_get<R: Runtime>(
    call: Call<R>,
    counter: State<'_, Counter>,
) -> Result<i32, AppError> {
    call.run(|_| Ok(counter.get()))
}

/// Adds `delta` to the counter and tells every window the new value.
#[tauri::command]
#[specta::specta]
pub async fn counter_add<R: Runtime>(
    call: Call<R>,
    counter: State<'_, Counter>,
    outbox: State<'_, Switchboard>,
    delta: i32,
) -> Result<i32, AppError> {
    call.run(|call| {
        let value = counter.add(delta)?;
        outbox.broadcast(
            &call.app,
            &CounterChanged {
                value,
                by: call.caller,
            },
        )?;
        Ok(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_and_refuses_overflow() {
        let c = Counter::default();
        assert_eq!(c.add(5).unwrap(), 5);
        assert_eq!(c.add(-7).unwrap(), -2);
        c.add(i32::MAX).unwrap();
        assert_eq!(c.add(3).unwrap_err().kind(), "invalid_input");
        assert_eq!(c.get(), i32::MAX - 2);
    }
}
