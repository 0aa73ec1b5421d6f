//! Tables of what a window has started and is still running (an app's jobs, its delayed
//! replies): at most a bound per window, numbered without wrapping, and ended all at once when
//! the window's page reloads or closes.

use std::{
    collections::HashMap,
    sync::{atomic::AtomicU32, Mutex, MutexGuard},
};

use crate::{ids, lock::lock, Error, Label};

/// Entries of type `T`, by id, each with the window that started it.
#[derive(Debug)]
pub struct Owned<L, T> {
    next: AtomicU32,
    entries: Mutex<HashMap<u32, (L, T)>>,
}

impl<L, T> Default for Owned<L, T> {
    fn default() -> Self {
        Owned {
            next: AtomicU32::new(0),
            entries: Mutex::default(),
        }
    }
}

impl<L: Label, T> Owned<L, T> {
    fn lock(&self) -> MutexGuard<'_, HashMap<u32, (L, T)>> {
        lock(&self.entries)
    }

    /// Adds what `make` builds under a new id, if `allow` accepts the number `owner` would
    /// then have (it returns the app's error naming its limit otherwise). The table's lock is
    /// held while `allow` and `make` run, so a task `make` starts that ends at once finds its
    /// entry there to remove; neither may use this table itself (that would wait for ever).
    pub fn add<E: From<Error<L>>>(
        &self,
        owner: L,
        allow: impl FnOnce(usize) -> Result<(), E>,
        make: impl FnOnce(u32) -> T,
    ) -> Result<u32, E> {
        let mut entries = self.lock();
        let mine = entries.values().filter(|(who, _)| *who == owner).count();
        allow(mine + 1)?;
        let id = ids::take(&self.next).ok_or_else(|| Error::Internal("ids are used up".into()))?;
        entries.insert(id, (owner, make(id)));
        Ok(id)
    }

    /// Removes entry `id`; nothing happens if it has gone already.
    pub fn remove(&self, id: u32) {
        self.lock().remove(&id);
    }

    /// Runs `act` on entry `id` and its owner, if it is there.
    pub fn with<R>(&self, id: u32, act: impl FnOnce(Option<&(L, T)>) -> R) -> R {
        act(self.lock().get(&id))
    }

    /// Removes every entry of `owner`, after `end` has run on each.
    pub fn end_all_of(&self, owner: L, end: impl Fn(&T)) {
        self.lock().retain(|_, (who, entry)| {
            let theirs = *who == owner;
            if theirs {
                end(entry);
            }
            !theirs
        });
    }

    /// How many entries there are, for every window.
    pub fn count(&self) -> usize {
        self.lock().len()
    }

    /// How many entries `owner` has.
    pub fn count_of(&self, owner: L) -> usize {
        self.lock()
            .values()
            .filter(|(who, _)| *who == owner)
            .count()
    }
}
