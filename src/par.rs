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

/// Start a helper thread now, on another core, for the parallel steps to come: its start-up
/// (60–250 µs on the project's machine kind, see [`pool`]) then overlaps what this thread does
/// first instead of delaying the first step that hands it work. The helper runs `warm` first,
/// then waits for that job spinning for up to [`SPIN`], then sleeping. Does nothing on one core
/// or when a helper is idle already.
pub(crate) fn prepare(warm: fn()) {
    if cores() >= 2 {
        pool::prepare(&placement::Placement::for_helper(1), warm);
    }
}

/// How long a thread that would wait spins first ([`spin_until`]).
const SPIN: std::time::Duration = std::time::Duration::from_micros(500);

/// Spins until `ready` holds, for at most [`SPIN`]; whether it held. Every wait here spins
/// before it sleeps: on the project's machine kind (a 2-core virtual machine) a sleeping thread
/// runs again only 40–100 µs after it is signalled (its virtual core is halted), a spinning one
/// at once, and a compare hands work back and forth a dozen times within a few milliseconds.
/// The condition is only a hint that the state changed: every caller then checks the state
/// itself under its lock, so spinning changes the timing, never a result.
fn spin_until(ready: impl Fn() -> bool) -> bool {
    let start = std::time::Instant::now();
    loop {
        for _ in 0..64 {
            if ready() {
                return true;
            }
            std::hint::spin_loop();
        }
        if start.elapsed() > SPIN {
            return ready();
        }
    }
}

/// Set by a helper when its job is done; the caller waits for it.
#[derive(Default)]
struct Latch {
    done: std::sync::Mutex<bool>,
    cond: std::sync::Condvar,
    /// `done`, readable without the lock (for [`spin_until`]).
    set: std::sync::atomic::AtomicBool,
}

impl Latch {
    fn set(&self) {
        let mut done = self
            .done
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *done = true;
        self.set.store(true, std::sync::atomic::Ordering::Release);
        self.cond.notify_all();
    }

