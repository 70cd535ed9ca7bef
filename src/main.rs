//! Entry point: installs the panic hook and mounts the app. Everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    shirube::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Shirube runs in the browser: see README.md (bash scripts/serve.sh).");
}
