//! Finds what a module requires: parses it with swc and collects `require('literal')` and
//! `require.resolve('literal')` calls, noting whether each sits inside a `try` block (an
//! optional dependency), and every `require(expression)` the packer cannot follow.

use swc_core::common::{sync::Lrc, FileName, SourceFile, SourceMap, Span, Spanned};
use swc_core::ecma::ast::{CallExpr, Callee, EsVersion, Expr, Lit, MemberProp, TryStmt};
use swc_core::ecma::parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax};
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::diagnostics::{Diagnostic, Location};

/// One `require` call found in a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Require {
    /// The literal specifier, or `None` for `require(expression)`.
    pub specifier: Option<String>,
    /// Inside a `try` block: failing to resolve it is a warning, since the app expects it may fail.
    pub optional: bool,
    pub location: Location,
}

/// Parses `source` (shown as `display_path` in diagnostics) and lists its requires in source
/// order. A syntax error comes back as a diagnostic with file, line and column.
pub fn scan_requires(display_path: &str, source: &str) -> Result<Vec<Require>, Diagnostic> {
    let source_map: Lrc<SourceMap> = Default::default();
    let file = source_map.new_source_file(FileName::Custom(display_path.to_owned()).into(), source.to_owned());
    // CommonJS runs inside a function, so a top-level `return` is legal there.
    let syntax = Syntax::Es(EsSyntax { allow_return_outside_function: true, ..Default::default() });
    let lexer = Lexer::new(syntax, EsVersion::latest(), StringInput::from(&*file), None);
    let mut parser = Parser::new_from(lexer);
    let syntax_error = |error: swc_core::ecma::parser::error::Error| {
        let location = locate(&source_map, &file, display_path, error.span());
        Diagnostic::error(format!("syntax error: {}", error.kind().msg())).at(location)
    };
    let program = parser.parse_program().map_err(syntax_error)?;
    if let Some(error) = parser.take_errors().into_iter().next() {
        return Err(syntax_error(error));
    }
    let mut scanner = Scanner { source_map: &source_map, file: &file, display_path, try_depth: 0, found: Vec::new() };
    program.visit_with(&mut scanner);
    Ok(scanner.found)
}

fn locate(source_map: &SourceMap, file: &SourceFile, display_path: &str, span: Span) -> Location {
    let loc = source_map.lookup_char_pos(span.lo);
    let source_line = file.get_line(loc.line.saturating_sub(1)).map(|line| line.trim_end().to_owned()).unwrap_or_default();
    Location { file: display_path.to_owned(), line: loc.line, column: loc.col_display + 1, source_line }
}

struct Scanner<'a> {
    source_map: &'a SourceMap,
    file: &'a SourceFile,
    display_path: &'a str,
    try_depth: usize,
    found: Vec<Require>,
}

impl Scanner<'_> {
    fn record(&mut self, call: &CallExpr) {
        let specifier = match call.args.as_slice() {
            [arg] if arg.spread.is_none() => literal_string(&arg.expr),
            _ => None,
        };
        let location = locate(self.source_map, self.file, self.display_path, call.span);
        self.found.push(Require { specifier, optional: self.try_depth > 0, location });
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

fn is_require_call(call: &CallExpr) -> bool {
    let Callee::Expr(callee) = &call.callee else { return false };
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
        if is_require_call(call) {
            self.record(call);
        }
        call.visit_children_with(self);
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

    fn specifiers(source: &str) -> Vec<(Option<String>, bool)> {
        scan_requires("t.js", source).unwrap().into_iter().map(|found| (found.specifier, found.optional)).collect()
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
        let found = scan_requires("t.js", "const name = 'x';\nrequire(name);").unwrap();
        assert_eq!(found[0].specifier, None);
        assert_eq!((found[0].location.line, found[0].location.column), (2, 1));
    }

    #[test]
    fn top_level_return_and_hashbang_parse() {
        assert_eq!(specifiers("#!/usr/bin/env node\nif (x) return;\nrequire('./y')"), vec![(Some("./y".into()), false)]);
    }

    #[test]
    fn syntax_error_has_file_line_and_column() {
        let error = scan_requires("src/bad.js", "const ok = 1;\nconst = 2;\n").unwrap_err();
        let location = error.location.clone().unwrap();
        assert_eq!((location.file.as_str(), location.line, location.column), ("src/bad.js", 2, 7));
        assert_eq!(location.source_line, "const = 2;");
        assert!(error.message.starts_with("syntax error: "), "{}", error.message);
    }
}
