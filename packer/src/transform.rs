//! Turns one source file into what the runtime runs: CommonJS JavaScript. TypeScript is
//! stripped, ES modules become CommonJS (a default import of a CommonJS module gets
//! `module.exports`, of a compiled ES module its `default` export), and `--minify` runs swc's minifier. Whenever the code is
//! rewritten a source map comes with it, so stack traces point at the original lines.
//!
//! Plain CommonJS that needs no change is passed through byte for byte (no source map needed).
//! The module's dependencies are collected from the AST after TypeScript stripping, so imports
//! used only as types are not followed.

use swc_core::common::{
    source_map::DefaultSourceMapGenConfig, sync::Lrc, BytePos, FileName, Globals, LineCol, Mark, SourceMap, Spanned, GLOBALS,
};
use swc_core::ecma::ast::{CallExpr, Callee, EsVersion, MetaPropExpr, MetaPropKind, Module, ModuleDecl, ModuleItem, Program};
use swc_core::ecma::codegen::{text_writer::JsWriter, Emitter};
use swc_core::ecma::minifier::option::{ExtraOptions, MinifyOptions};
use swc_core::ecma::parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax, TsSyntax};
use swc_core::ecma::transforms::base::{fixer::fixer, helpers, hygiene::hygiene, resolver};
use swc_core::ecma::transforms::module::{common_js, path::Resolver, util::Config as ModuleConfig, util::ImportInterop};
use swc_core::ecma::transforms::typescript::strip;
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::asset_refs::{asset_refs, AssetRef};
use crate::diagnostics::Diagnostic;
use crate::scan::{dependencies, locate, Require};

/// The language a file is written in, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    JavaScript,
    TypeScript,
    Tsx,
}

