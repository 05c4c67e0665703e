//! Fuzz target `compare`: see `resdiff_fuzz::compare` (fuzz/src/lib.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(init: resdiff_fuzz::install_panic_hook(), |data: &[u8]| {
    resdiff_fuzz::compare(data);
});
