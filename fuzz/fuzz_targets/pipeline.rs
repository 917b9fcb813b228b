//! The whole pipeline on arbitrary bytes: decode, extract every kind,
//! serialize. Panics (a libFuzzer crash) when a span leaves the text or
//! differs from its slice, a link points nowhere, or two runs differ.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/util/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = invariants::check_bytes(data) {
        panic!("{e}");
    }
});
