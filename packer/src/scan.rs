//! Finds what a parsed module depends on: `require('literal')`, `require.resolve('literal')`,
//! `import`/`export ... from` and `import('literal')`, noting whether each sits inside a `try`
//! block (an optional dependency), and every `require(expression)` the packer cannot follow.

use swc_core::common::{SourceMap, Span};
use swc_core::ecma::ast::{CallExpr, Callee, ExportAll, Expr, ImportDecl, Lit, MemberProp, NamedExport, Program, TryStmt};
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::diagnostics::Location;

/// One `require` call found in a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Require {
    /// The literal specifier, or `None` for `require(expression)`.
    pub specifier: Option<String>,
    /// Inside a `try` block: failing to resolve it is a warning, since the app expects it may fail.
    pub optional: bool,
    /// `require.resolve(...)`: the app wants the file's path, not to run it; a target that is
    /// not a module (a `.txt`, a `.wasm`) is embedded as an asset.
    pub resolve_only: bool,
    pub location: Location,
}

/// The dependencies of a parsed module, in source order: `require` and `require.resolve` calls
/// and, for ES modules, `import` / `export ... from` declarations and `import()` calls.
pub fn dependencies(program: &Program, source_map: &SourceMap, display_path: &str) -> Vec<Require> {
    let mut scanner = Scanner { source_map, display_path, try_depth: 0, found: Vec::new() };
    program.visit_with(&mut scanner);
    scanner.found
}

/// The 1-based line and column of `span`, with the text of its line.
pub fn locate(source_map: &SourceMap, display_path: &str, span: Span) -> Location {
    let loc = source_map.lookup_char_pos(span.lo);
    let source_line = loc.file.get_line(loc.line.saturating_sub(1)).map(|line| line.trim_end().to_owned()).unwrap_or_default();
    Location { file: display_path.to_owned(), line: loc.line, column: loc.col_display + 1, source_line }
}

struct Scanner<'a> {
    source_map: &'a SourceMap,
    display_path: &'a str,
    try_depth: usize,
    found: Vec<Require>,
}

impl Scanner<'_> {
    fn record_call(&mut self, call: &CallExpr) {
        let specifier = match call.args.as_slice() {
            [arg] if arg.spread.is_none() => literal_string(&arg.expr),
            _ => None,
        };
        let resolve_only = matches!(&call.callee, Callee::Expr(callee) if matches!(&**callee, Expr::Member(_)));
        self.record_with(specifier, call.span, resolve_only);
    }

    fn record(&mut self, specifier: Option<String>, span: Span) {
        self.record_with(specifier, span, false);
    }

    fn record_with(&mut self, specifier: Option<String>, span: Span, resolve_only: bool) {
        let location = locate(self.source_map, self.display_path, span);
        self.found.push(Require { specifier, optional: self.try_depth > 0, resolve_only, location });
    }
}

/// `'x'`, `"x"` and a template literal without substitutions.
fn literal_string(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(Lit::Str(text)) => text.value.as_str().map(str::to_owned),
        Expr::Tpl(template) if template.exprs.is_empty() && template.quasis.len() == 1 => {
            template.quasis[0].cooked.as_ref().and_then(|cooked| cooked.as_str()).map(str::to_owned)
        }
        Expr::Paren(inner) => literal_string(&inner.expr),
        _ => None,
    }
}

/// `require(...)`, `require.resolve(...)` and `import(...)`.
fn is_dependency_call(call: &CallExpr) -> bool {
    let Callee::Expr(callee) = &call.callee else { return matches!(call.callee, Callee::Import(_)) };
    match &**callee {
        Expr::Ident(ident) => ident.sym == *"require",
        Expr::Member(member) => {
            matches!(&*member.obj, Expr::Ident(object) if object.sym == *"require")
                && matches!(&member.prop, MemberProp::Ident(prop) if prop.sym == *"resolve")
        }
        _ => false,
    }
}

impl Visit for Scanner<'_> {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if is_dependency_call(call) {
            self.record_call(call);
        }
        call.visit_children_with(self);
    }

    fn visit_import_decl(&mut self, import: &ImportDecl) {
        if !import.type_only {
            self.record(import.src.value.as_str().map(str::to_owned), import.span);
        }
    }

    fn visit_named_export(&mut self, export: &NamedExport) {
        if let (Some(src), false) = (&export.src, export.type_only) {
            self.record(src.value.as_str().map(str::to_owned), export.span);
        }
    }

    fn visit_export_all(&mut self, export: &ExportAll) {
        if !export.type_only {
            self.record(export.src.value.as_str().map(str::to_owned), export.span);
        }
    }

    fn visit_try_stmt(&mut self, stmt: &TryStmt) {
        self.try_depth += 1;
        stmt.block.visit_with(self);
        self.try_depth -= 1;
        stmt.handler.visit_with(self);
        stmt.finalizer.visit_with(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transform::{transform, Dialect, Options};

    fn scan(source: &str) -> Result<Vec<Require>, crate::diagnostics::Diagnostic> {
        transform("t.js", source, Dialect::JavaScript, &Options::default()).map(|output| output.requires)
    }

    fn specifiers(source: &str) -> Vec<(Option<String>, bool)> {
        scan(source).unwrap().into_iter().map(|found| (found.specifier, found.optional)).collect()
    }

    #[test]
    fn finds_literal_requires_in_order() {
        let found = specifiers("const a = require('./a');\nfunction f() { return require(\"b\") }\nrequire(`./c.json`);");
        assert_eq!(found, vec![(Some("./a".into()), false), (Some("b".into()), false), (Some("./c.json".into()), false)]);
    }

    #[test]
    fn require_resolve_is_followed() {
        assert_eq!(specifiers("require.resolve('./x')"), vec![(Some("./x".into()), false)]);
    }

    #[test]
    fn requires_inside_try_are_optional() {
        let found = specifiers("try { require('opt') } catch { require('./fallback') }");
        assert_eq!(found, vec![(Some("opt".into()), true), (Some("./fallback".into()), false)]);
    }

    #[test]
    fn dynamic_require_has_no_specifier_and_a_location() {
        let found = scan("const name = 'x';\nrequire(name);").unwrap();
        assert_eq!(found[0].specifier, None);
        assert_eq!((found[0].location.line, found[0].location.column), (2, 1));
    }

    #[test]
    fn top_level_return_and_hashbang_parse() {
        assert_eq!(specifiers("#!/usr/bin/env node\nif (x) return;\nrequire('./y')"), vec![(Some("./y".into()), false)]);
    }

    #[test]
    fn imports_exports_and_dynamic_imports_are_dependencies() {
        let found = specifiers("import a from './a';\nexport * from './b';\nexport { c } from './c';\nimport('./d');");
        let names: Vec<_> = found.into_iter().map(|(specifier, _)| specifier.unwrap()).collect();
        assert_eq!(names, ["./a", "./b", "./c", "./d"]);
    }

    #[test]
    fn syntax_error_has_file_line_and_column() {
        let error = transform("src/bad.js", "const ok = 1;\nconst = 2;\n", Dialect::JavaScript, &Options::default()).unwrap_err();
        let location = error.location.clone().unwrap();
        assert_eq!((location.file.as_str(), location.line, location.column), ("src/bad.js", 2, 7));
        assert_eq!(location.source_line, "const = 2;");
        assert!(error.message.starts_with("syntax error: "), "{}", error.message);
    }
}
