//! Small helpers to spread independent work over the machine's cores, keeping results in input
//! order (so every output is the same as a sequential run). The work runs on this thread and on
//! helper threads kept for the life of the process ([`pool`]), each placed on another core when
//! it is handed work ([`placement`]).

/// The number of cores this process may use, asked once (the answer reads the CPU affinity and
/// the cgroup quota, several system calls).
pub(crate) fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES
        .get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
}

/// Run `a` on a second thread and `b` on this one; a panic in `a` is re-raised here.
pub(crate) fn both<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    beside(a, b, 1)
}

/// Set by a helper when its job is done; the caller waits for it.
#[derive(Default)]
struct Latch {
    done: std::sync::Mutex<bool>,
    cond: std::sync::Condvar,
}

impl Latch {
    fn set(&self) {
        let mut done = self
            .done
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *done = true;
        self.cond.notify_all();
    }

    fn wait(&self) {
        let mut done = self
            .done
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while !*done {
            done = self
                .cond
                .wait(done)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }
}

/// Waits for a latch when dropped, so that a panic on the calling thread cannot unwind past data
/// a helper is still using.
struct WaitOnDrop(std::sync::Arc<Latch>);

impl Drop for WaitOnDrop {
    fn drop(&mut self) {
        self.0.wait();
    }
}

/// Run `helper` on a helper thread of [`pool`], placed on another core (the `nth` after this
/// thread's one, see [`placement`]), while `here` runs on this thread; both results are
/// returned. A panic in `helper` is re-raised here. When no helper thread can be had, `helper`
/// runs here after `here`.
fn beside<A: Send, B>(
    helper: impl FnOnce() -> A + Send,
    here: impl FnOnce() -> B,
    nth: usize,
) -> (A, B) {
    let Some(worker) = pool::take() else {
        let b = here();
        return (helper(), b);
    };
    placement::Placement::for_helper(nth).apply(&worker);
    let result: std::sync::Mutex<Option<std::thread::Result<A>>> = std::sync::Mutex::new(None);
    let job = || {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(helper));
        *result
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(r);
    };
    let job: Box<dyn FnOnce() + Send + '_> = Box::new(job);
    // SAFETY: the job borrows `result` and what `helper` borrows, all of which outlive this call:
    // `wait` below (or its `Drop`, when `here` unwinds) blocks until the helper has run the job
    // and set the latch, after which the helper never touches the job or its borrows again.
    let job: pool::Job = unsafe { std::mem::transmute(job) };
    let latch = std::sync::Arc::new(Latch::default());
    let wait = WaitOnDrop(latch.clone());
    worker.run(job, latch);
    let b = here();
    drop(wait);
    let a = match result
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        Some(Ok(a)) => a,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        None => unreachable!("the latch is set after the result is stored"),
    };
    (a, b)
}

/// The helper threads of this process, kept between parallel runs: a helper waiting for work on
/// its core wakes in 40–100 µs, where a new thread (placed on another core) starts only after
/// 160–250 µs, on the project's machine kind; a compare runs four parallel steps (reading and
/// parsing, matching texts, word diffs, classification).
mod pool {
    use std::sync::{Arc, Condvar, Mutex, PoisonError};

    /// A job for a helper, its borrows erased (see `beside`).
    pub(super) type Job = Box<dyn FnOnce() + Send + 'static>;

    /// One helper thread and its mailbox.
    pub(super) struct Worker {
        mailbox: Mutex<Option<(Job, Arc<super::Latch>)>>,
        cond: Condvar,
        #[cfg(target_os = "linux")]
        pub(super) pthread: libc::pthread_t,
    }

    /// Helpers waiting for work.
    static IDLE: Mutex<Vec<Arc<Worker>>> = Mutex::new(Vec::new());

    impl Worker {
        /// Hand `job` over; `latch` is set once it has run.
        pub(super) fn run(&self, job: Job, latch: Arc<super::Latch>) {
            let mut mailbox = self.mailbox.lock().unwrap_or_else(PoisonError::into_inner);
            *mailbox = Some((job, latch));
            self.cond.notify_one();
        }

