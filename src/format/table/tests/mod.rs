//! Tests of a town's table: header detection on the layouts towns use (`layouts`), and plans
//! against the bundled example strategies (`plans`).

mod layouts;
mod plans;
mod random;
