//! Numbering that cannot overflow: sequence numbers, ids of what pages start, counts. A page
//! can call as often as it likes, so no counter may wrap (a repeated id) or panic (debug builds
//! panic on overflow); once exhausted, a counter says so.

use std::sync::atomic::{AtomicU32, Ordering};

/// Takes the next number from `counter`: 1, 2, 3, ... up to `u32::MAX`, then `None` for ever.
pub fn take(counter: &AtomicU32) -> Option<u32> {
    counter
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_add(1))
        .ok()
        .map(|before| before + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_from_one_and_stops_at_the_top_instead_of_wrapping() {
        let counter = AtomicU32::new(0);
        assert_eq!((take(&counter), take(&counter)), (Some(1), Some(2)));
        let top = AtomicU32::new(u32::MAX - 1);
        assert_eq!(take(&top), Some(u32::MAX));
        assert_eq!(take(&top), None);
        assert_eq!(take(&top), None);
    }
}