        fn next(&self) -> (Job, Arc<super::Latch>) {
            let mut mailbox = self.mailbox.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if let Some(work) = mailbox.take() {
                    return work;
                }
                mailbox = self
                    .cond
                    .wait(mailbox)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        }
    }

    /// An idle helper, or a new one; `None` when no thread can be started.
    pub(super) fn take() -> Option<Arc<Worker>> {
        if let Some(w) = IDLE.lock().unwrap_or_else(PoisonError::into_inner).pop() {
            return Some(w);
        }
        let (tx, rx) = std::sync::mpsc::channel::<Arc<Worker>>();
        let handle = std::thread::Builder::new()
            .name("resdiff-helper".into())
            .spawn(move || {
                let Ok(me) = rx.recv() else { return };
                loop {
                    let (job, latch) = me.next();
                    // The job catches its own panics.
                    job();
                    // Back in the idle list before the caller may ask again.
                    IDLE.lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(me.clone());
                    latch.set();
                }
            })
            .ok()?;
        let worker = Arc::new(Worker {
            mailbox: Mutex::new(None),
            cond: Condvar::new(),
            #[cfg(target_os = "linux")]
            pthread: {
                use std::os::unix::thread::JoinHandleExt;
                handle.as_pthread_t()
            },
        });
        // The thread lives as long as the process; its handle is not needed to end it.
        drop(handle);
        tx.send(worker.clone()).ok()?;
        Some(worker)
    }
}

/// Where a helper thread runs. On the project's machine kind (a 2-core virtual machine) the
/// kernel often queues a new or woken thread on the core of the thread that started it and
/// leaves it there, behind the busy caller, for up to 3 ms (a scheduler tick), while the other
/// core idles: measured, a thread asked to start while its parent computed for 3 ms began after
/// 1.4–3.0 ms in 5 runs of 8. So each time a helper is handed work it is pinned to another
/// allowed core than the caller's (a new thread then starts after 60–250 µs, a waiting one wakes
/// after 40–100 µs). Pinning is a hint: a failed call leaves the placement to the kernel, which
/// changes only the timing, never a result.
mod placement {
    #[cfg(target_os = "linux")]
    pub(super) struct Placement {
        /// This thread's allowed cores, which the helper gets back.
        allowed: libc::cpu_set_t,
        /// The one core the helper starts on, when there is another allowed core.
        target: Option<libc::cpu_set_t>,
    }

    #[cfg(target_os = "linux")]
    impl Placement {
        /// The core `nth` places after this thread's own among the allowed ones.
        pub(super) fn for_helper(nth: usize) -> Self {
            let size = std::mem::size_of::<libc::cpu_set_t>();
            // SAFETY: an all-zero `cpu_set_t` is the empty set; the calls below only write into
            // the sets they are given, of the size they are told.
            let mut allowed: libc::cpu_set_t = unsafe { std::mem::zeroed() };
            let (got, here) = unsafe {
                (
                    libc::sched_getaffinity(0, size, &mut allowed),
                    libc::sched_getcpu(),
                )
            };
            let target = (got == 0 && here >= 0)
                .then(|| {
                    let cpus: Vec<usize> = (0..libc::CPU_SETSIZE as usize)
                        // SAFETY: `cpu` is below CPU_SETSIZE, the size of the set.
                        .filter(|&cpu| unsafe { libc::CPU_ISSET(cpu, &allowed) })
                        .collect();
                    let pos = cpus.iter().position(|&c| c == here as usize)?;
                    let cpu = *cpus.get((pos + nth) % cpus.len())?;
                    (cpu != here as usize).then(|| {
                        // SAFETY: as above.
                        let mut one: libc::cpu_set_t = unsafe { std::mem::zeroed() };
                        unsafe { libc::CPU_SET(cpu, &mut one) };
                        one
                    })
                })
                .flatten();
            Self { allowed, target }
        }

        /// Pin the helper to the target core, or give it back every allowed core.
        pub(super) fn apply(&self, worker: &super::pool::Worker) {
            let set = self.target.as_ref().unwrap_or(&self.allowed);
            // SAFETY: helper threads never end, so the thread is alive; the set is initialised
            // and of the size given. A failure only leaves the placement alone.
            unsafe {
                libc::pthread_setaffinity_np(
                    worker.pthread,
                    std::mem::size_of::<libc::cpu_set_t>(),
                    set,
                )
            };
        }
    }

