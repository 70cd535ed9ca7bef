//! Tests of the merge rules on hand-made strategies and the examples.
