use eyre::Result;
use std::{collections::HashMap, fmt::Write, path::Path};

use crate::{
    dep_graph::DepNode,
    emit::EmitState,
    read::InputModule,
    split_point::{OutputModuleInfo, SplitModuleIdentifier, SplitProgramInfo},
    tracing_support::perf_span,
};

type PrefetchMap = HashMap<String, Vec<String>>;
pub struct LinkModuleWriter<'p> {
    input_module: &'p InputModule<'p>,
    input_options: &'p crate::Options<'p>,
    program_info: &'p SplitProgramInfo,
    javascript: String,
    prefetch_map: PrefetchMap,
}

impl<'p> LinkModuleWriter<'p> {
    fn new(program_info: &'p SplitProgramInfo, emit_state: &'p EmitState<'p>) -> Self {
        Self {
            program_info,
            input_module: emit_state.input(),
            input_options: emit_state.input_options(),
            javascript: String::new(),
            prefetch_map: HashMap::new(),
        }
    }
    fn canary_name(&self) -> &str {
        self.program_info.canary_export_name()
    }
    fn compact(&self) -> bool {
        self.input_options.compact_loader
    }
    fn write_main_import(&mut self, mod_path: &str) -> Result<()> {
        match self.input_options.target {
            crate::OutputTarget::Web(_) if self.compact() => {
                writeln!(
                    &mut self.javascript,
                    r#"import {{ initSync }} from "{mod_path}";"#
                )?;
                self.write_compact_helpers();
                writeln!(&mut self.javascript)?
            }
            crate::OutputTarget::Web(_) => writeln!(
                &mut self.javascript,
                r#"import {{ initSync }} from "{}";
"#,
                mod_path
            )?,
            crate::OutputTarget::Bundler(_) => writeln!(
                &mut self.javascript,
                r#"import * as __wasm from "{}";
"#,
                mod_path
            )?,
        }
        Ok(())
    }
    fn write_get_shared_imports(&mut self, main_shares: &str) -> Result<()> {
        let canary_props = if self.input_module.options.debug_assertions {
            format!("{}: ~0xdead,", self.canary_name())
        } else {
            String::new()
        };
        let main_exports = match self.input_options.target {
            crate::OutputTarget::Web(_) => "initSync(undefined, undefined)",
            crate::OutputTarget::Bundler(_) => "__wasm",
        };
        Ok(write!(
            &mut self.javascript,
            r#"let sharedImports = undefined;
function getSharedImports() {{
    if (sharedImports === undefined) {{
        sharedImports = {{ __wasm_split: {{ {canary_props} }} }};
        const {{ {main_shares} }} = {main_exports};
        Object.assign(sharedImports.__wasm_split, {{ {main_shares} }});
    }}
    return sharedImports;
}}
"#
        )?)
    }
    /// The compact loader's helpers: `part(file)`, the one fetch-and-instantiate closure of every
    /// module, the table `C` of the shared chunks by number, and `d(ranges)`, a list of them.
    fn write_compact_helpers(&mut self) {
        let wrap = if self.input_module.options.debug_assertions {
            "debugWrap("
        } else {
            "("
        };
        let js = &mut self.javascript;
        match self.input_options.measure_prefix {
            Some(prefix) => js.push_str(&format!(
                r#"/** Fetches a part of this build and instantiates it with the imports given; a measure
 *  "{prefix}<file>" spans its fetch to its instantiation (the benchmark reads them). */
function part(file) {{
    return () => {{
        const start = performance.now();
        const src = fetch(new URL("./" + file, import.meta.url));
        src.catch(() => {{}});
        return async (imports) => {{
            const made = await {wrap}WebAssembly.instantiateStreaming(src, imports));
            performance.measure("{prefix}" + file, {{ start, end: performance.now() }});
            return made;
        }};
    }};
}}
"#
            )),
            None => js.push_str(&format!(
                r#"/** Fetches a part of this build and instantiates it with the imports given. */
function part(file) {{
    return () => {{
        const src = fetch(new URL("./" + file, import.meta.url));
        src.catch(() => {{}});
        return async (imports) => {wrap}WebAssembly.instantiateStreaming(src, imports));
    }};
}}
"#
            )),
        }
        js.push_str(
            r#"/** The shared parts by number, and a list of them from ranges ("26-152,212"). */
const C = [];
function d(ranges) {
    return ranges.split(",").flatMap((r) => { const [a, b = a] = r.split("-").map(Number); return C.slice(a, b + 1); });
}
"#,
        );
    }
    fn write_runtime(&mut self) -> Result<()> {
        let compact = self.compact();
        let mut push = |snippet: &str| {
            if compact {
                self.javascript.push_str(&without_comment_lines(snippet));
            } else {
                self.javascript.push_str(snippet);
            }
        };
        push(include_str!("./snippets/split_wasm.js"));
        if self.input_module.options.debug_assertions {
            push(include_str!("./snippets/instantiate.debug.js"));
        }
        Ok(())
    }
    fn write_export_const(&mut self, name: &str, def: &impl std::fmt::Display) -> Result<()> {
        Ok(writeln!(
            &mut self.javascript,
            "export const {name} = {def};"
        )?)
    }
    fn fetcher<'pth>(&self, file_path: impl 'pth + std::fmt::Display) -> String {
        let wrap = if self.input_module.options.debug_assertions {
            "debugWrap"
        } else {
            ""
        };
        // Note: the expression returned from here should:
        // - allow lazily fetching the wasm module (no top-level import)
        // - allow bundlers and downstream code to recognize it as an expression to a path ("relocate" the import)
        // - observe any promises that run in parallel; The loader runs the instantiation only after dependency
        //   fetching succeeds. On failure or before, rejections of promises here would else be unhandled and lead
        //   to spurious `unhandledrejection` events.
        match self.input_options.target {
            // Note: we use the form `new URL(<string literal>, import.meta.url)` which is understood by some
            // bundlers as syntax that can get rewritten if the path from where the file gets fetched is changed
            // (for example due to attaching a has of its contents).
            crate::OutputTarget::Web(_) => format!(
                r#"() => {{
    const src = fetch(new URL({file_path}, import.meta.url));
    src.catch(() => {{}});
    return async (imports) => {wrap}(WebAssembly.instantiateStreaming(src, imports));
}}
"#
            ),
            crate::OutputTarget::Bundler(_) => format!(
                r#"() => {{
    const module = import.source({file_path});
    module.catch(() => {{}});
    return async (imports) => {wrap}(new WebAssembly.Instance(await module, imports));
}}
"#
            ),
        }
    }
    fn write_loaders(&mut self, program: &SplitProgramInfo) -> Result<()> {
        let mut split_deps = HashMap::<String, Vec<usize>>::new();
        for (module_index, (name, module)) in program.output_modules.iter().enumerate() {
            let SplitModuleIdentifier::Chunk(splits) = name else {
                continue;
            };
            if module.is_empty {
                continue;
            }
            let file_name = name.filename(module_index);
            if self.compact() {
                writeln!(
                    &mut self.javascript,
                    r#"C[{module_index}] = makeLoad(part("{file_name}.wasm"), []);"#
                )?;
            } else {
                let var_name = format!("__chunk_{module_index}");
                let splits_dbg = splits.iter().cloned().collect::<Vec<_>>().join(", ");
                writeln!(&mut self.javascript, "/* {splits_dbg} */")?;
                let fetcher = self.fetcher(format_args!("\"./{file_name}.wasm\""));
                writeln!(
                    &mut self.javascript,
                    "const {var_name} = makeLoad({fetcher}, []);"
                )?;
            }
            for split in splits {
                split_deps
                    .entry(split.clone())
                    .or_default()
                    .push(module_index);
                self.prefetch_map
                    .entry(split.clone())
                    .or_default()
                    .push(file_name.clone());
            }
        }
        for (module_index, (identifier, module)) in program.output_modules.iter().enumerate().rev()
        {
            let split = match &identifier {
                SplitModuleIdentifier::Main | SplitModuleIdentifier::Chunk(_) => continue,
                SplitModuleIdentifier::Split(split) => split,
            };
            let is_empty = module.is_empty;
            let file_name = identifier.filename(module_index);
            let loader_name = identifier.loader_name();
            let deps = split_deps.remove(split).unwrap_or_default();
            let deps = if self.compact() && !deps.is_empty() {
                format!(r#"d("{}")"#, ranges(&deps))
            } else {
                let names: Vec<_> = deps.iter().map(|i| format!("__chunk_{i}")).collect();
                format!("[{}]", names.join(", "))
            };
            let fetch_opts = if is_empty {
                "() => async (_imp) => ({})".to_string()
            } else if self.compact() {
                format!(r#"part("{file_name}.wasm")"#)
            } else {
                self.fetcher(format_args!("\"./{file_name}.wasm\""))
            };
            self.write_export_const(
                &loader_name,
                &format_args!("wrapAsyncCb(makeLoad({fetch_opts}, {deps}))"),
            )?;
            let prefetches = self.prefetch_map.entry(split.clone()).or_default();
            if !is_empty {
                prefetches.push(file_name);
            }
        }
        Ok(())
    }

    pub fn emit(self, path: &Path) -> Result<PrefetchMap> {
        std::fs::write(path, self.javascript)?;
        Ok(self.prefetch_map)
    }
}

/// `snippet` without its lines that are only a comment (`// …`, or `/* … */` on one line).
fn without_comment_lines(snippet: &str) -> String {
    snippet
        .split_inclusive('\n')
        .filter(|line| {
            let code = line.trim_start_matches([' ', '\t']);
            let whole_line = line.ends_with('\n');
            let slashes = code.starts_with("//");
            let block = code.starts_with("/*")
                && code[2..]
                    .trim_end_matches([' ', '\t', '\n'])
                    .ends_with("*/");
            !(whole_line && (slashes || block))
        })
        .collect()
}

/// Numbers as ranges of consecutive ones, in their order: `[0, 1, 2, 5, 7, 8]` is `"0-2,5,7-8"`.
fn ranges(numbers: &[usize]) -> String {
    let mut out = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        out.push(if j > i {
            format!("{}-{}", numbers[i], numbers[j])
        } else {
            numbers[i].to_string()
        });
        i = j + 1;
    }
    out.join(",")
}