    /// Elsewhere the kernel places the thread.
    #[cfg(not(target_os = "linux"))]
    pub(super) struct Placement;

    #[cfg(not(target_os = "linux"))]
    impl Placement {
        pub(super) fn for_helper(_nth: usize) -> Self {
            Self
        }
        pub(super) fn apply(&self, _worker: &super::pool::Worker) {}
    }
}

/// `items.iter().map(f).collect()`, spread over the machine's cores when there are enough items to
/// be worth a thread. Workers take the next item from a shared counter, so one slow item (a long,
/// heavily rewritten paragraph) does not hold up a whole chunk; the results keep the order of
/// `items`.
///
/// `min_per_thread` is the number of items below which another thread is not worth using (a
/// waiting helper takes 40–100 µs to wake, see [`pool`]).
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
    for (i, r) in run_on(threads, 1, &work).into_iter().flatten() {
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(r);
        }
    }
    // Every index below `items.len()` was taken by exactly one worker.
    slots.into_iter().flatten().collect()
}

/// [`map_in_order`] taking the items in decreasing order of `cost` (ties in input order), so
/// that the longest one starts first, on this thread, and the others fill the time beside it;
/// the results keep the order of `items`.
pub(crate) fn map_heaviest_first<T: Sync, R: Send>(
    items: &[T],
    min_per_thread: usize,
    cost: impl Fn(&T) -> usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(items.get(i).map_or(0, &cost)));
    let results = map_in_order(&order, min_per_thread, |&i| items.get(i).map(&f));
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (&i, r) in order.iter().zip(results) {
        if let Some(slot) = slots.get_mut(i) {
            *slot = r;
        }
    }
    slots.into_iter().flatten().collect()
}

/// `work` run by `threads` threads: this one and `threads - 1` helpers, the `k`-th placed `k`
/// cores after this one (`nth` counts from the first). Results in no particular order.
fn run_on<R: Send>(threads: usize, nth: usize, work: &(impl Fn() -> R + Sync)) -> Vec<R> {
    if threads <= 1 {
        return vec![work()];
    }
    let (first, mut rest) = beside(work, || run_on(threads - 1, nth + 1, work), nth);
    rest.push(first);
    rest
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        let calls = AtomicUsize::new(0);
        let out = map_in_order(&items, 1, |&i| {
            calls.fetch_add(1, Ordering::Relaxed);
            i * 2
        });
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(calls.load(Ordering::Relaxed), 1000);
    }

    #[test]
    fn heaviest_first_runs_each_item_once_and_keeps_the_order() {
        let items: Vec<usize> = (0..200).map(|i| (i * 7919) % 200).collect();
        let calls = AtomicUsize::new(0);
        let out = map_heaviest_first(
            &items,
            1,
            |&i| i,
            |&i| {
                calls.fetch_add(1, Ordering::Relaxed);
                i + 1
            },
        );
        assert_eq!(out, items.iter().map(|i| i + 1).collect::<Vec<_>>());
        assert_eq!(calls.load(Ordering::Relaxed), items.len());
    }

    #[test]
    fn more_threads_than_cores_still_run_everything() {
        let seen = AtomicUsize::new(0);
        let parts = run_on(5, 1, &|| seen.fetch_add(1, Ordering::Relaxed));
        assert_eq!(parts.len(), 5);
        let mut got = parts.clone();
        got.sort_unstable();
        assert_eq!(got, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_panic_in_the_helper_reaches_the_caller() {
        let r = std::panic::catch_unwind(|| both(|| -> usize { panic!("helper") }, || 1));
        assert!(r.is_err());
    }

    #[test]
    fn a_panic_here_waits_for_the_helper_before_unwinding() {
        // The helper writes to data borrowed from this frame after the caller has panicked:
        // the caller may only unwind past the borrow once the helper is done.
        let done = AtomicBool::new(false);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            both(
                || {
                    std::thread::sleep(std::time::Duration::from_millis(30));
                    done.store(true, Ordering::SeqCst);
                },
                || -> () { panic!("here") },
            )
        }));
        assert!(r.is_err());
        assert!(done.load(Ordering::SeqCst));
    }
}
