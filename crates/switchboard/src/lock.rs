//! Locking the engine's shared tables.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, also after a panic in another holder. A poisoned lock only says that some
/// call panicked while holding it; every table here is changed by steps that each leave it
/// whole (a push, an insert, a remove), so what that call left is still sound, and refusing
/// every later call would turn one bug into an app that no longer answers.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