    fn wait(&self) {
        spin_until(|| self.set.load(std::sync::atomic::Ordering::Acquire));
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

/// The helper threads of this process, kept between parallel runs: a helper sleeping on its core
/// wakes in 40–100 µs, where a new thread (placed on another core) starts only after 160–250 µs,
/// on the project's machine kind, and one that has just finished a job spins for up to [`SPIN`]
/// before it sleeps, so that the next job of a compare (which runs four parallel steps: reading
/// and parsing, matching texts, word diffs, classification) starts at once.
mod pool {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Condvar, Mutex, PoisonError};

    /// A job for a helper, its borrows erased (see `beside`).
    pub(super) type Job = Box<dyn FnOnce() + Send + 'static>;

    /// One helper thread and its mailbox.
    pub(super) struct Worker {
        mailbox: Mutex<Option<(Job, Arc<super::Latch>)>>,
        cond: Condvar,
        /// The mailbox holds a job (a hint readable without the lock, for `spin_until`).
        posted: AtomicBool,
        /// The thread was placed on another core before it started, so it may spin while it
        /// waits for its first job too (see `Worker::next`).
        pub(super) placed: bool,
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
            self.posted.store(true, Ordering::Release);
            self.cond.notify_one();
        }

        /// The next job; `spin`: spin before sleeping (not on the first call of a thread that
        /// was not placed before it started: it may still share the core of its starter, see
        /// `placement`).
        fn next(&self, spin: bool) -> (Job, Arc<super::Latch>) {
            if spin {
                super::spin_until(|| self.posted.load(Ordering::Acquire));
            }
            let mut mailbox = self.mailbox.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if let Some(work) = mailbox.take() {
                    self.posted.store(false, Ordering::Relaxed);
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
        start(None, None)
    }

    /// Start a helper ahead of its first job, placed by `place` before it runs and running
    /// `warm` first, and put it in the idle list; does nothing when a helper is idle already.
    pub(super) fn prepare(place: &super::placement::Placement, warm: fn()) {
        // One lock for the check and the push: two callers cannot both start a helper. (A new
        // helper only takes this lock after its first job.)
        let mut idle = IDLE.lock().unwrap_or_else(PoisonError::into_inner);
        if idle.is_empty()
            && let Some(w) = start(Some(place), Some(warm))
        {
            idle.push(w);
        }
    }

    /// A new helper thread, placed by `place` (if given) before it runs, which runs `warm` (if
    /// given) before it waits for its first job.
    pub(super) fn start(
        place: Option<&super::placement::Placement>,
        warm: Option<fn()>,
    ) -> Option<Arc<Worker>> {
        let (tx, rx) = std::sync::mpsc::channel::<Arc<Worker>>();
        let handle = std::thread::Builder::new()
            .name("resdiff-helper".into())
            .spawn(move || {
                let Ok(me) = rx.recv() else { return };
                if let Some(warm) = warm {
                    warm();
                }
                let mut first = !me.placed;
                loop {
                    let (job, latch) = me.next(!first);
                    first = false;
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
            posted: AtomicBool::new(false),
            placed: place.is_some_and(super::placement::Placement::elsewhere),
            #[cfg(target_os = "linux")]
            pthread: {
                use std::os::unix::thread::JoinHandleExt;
                handle.as_pthread_t()
            },
        });
        // The thread lives as long as the process; its handle is not needed to end it.
        drop(handle);
        if let Some(place) = place {
            place.apply(&worker);
        }
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

        /// Whether the helper goes to another core than this thread's.
        pub(super) fn elsewhere(&self) -> bool {
            self.target.is_some()
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
        pub(super) fn elsewhere(&self) -> bool {
            false
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

/// A list of jobs worked off by this thread and one helper, which may start on guessed jobs
/// before the caller knows which ones it needs.
///
/// The helper runs [`Board::serve`] (see [`both`]) from the moment the inputs exist: it takes
/// the jobs of [`Board::guess`] in order. When the caller knows what it needs,
/// [`Board::gather`] drops the guessed jobs nobody started, queues the needed ones not done
/// yet, works on them beside the helper and returns every needed result, in the order asked.
/// A job is a pure function of its key, so a result does not depend on who ran it or when; a
/// guess only decides what runs early. [`Board::close`] (also on drop of [`Board::closer`]'s
/// guard) lets the helper return.
pub(crate) struct Board<K, V, F> {
    job: F,
    state: std::sync::Mutex<BoardState<K, V>>,
    cond: std::sync::Condvar,
    /// Counts the changes of `state` (each made under its lock, before `cond` is notified), so
    /// that a thread can spin until the state changes before it sleeps.
    changes: std::sync::atomic::AtomicUsize,
}

struct BoardState<K, V> {
    /// Jobs not started, in the order to start them.
    queue: std::collections::VecDeque<K>,
    /// Jobs started and not finished.
    running: Vec<K>,
    /// Results not collected yet.
    done: crate::fxhash::FxMap<K, V>,
    /// [`Board::gather`] has posted the needed jobs: later guesses are ignored.
    fixed: bool,
    /// [`Board::serve`] returns.
    closed: bool,
}

/// Closes its board when dropped, also when the caller unwinds (so that the helper, and the
/// caller waiting for it, cannot wait forever).
pub(crate) struct CloseOnDrop<'b, K: Copy + Eq + std::hash::Hash, V, F: Fn(K) -> V>(
    &'b Board<K, V, F>,
);

impl<K: Copy + Eq + std::hash::Hash, V, F: Fn(K) -> V> Drop for CloseOnDrop<'_, K, V, F> {
    fn drop(&mut self) {
        self.0.close();
    }
}

impl<K: Copy + Eq + std::hash::Hash, V, F: Fn(K) -> V> Board<K, V, F> {
    /// A board whose jobs are `job(key)`.
    pub(crate) fn new(job: F) -> Self {
        Self {
            job,
            state: std::sync::Mutex::new(BoardState {
                queue: std::collections::VecDeque::new(),
                running: Vec::new(),
                done: crate::fxhash::FxMap::default(),
                fixed: false,
                closed: false,
            }),
            cond: std::sync::Condvar::new(),
            changes: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BoardState<K, V>> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Record a change of the state (the lock is held) and wake the threads waiting for one.
    fn changed(&self, st: std::sync::MutexGuard<'_, BoardState<K, V>>) {
        self.changes
            .fetch_add(1, std::sync::atomic::Ordering::Release);
        drop(st);
        self.cond.notify_all();
    }

    /// Wait for the next change of the state: spin first, then sleep (see [`spin_until`]).
    /// Returns with the lock held; the caller checks the state again.
    fn wait<'s>(
        &'s self,
        st: std::sync::MutexGuard<'s, BoardState<K, V>>,
    ) -> std::sync::MutexGuard<'s, BoardState<K, V>> {
        use std::sync::atomic::Ordering;
        let seen = self.changes.load(Ordering::Acquire);
        drop(st);
        let changed = spin_until(|| self.changes.load(Ordering::Acquire) != seen);
        let st = self.lock();
        // Every change is counted under the lock: an unchanged count here means the state is
        // as it was, and the next change will notify after this thread sleeps.
        if changed || self.changes.load(Ordering::Acquire) != seen {
            return st;
        }
        self.cond
            .wait(st)
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Queue guessed jobs, in the order to run them, unless the needed ones are already known.
    pub(crate) fn guess(&self, keys: impl IntoIterator<Item = K>) {
        let mut st = self.lock();
        if st.fixed || st.closed {
            return;
        }
        st.queue.extend(keys);
        self.changed(st);
    }

    /// Take the next queued job that is neither done nor running, marking it as running.
    fn take(st: &mut BoardState<K, V>) -> Option<K> {
        while let Some(key) = st.queue.pop_front() {
            if !st.done.contains_key(&key) && !st.running.contains(&key) {
                st.running.push(key);
                return Some(key);
            }
        }
        None
    }

    /// Store a finished job's result (`None`: the job panicked on the helper).
    fn finish(&self, key: K, value: Option<V>) {
        let mut st = self.lock();
        if let Some(i) = st.running.iter().position(|k| *k == key) {
            st.running.swap_remove(i);
        }
        if let Some(v) = value {
            st.done.insert(key, v);
        }
        self.changed(st);
    }

    /// The helper's part: run queued jobs until the board is closed.
    pub(crate) fn serve(&self) {
        loop {
            let key = {
                let mut st = self.lock();
                loop {
                    if st.closed {
                        return;
                    }
                    if let Some(k) = Self::take(&mut st) {
                        break k;
                    }
                    st = self.wait(st);
                }
            };
            // A panic is not the helper's to report: the caller runs that job again and
            // meets it there.
            let value =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (self.job)(key))).ok();
            self.finish(key, value);
        }
    }

    /// The results of the jobs `keys`, in that order: done ones are taken, the others are
    /// queued in that order (guessed jobs not started are dropped) and run here and on the
    /// helper; then this waits for the helper's. A job the helper could not finish runs here.
    pub(crate) fn gather(&self, keys: &[K]) -> Vec<V> {
        {
            let mut st = self.lock();
            st.fixed = true;
            let queue = keys
                .iter()
                .filter(|k| !st.done.contains_key(k) && !st.running.contains(k))
                .copied()
                .collect();
            st.queue = queue;
            self.changed(st);
        }
        loop {
            let Some(key) = Self::take(&mut self.lock()) else {
                break;
            };
            let value = (self.job)(key);
            self.finish(key, Some(value));
        }
        let mut st = self.lock();
        while keys.iter().any(|k| st.running.contains(k)) {
            st = self.wait(st);
        }
        let found: Vec<Option<V>> = keys.iter().map(|k| st.done.remove(k)).collect();
        drop(st);
        found
            .into_iter()
            .zip(keys)
            .map(|(v, &k)| v.unwrap_or_else(|| (self.job)(k)))
            .collect()
    }

    /// Let [`Board::serve`] return once its current job is done.
    pub(crate) fn close(&self) {
        let mut st = self.lock();
        st.closed = true;
        self.changed(st);
    }

    /// A guard that closes the board when dropped.
    pub(crate) fn closer(&self) -> CloseOnDrop<'_, K, V, F> {
        CloseOnDrop(self)
    }
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

    /// Which key ran on which thread.
    type RunLog = std::sync::Arc<std::sync::Mutex<Vec<(usize, std::thread::ThreadId)>>>;

    /// A board whose job squares its key, logging the runs of each key and on which thread.
    fn counting_board() -> (Board<usize, usize, impl Fn(usize) -> usize + Sync>, RunLog) {
        let runs = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = runs.clone();
        let board = Board::new(move |k: usize| {
            if let Ok(mut l) = log.lock() {
                l.push((k, std::thread::current().id()));
            }
            k * k
        });
        (board, runs)
    }

    #[test]
    fn a_board_returns_every_needed_result_once_in_the_order_asked() {
        let (board, runs) = counting_board();
        let needed: Vec<usize> = vec![7, 3, 11, 5, 100, 2];
        let ((), got) = both(
            || {
                // Guesses: some needed, some not (40, 41), one needed twice over.
                board.guess([3, 40, 7, 41, 7]);
                board.serve();
            },
            || {
                let _close = board.closer();
                let got = board.gather(&needed);
                // Guesses after the needed list is known are ignored.
                board.guess([99]);
                got
            },
        );
        assert_eq!(got, needed.iter().map(|k| k * k).collect::<Vec<_>>());
        let runs = runs.lock().map(|r| r.clone()).unwrap_or_default();
        for k in &needed {
            assert_eq!(
                runs.iter().filter(|r| r.0 == *k).count(),
                1,
                "{k}: {runs:?}"
            );
        }
        assert!(runs.iter().all(|r| r.0 != 99), "{runs:?}");
    }

    #[test]
    fn a_board_without_a_helper_runs_everything_here() {
        let (board, runs) = counting_board();
        board.guess([1, 2]);
        assert_eq!(board.gather(&[2, 4]), vec![4, 16]);
        board.close();
        let here = std::thread::current().id();
        let runs = runs.lock().map(|r| r.clone()).unwrap_or_default();
        assert_eq!(runs, vec![(2, here), (4, here)]);
    }

    #[test]
    fn a_job_that_panics_on_the_helper_panics_here() {
        // The helper takes key 13 first (a guess) and panics; the caller runs it again and the
        // panic reaches the caller; the helper thread survives it.
        let board = Board::new(|k: usize| {
            assert!(k != 13, "job 13 fails");
            k
        });
        let started = std::sync::atomic::AtomicBool::new(false);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            both(
                || {
                    board.guess([13]);
                    started.store(true, Ordering::SeqCst);
                    board.serve();
                },
                || {
                    let _close = board.closer();
                    while !started.load(Ordering::SeqCst) {
                        std::thread::yield_now();
                    }
                    board.gather(&[1, 13])
                },
            )
        }));
        let message = caught
            .err()
            .and_then(|p| {
                p.downcast_ref::<&str>()
                    .map(|m| (*m).to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
            })
            .unwrap_or_default();
        assert!(message.contains("job 13 fails"), "{message:?}");
        // The pool still works.
        assert_eq!(map_in_order(&[1, 2, 3, 4], 1, |i| i * 2), vec![2, 4, 6, 8]);
    }

    #[test]
    fn a_panic_here_closes_the_board_so_the_helper_returns() {
        // Without the guard the helper would wait for jobs forever, and the caller for it.
        let board = Board::new(|k: usize| k);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            both(
                || board.serve(),
                || {
                    let _close = board.closer();
                    panic!("the matching failed");
                },
            )
        }));
        assert!(caught.is_err());
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
    fn a_helper_started_ahead_is_placed_and_runs_its_first_job() {
        // What `prepare` starts: a helper placed before it runs, which may then spin for its
        // first job only when it went to another core; the job runs on that thread.
        let place = placement::Placement::for_helper(1);
        let Some(worker) = pool::start(Some(&place), Some(|| {})) else {
            panic!("a helper thread starts");
        };
        assert_eq!(worker.placed, place.elsewhere());
        let (tx, rx) = std::sync::mpsc::channel();
        let latch = std::sync::Arc::new(Latch::default());
        worker.run(
            Box::new(move || {
                tx.send(std::thread::current().id()).ok();
            }),
            latch.clone(),
        );
        latch.wait();
        let ran_on = rx.recv().expect("the job ran");
        assert_ne!(ran_on, std::thread::current().id());
        // Without a placement the new thread does not spin before its first job.
        let Some(plain) = pool::start(None, None) else {
            panic!("a helper thread starts");
        };
        assert!(!plain.placed);
        let latch = std::sync::Arc::new(Latch::default());
        plain.run(Box::new(|| {}), latch.clone());
        latch.wait();
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
