//! Fuzz target `parse`: see `resdiff_fuzz::parse` (fuzz/src/lib.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(init: resdiff_fuzz::install_panic_hook(), |data: &[u8]| {
    resdiff_fuzz::parse(data);
});
