//! The `depeche` binary: parses arguments, runs the command, owns the exit
//! code. A closed output pipe (`depeche batch … | head`) is a quiet success.

mod app;
mod cli;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: extraction allocates many
/// small strings and maps, and on a 2 KB article glibc's malloc took 1,400
/// page faults (a third of the run's wall time on a VM) where mimalloc
/// takes 300, and fewer instructions per allocation.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of `mimalloc.h` (libmimalloc-sys names no
/// constant for it; a test checks the number).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed memory stays with the process, in ms. mimalloc 3 keeps it
/// a second, which let `batch -j 2` peak at 84 to 104 MB from run to run;
/// at 10 ms (mimalloc 2's default) it peaks near 75 MB, as fast.
const PURGE_DELAY_MS: std::ffi::c_long = 10;

fn main() -> ExitCode {
    // SAFETY: sets one process-wide allocator option, which mimalloc reads
    // atomically; no other thread has started yet.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    match app::run(cli::parse()) {
        Ok(app::Outcome::AllGood) => ExitCode::SUCCESS,
        Ok(app::Outcome::SomeFailed) => ExitCode::from(1),
        Err(err) => {
            if app::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            app::message(&format!("{err:#}"));
            if err.is::<app::Interrupted>() {
                return ExitCode::from(130);
            }
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Option 15 is the purge delay: its default is mimalloc 3's 1,000 ms.
    #[test]
    fn option_number_is_the_purge_delay() {
        // SAFETY: reads an allocator option.
        let ms = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(ms, 1000);
    }
}
