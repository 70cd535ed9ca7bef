//! Tests of a town's table: the readers against fixture workbooks (`fixtures/make.py`) and
//! pasted cells (`workbook`, `paste`), header detection on the layouts towns use (`layouts`),
//! plans against the bundled example strategies (`plans`), and cells pasted into an
//! indicator's year rows (`year_block`); damaged copies of the .xls fixture (`xls_damage`).

mod layouts;
mod paste;
mod plans;
#[cfg(not(target_arch = "wasm32"))]
mod random;
mod workbook;
#[cfg(not(target_arch = "wasm32"))]
mod xls_damage;
mod year_block;
