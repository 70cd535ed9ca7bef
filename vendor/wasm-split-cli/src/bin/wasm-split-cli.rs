use clap::{Parser, ValueEnum};
use eyre::Result;
use std::path::Path;

use wasm_split_cli_support as this;

#[derive(Debug, ValueEnum, Clone, Copy, PartialEq, Eq, Default)]
enum Target {
    #[default]
    Web,
    Bundler,
}

#[derive(Debug, Parser)]
#[command(name = "wasm-split")]
struct Cli {
    /// Input .wasm file.
    input: Box<Path>,

    /// Output directory.
    output: Box<Path>,

    /// Output target
    #[arg(long)]
    target: Option<Target>,

    /// Output module name
    #[arg(long)]
    out_name: Option<String>,

    /// Merge shared chunks with less code than this many bytes into others (0: never).
    #[arg(long, default_value_t = 0)]
    min_chunk_size: usize,

    /// A visit: a name and the splits loaded together (`--visit editor=actions,editor`), once per
    /// visit. Shared chunks loaded by the same visits become one (apart: those shared by a split
    /// no visit names); none joins a chunk other visits load; --min-chunk-size applies only to
    /// chunks no visit loads.
    #[arg(long = "visit", value_name = "NAME=SPLIT,SPLIT", value_parser = parse_visit)]
    visits: Vec<(String, Vec<String>)>,

    /// Write a compact loader: no comment lines, one fetch function, chunk lists as ranges (web).
    #[arg(long)]
    compact_loader: bool,

    /// With --compact-loader: time each module's fetch to its instantiation with
    /// `performance.measure(<PREFIX><file>)`.
    #[arg(long, value_name = "PREFIX", requires = "compact_loader")]
    measure_prefix: Option<String>,

    /// Print verbose split information.
    #[arg(short, long)]
    verbose: bool,
}

fn parse_visit(text: &str) -> std::result::Result<(String, Vec<String>), String> {
    let (name, splits) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?} is not NAME=SPLIT,SPLIT"))?;
    let splits = splits
        .split(',')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    Ok((name.to_string(), splits))
}

fn main() -> Result<()> {
    tracing_subscriber::fmt::init();

    let args = Cli::parse();
    let input_wasm = std::fs::read(args.input)?;
    let stem = match args.out_name.as_ref() {
        Some(name) => name,
        None => "main",
    };
    let main_module;
    let main_out_path = args.output.join(&format!("{stem}.wasm"));
    let _ = this::transform({
        let mut opts = this::Options::new(&input_wasm);
        opts.verbose = args.verbose;
        opts.min_chunk_size = args.min_chunk_size;
        opts.visits = args.visits;
        opts.compact_loader = args.compact_loader;
        opts.measure_prefix = args.measure_prefix.as_deref();
        opts.output_dir = &args.output;
        opts.main_out_path = &main_out_path;
        if let Some(name) = args.out_name.as_ref() {
            main_module = match args.target {
                None | Some(Target::Web) => format!("./{name}.js"),
                Some(Target::Bundler) => format!("./{name}_bg.wasm"),
            };
            opts.main_module = &main_module;
        }
        match args.target {
            Some(Target::Web) => {
                opts.target.web();
            }
            Some(Target::Bundler) => {
                opts.target.bundler();
            }
            None => {}
        }
        opts
    })?;
    Ok(())
}