impl Dialect {
    pub fn of(extension: &str) -> Dialect {
        match extension {
            "ts" | "mts" | "cts" => Dialect::TypeScript,
            "tsx" => Dialect::Tsx,
            _ => Dialect::JavaScript,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub minify: bool,
}

#[derive(Debug)]
pub struct Output {
    pub code: String,
    /// A source map (JSON, with the original text inline) when the code was rewritten.
    pub source_map: Option<String>,
    pub requires: Vec<Require>,
    /// Files and directories the module names relative to its own location.
    pub asset_refs: Vec<AssetRef>,
}

/// Transforms `source`, shown as `display_path` in diagnostics and source maps.
pub fn transform(display_path: &str, source: &str, dialect: Dialect, options: &Options) -> Result<Output, Diagnostic> {
    GLOBALS.set(&Globals::new(), || transform_in_globals(display_path, source, dialect, options))
}

fn transform_in_globals(display_path: &str, source: &str, dialect: Dialect, options: &Options) -> Result<Output, Diagnostic> {
    let source_map: Lrc<SourceMap> = Default::default();
    let file = source_map.new_source_file(FileName::Custom(display_path.to_owned()).into(), source.to_owned());
    let program = parse(&source_map, &file, display_path, dialect)?;

    let unresolved_mark = Mark::new();
    let top_level_mark = Mark::new();
    let typescript = dialect != Dialect::JavaScript;
    let mut program = program;
    if typescript {
        program = program.apply(resolver(unresolved_mark, top_level_mark, true)).apply(strip(unresolved_mark, top_level_mark));
    }
    let requires = dependencies(&program, &source_map, display_path);
    let asset_refs = asset_refs(&program, &source_map, display_path);
    let module_syntax = uses_module_syntax(&program);
    if !typescript && !module_syntax && !options.minify {
        return Ok(Output { code: source.to_owned(), source_map: None, requires, asset_refs });
    }

    if !typescript {
        program = program.apply(resolver(unresolved_mark, top_level_mark, false));
    }
    if module_syntax {
        program = to_common_js(program, unresolved_mark);
    }
    program = program.apply(hygiene());
    if options.minify {
        program = minify(program, &source_map);
    }
    program = program.apply(fixer(None));
    let (code, source_map) = generate(&program, &source_map, options.minify);
    Ok(Output { code, source_map: Some(source_map), requires, asset_refs })
}

fn parse(source_map: &SourceMap, file: &swc_core::common::SourceFile, display_path: &str, dialect: Dialect) -> Result<Program, Diagnostic> {
    let syntax = match dialect {
        // CommonJS runs inside a function, so a top-level `return` is legal there.
        Dialect::JavaScript => Syntax::Es(EsSyntax { allow_return_outside_function: true, ..Default::default() }),
        Dialect::TypeScript => Syntax::Typescript(TsSyntax::default()),
        Dialect::Tsx => Syntax::Typescript(TsSyntax { tsx: true, ..Default::default() }),
    };
    let lexer = Lexer::new(syntax, EsVersion::latest(), StringInput::from(file), None);
    let mut parser = Parser::new_from(lexer);
    let syntax_error = |error: swc_core::ecma::parser::error::Error| {
        let location = locate(source_map, display_path, error.span());
        Diagnostic::error(format!("syntax error: {}", error.kind().msg())).at(location)
    };
    let program = parser.parse_program().map_err(syntax_error)?;
    match parser.take_errors().into_iter().next() {
        Some(error) => Err(syntax_error(error)),
        None => Ok(program),
    }
}

/// Whether the program has `import`/`export` declarations, `import()` calls or `import.meta`.
fn uses_module_syntax(program: &Program) -> bool {
    struct Finder(bool);
    impl Visit for Finder {
        fn visit_module_decl(&mut self, _: &ModuleDecl) {
            self.0 = true;
        }
        fn visit_call_expr(&mut self, call: &CallExpr) {
            self.0 |= matches!(call.callee, Callee::Import(_));
            call.visit_children_with(self);
        }
        fn visit_meta_prop_expr(&mut self, meta: &MetaPropExpr) {
            self.0 |= meta.kind == MetaPropKind::ImportMeta;
        }
    }
    let mut finder = Finder(false);
    program.visit_with(&mut finder);
    finder.0
}

/// ES module syntax to CommonJS, with swc's helpers inlined (no `@swc/helpers` dependency).
/// A script that only uses `import()` stays sloppy-mode; a real ES module becomes strict.
fn to_common_js(program: Program, unresolved_mark: Mark) -> Program {
    let is_module = matches!(&program, Program::Module(module) if module.body.iter().any(|item| matches!(item, ModuleItem::ModuleDecl(_))));
    let module = match program {
        Program::Module(module) => module,
        Program::Script(script) => Module {
            span: script.span,
            body: script.body.into_iter().map(ModuleItem::Stmt).collect(),
            shebang: script.shebang,
        },
    };
    // Every ES module in the bundle is compiled to CommonJS, so an import must honour the
    // `__esModule` marker that compilation leaves (Node's own interop would hand a compiled ES
    // module's whole `exports` to a default import). Plain CommonJS, without the marker, still
    // gives `module.exports` to a default import, as in Node.
    let config = ModuleConfig { import_interop: Some(ImportInterop::Swc), strict_mode: is_module, ..Default::default() };
    helpers::HELPERS.set(&helpers::Helpers::new(false), || {
        Program::Module(module)
            .apply(common_js(Resolver::Default, unresolved_mark, config, Default::default()))
            .apply(helpers::inject_helpers(unresolved_mark))
    })
}

/// Minifies with fresh scope marks: after the module pass and hygiene renamed things, the
/// earlier marks no longer describe the tree (mangling with them clashed names in swc's
/// inlined helpers).
fn minify(program: Program, source_map: &Lrc<SourceMap>) -> Program {
    let unresolved_mark = Mark::new();
    let top_level_mark = Mark::new();
    let program = program.apply(resolver(unresolved_mark, top_level_mark, false));
    let options = MinifyOptions { compress: Some(Default::default()), mangle: Some(Default::default()), ..Default::default() };
    let extra = ExtraOptions { unresolved_mark, top_level_mark, mangle_name_cache: None };
    swc_core::ecma::minifier::optimize(program, source_map.clone(), None, None, &options, &extra)
}

/// Prints the program and its source map (with the original source inline).
fn generate(program: &Program, source_map: &Lrc<SourceMap>, minify: bool) -> (String, String) {
    let mut code = Vec::new();
    let mut mappings: Vec<(BytePos, LineCol)> = Vec::new();
    {
        let writer = JsWriter::new(source_map.clone(), "\n", &mut code, Some(&mut mappings));
        let mut emitter = Emitter {
            cfg: swc_core::ecma::codegen::Config::default().with_minify(minify),
            cm: source_map.clone(),
            comments: None,
            wr: writer,
        };
        emitter.emit_program(program).expect("writing to memory cannot fail");
    }
    let map = source_map.build_source_map(&mappings, None, InlineSources);
    let mut json = Vec::new();
    map.to_writer(&mut json).expect("writing to memory cannot fail");
    (String::from_utf8(code).expect("swc prints UTF-8"), String::from_utf8(json).expect("source maps are JSON"))
}

/// Source map settings: file names as given, original text inline so the runtime can show
/// the original source line of an error.
struct InlineSources;

impl swc_core::common::source_map::SourceMapGenConfig for InlineSources {
    fn file_name_to_source(&self, name: &FileName) -> String {
        DefaultSourceMapGenConfig.file_name_to_source(name)
    }

    fn inline_sources_content(&self, _: &FileName) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transformed(source: &str, dialect: Dialect) -> String {
        transform("t", source, dialect, &Options::default()).unwrap().code
    }

    #[test]
    fn plain_common_js_passes_through_unchanged() {
        let source = "const a = require('./a');\n\nmodule.exports = a; // keep\n";
        let output = transform("t.js", source, Dialect::JavaScript, &Options::default()).unwrap();
        assert_eq!(output.code, source);
        assert!(output.source_map.is_none());
    }

    #[test]
    fn typescript_is_stripped_and_type_only_imports_are_not_dependencies() {
        let output = transform(
            "t.ts",
            "import type { T } from './types';\nimport { used } from './used';\nimport { OnlyType } from './only-type';\nconst x: T = used as number;\nlet y: OnlyType;\n",
            Dialect::TypeScript,
            &Options::default(),
        )
        .unwrap();
        assert!(!output.code.contains(": T"), "{}", output.code);
        assert!(output.code.contains("require(\"./used\")"), "{}", output.code);
        let specifiers: Vec<_> = output.requires.iter().filter_map(|found| found.specifier.clone()).collect();
        assert_eq!(specifiers, ["./used"]);
        assert!(output.source_map.unwrap().contains("\"sourcesContent\""));
    }

    #[test]
    fn es_modules_become_common_js_with_node_interop() {
        let code = transformed("import fs from 'fs';\nimport * as all from './all';\nimport { a } from './a';\nexport const b = a + all.x;\nexport default fs;\n", Dialect::JavaScript);
        assert!(code.contains("require(\"fs\")"), "{code}");
        assert!(code.contains("__esModule"), "{code}");
        assert!(code.contains("\"use strict\""), "{code}");
        assert!(!code.contains("@swc/helpers"), "{code}");
    }

    #[test]
    fn dynamic_import_in_a_script_becomes_a_require() {
        let code = transformed("function load() { return import('./x'); }\n", Dialect::JavaScript);
        assert!(code.contains("require(\"./x\")"), "{code}");
        assert!(!code.contains("\"use strict\""), "{code}");
    }

    #[test]
    fn import_meta_alone_is_rewritten() {
        let code = transformed("console.log(import.meta.url);\n", Dialect::JavaScript);
        assert!(!code.contains("import.meta"), "{code}");
    }

    #[test]
    fn tsx_parses() {
        let code = transformed("const a = <div x={1 as number}/>;\n", Dialect::Tsx);
        assert!(code.contains("div"), "{code}");
    }

    #[test]
    fn minified_es_module_keeps_its_exports_helper_intact() {
        let output = transform("t.mjs", "export function greet() {}\nexport function fail() {}\n", Dialect::JavaScript, &Options { minify: true }).unwrap();
        assert!(!output.code.contains("for(var e in r)Object.defineProperty(e,e"), "{}", output.code);
    }

    #[test]
    fn minify_shrinks_and_keeps_requires() {
        let source = "function longFunctionName(parameter) {\n  const value = parameter + 1;\n  return require('./dep')(value);\n}\nmodule.exports = longFunctionName;\n";
        let output = transform("t.js", source, Dialect::JavaScript, &Options { minify: true }).unwrap();
        assert!(output.code.len() < source.len(), "{}", output.code);
        assert!(output.code.contains("require(\"./dep\")"), "{}", output.code);
        assert!(output.source_map.is_some());
    }
}
