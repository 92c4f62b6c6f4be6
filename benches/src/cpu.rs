//! The CPU time of the calling thread: what the generator benchmark reports, so that its figures
//! do not depend on how busy the rest of the machine is.
//!
//! The generator runs on one thread and does no I/O while it is measured (the files are planned in
//! memory), so on an idle machine its CPU time and its wall time are the same; on a shared machine
//! the wall time also counts the time the thread waited for a core, which says nothing about the
//! generator.

use std::time::Duration;

/// The CPU time the calling thread has used so far.
pub fn thread_time() -> Duration {
    let mut time = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `time` is a valid, writable timespec; the clock id is a constant the platform has.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(time.tv_sec as u64, time.tv_nsec as u32)
}

/// Measures `work` by the CPU time of the calling thread.
pub struct Stopwatch(Duration);

impl Stopwatch {
    /// Starts measuring.
    pub fn start() -> Stopwatch {
        Stopwatch(thread_time())
    }

    /// The CPU time since [`Stopwatch::start`].
    pub fn elapsed(&self) -> Duration {
        thread_time().saturating_sub(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_work_takes_cpu_time() {
        let watch = Stopwatch::start();
        let mut total = 0u64;
        for n in 0..5_000_000u64 {
            total = total.wrapping_add(std::hint::black_box(n));
        }
        assert!(total > 0);
        assert!(watch.elapsed() > Duration::ZERO);
    }
}
