//! Browser storage (placeholder).
