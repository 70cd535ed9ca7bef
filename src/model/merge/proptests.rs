//! Property tests of the merge.