fn reexported_shared_symbols(
    emit_state: &EmitState,
    program_info: &SplitProgramInfo,
    module: &OutputModuleInfo,
) -> Result<String> {
    let mut shares = String::new();
    let mut exported: Vec<_> = program_info
        .shared_deps
        .iter()
        .filter_map(|dep| {
            if let DepNode::Function(_) | DepNode::DataSymbol(_) = dep {
                return None;
            }
            if !module.included_symbols.contains(dep) {
                return None;
            }
            Some(emit_state.name_for(dep))
        })
        .collect();
    exported.sort();
    for export in exported {
        let () = write!(&mut shares, "{}, ", export.as_ref())?;
    }
    Ok(shares)
}

pub fn link_module<'p>(
    main_module_path: &str,
    program_info: &'p SplitProgramInfo,
    emit_state: &'p EmitState,
) -> Result<LinkModuleWriter<'p>> {
    let js_emit_span = perf_span!("emit js");
    let _emit_span = js_emit_span.enter();
    let mut link_module = LinkModuleWriter::new(program_info, emit_state);
    if link_module.compact()
        && !matches!(
            link_module.input_options.target,
            crate::OutputTarget::Web(_)
        )
    {
        eyre::bail!("the compact loader is written for the web target only");
    }

    let (_, main_module) = program_info
        .output_modules
        .iter()
        .find(|(id, _)| matches!(id, SplitModuleIdentifier::Main))
        .unwrap();
    let main_shared = reexported_shared_symbols(emit_state, program_info, main_module)?;

    link_module.write_main_import(main_module_path)?;
    link_module.write_get_shared_imports(&main_shared)?;
    link_module.write_runtime()?;
    link_module.write_loaders(program_info)?;
    Ok(link_module)
}

#[cfg(test)]
mod tests {
    use super::{ranges, without_comment_lines};

    #[test]
    fn ranges_join_runs_of_consecutive_numbers_in_their_order() {
        assert_eq!(ranges(&[]), "");
        assert_eq!(ranges(&[7]), "7");
        assert_eq!(ranges(&[0, 1, 2, 5, 7, 8]), "0-2,5,7-8");
        assert_eq!(ranges(&[3, 4, 1, 2]), "3-4,1-2");
        assert_eq!(ranges(&[2, 2]), "2,2");
    }

    #[test]
    fn comment_lines_go_and_code_stays() {
        let js = "/* a, b */\nconst x = 1; // kept\n    // gone\n  /* gone */  \nf(/* kept */);\n// last";
        assert_eq!(
            without_comment_lines(js),
            "const x = 1; // kept\nf(/* kept */);\n// last"
        );
        let runtime = without_comment_lines(include_str!("./snippets/split_wasm.js"));
        assert!(!runtime.lines().any(|l| l.trim_start().starts_with("//")));
        assert!(runtime.contains("if (loadingModule === thisLoad) loadingModule = undefined;"));
    }
}
