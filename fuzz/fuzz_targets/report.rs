//! Fuzz target `report`: see `resdiff_fuzz::report` (fuzz/src/lib.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(init: resdiff_fuzz::install_panic_hook(), |data: &[u8]| {
    resdiff_fuzz::report(data);
});
