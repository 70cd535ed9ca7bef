//! The benchmark's command-line half (see `scripts/bench.sh`):
//! `bench generate <town|large|huge> <seed> <out.json>` writes a generated strategy as a Shirube
//! file; `bench report <raw.json> <latest.json>` turns the browser's samples into figures, prints
//! the table and writes the figures.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use shirube::bench::{generate, stats};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fail = |msg: String| -> ! {
        eprintln!("bench: {msg}");
        std::process::exit(2)
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["generate", size, seed, out] => {
            let size = generate::Size::named(size).unwrap_or_else(|| fail(format!("unknown size {size}")));
            let seed: u64 = seed.parse().unwrap_or_else(|_| fail(format!("bad seed {seed}")));
            let text = shirube::format::export(&generate::generate(size, seed), "2026-01-01T00:00:00Z");
            std::fs::write(out, text).unwrap_or_else(|e| fail(format!("{out}: {e}")));
        }
        ["report", raw, latest] => {
            let text = std::fs::read_to_string(raw).unwrap_or_else(|e| fail(format!("{raw}: {e}")));
            let raw: stats::Raw = serde_json::from_str(&text).unwrap_or_else(|e| fail(format!("{raw}: {e}")));
            let report = stats::report(&raw);
            print!("{}", stats::table(&report));
            let json = serde_json::to_string_pretty(&report).unwrap_or_default();
            std::fs::write(latest, json).unwrap_or_else(|e| fail(format!("{latest}: {e}")));
            println!("\nfigures written to {latest}");
        }
        _ => fail("usage: bench generate <town|large|huge> <seed> <out.json> | bench report <raw.json> <latest.json>".into()),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
