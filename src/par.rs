//! Small helpers to spread independent work over the machine's cores with scoped threads,
//! keeping results in input order (so every output is the same as a sequential run).

/// The number of cores this process may use, asked once (the answer reads the CPU affinity and
/// the cgroup quota, several system calls).
pub(crate) fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES
        .get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
}

/// Run `a` on a second thread and `b` on this one; a panic in `a` is re-raised here.
pub(crate) fn both<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|scope| {
        let handle = scope.spawn(a);
        let b = b();
        match handle.join() {
            Ok(a) => (a, b),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// `items.iter().map(f).collect()`, spread over the machine's cores when there are enough items to
/// be worth a thread. Workers take the next item from a shared counter, so one slow item (a long,
/// heavily rewritten paragraph) does not hold up a whole chunk; the results keep the order of
/// `items`.
///
/// `min_per_thread` is the number of items below which another thread is not worth starting
/// (starting one costs tens of microseconds).
pub(crate) fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    min_per_thread: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = cores().min(items.len() / min_per_thread.max(1)).max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, R)> = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut parts = vec![work()];
        for h in handles {
            match h.join() {
                Ok(part) => parts.push(part),
                // A panic in a worker is a bug; re-raise it here rather than lose rows.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (i, r) in parts.into_iter().flatten() {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(r);
            }
        }
    });
    // Every index below `items.len()` was taken by exactly one worker.
    slots.into_iter().flatten().collect()
}
