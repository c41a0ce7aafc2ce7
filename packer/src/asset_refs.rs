//! Finds the files a module reads relative to its own code, so they can be embedded without
//! flags: `path.join(__dirname, '..', 'fonts')`, `path.resolve(__dirname, 'x')`,
//! `__dirname + '/x.json'`, `` `${__dirname}/x` ``, `path.dirname(__filename)` as the base, and
//! `new URL('./x', import.meta.url)`.
//!
//! Only expressions rooted at the module's own directory count; anything else (`os.tmpdir()`,
//! `process.cwd()`) is what the app reads from the machine it runs on and is left alone. The
//! path is computed here as text, with the module's directory still unknown: it is written as
//! [`MODULE_DIR`], which the graph replaces with the real directory.

use swc_core::common::{SourceMap, Span, Spanned};
use swc_core::ecma::ast::{BinExpr, BinaryOp, CallExpr, Callee, Expr, Lit, MemberProp, MetaPropKind, NewExpr, Program, Tpl};
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::diagnostics::Location;
use crate::scan::locate;

/// Stands for the module's directory in a computed path (no real path contains a NUL).
pub const MODULE_DIR: &str = "\0";

/// One expression naming a file or directory next to the module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetRef {
    /// The path, starting with [`MODULE_DIR`] (or `/` when the code names an absolute path);
    /// `None` when part of it is only known at run time.
    pub path: Option<String>,
    /// For an unknown path, the directory its known beginning names, if any.
    pub known_prefix: Option<String>,
    /// The expression as written, for messages.
    pub text: String,
    pub location: Location,
}

pub fn asset_refs(program: &Program, source_map: &SourceMap, display_path: &str) -> Vec<AssetRef> {
    let mut finder = Finder { source_map, display_path, found: Vec::new() };
    program.visit_with(&mut finder);
    finder.found
}

struct Finder<'a> {
    source_map: &'a SourceMap,
    display_path: &'a str,
    found: Vec<AssetRef>,
}

impl Finder<'_> {
    fn record(&mut self, span: Span, computed: Partial) {
        let text = self.source_map.with_snippet_of_span(span, str::to_owned).unwrap_or_default();
        let text = shorten(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        let location = locate(self.source_map, self.display_path, span);
        let (path, known_prefix) = if computed.complete {
            (Some(computed.text), None)
        } else {
            // What is known names a directory only up to its last `/`.
            let prefix = computed.text.rfind('/').map(|at| computed.text[..at].to_owned());
            (None, prefix.or_else(|| computed.text.starts_with(MODULE_DIR).then(|| MODULE_DIR.to_owned())))
        };
        self.found.push(AssetRef { path, known_prefix, text, location });
    }
}

impl Visit for Finder<'_> {
    fn visit_expr(&mut self, expr: &Expr) {
        if let Some(computed) = rooted_path(expr) {
            self.record(expr.span(), computed);
            return;
        }
        expr.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        // `require(...)` arguments are modules, which the dependency scan handles.
        if is_require(&call.callee) {
            return;
        }
        call.visit_children_with(self);
    }
}

fn is_require(callee: &Callee) -> bool {
    let Callee::Expr(callee) = callee else { return false };
    match &**callee {
        Expr::Ident(ident) => ident.sym == *"require",
        Expr::Member(member) => matches!(&*member.obj, Expr::Ident(object) if object.sym == *"require"),
        _ => false,
    }
}

/// A path as far as it can be computed without running the code.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Partial {
    text: String,
    complete: bool,
}

impl Partial {
    fn known(text: impl Into<String>) -> Partial {
        Partial { text: text.into(), complete: true }
    }

    fn unknown() -> Partial {
        Partial { text: String::new(), complete: false }
    }
}

/// The path `expr` computes when it is one of the recognised forms rooted at the module's
/// directory; `None` for anything else.
fn rooted_path(expr: &Expr) -> Option<Partial> {
    match expr {
        Expr::Paren(inner) => rooted_path(&inner.expr),
        Expr::Call(call) => path_call(call).filter(|(_, args)| args.first().is_some_and(|first| is_rooted(first))).map(|(resolve, args)| join_args(&args, resolve)),
        Expr::Bin(bin) if bin.op == BinaryOp::Add && leftmost_is_rooted(bin) => Some(evaluate(expr)),
        Expr::Tpl(tpl) if template_is_rooted(tpl) => Some(evaluate(expr)),
        Expr::New(new) => url_from_import_meta(new),
        _ => None,
    }
}

/// Whether `expr` starts at the module's directory.
fn is_rooted(expr: &Expr) -> bool {
    is_dirname(expr) || rooted_path(expr).is_some()
}

/// `__dirname`, or `path.dirname(__filename)`.
fn is_dirname(expr: &Expr) -> bool {
    match expr {
        Expr::Ident(ident) => ident.sym == *"__dirname",
        Expr::Paren(inner) => is_dirname(&inner.expr),
        Expr::Call(call) => {
            method_name(&call.callee).is_some_and(|name| name == "dirname")
                && matches!(call.args.as_slice(), [arg] if matches!(&*arg.expr, Expr::Ident(ident) if ident.sym == *"__filename"))
        }
        _ => false,
    }
}

fn leftmost_is_rooted(bin: &BinExpr) -> bool {
    match &*bin.left {
        Expr::Bin(left) if left.op == BinaryOp::Add => leftmost_is_rooted(left),
        left => is_rooted(left),
    }
}

fn template_is_rooted(tpl: &Tpl) -> bool {
    let starts_empty = tpl.quasis.first().and_then(|quasi| quasi.cooked.as_ref()).and_then(|cooked| cooked.as_str()) == Some("");
    starts_empty && tpl.exprs.first().is_some_and(|first| is_rooted(first))
}

/// `X.join(...)` / `X.resolve(...)` / `join(...)` / `resolve(...)`: whether it resolves, and
/// its arguments.
fn path_call(call: &CallExpr) -> Option<(bool, Vec<&Expr>)> {
    let name = method_name(&call.callee)?;
    if name != "join" && name != "resolve" {
        return None;
    }
    if call.args.iter().any(|arg| arg.spread.is_some()) {
        return None;
    }
    Some((name == "resolve", call.args.iter().map(|arg| &*arg.expr).collect()))
}

/// The function name of `name(...)` or `object.name(...)`.
fn method_name(callee: &Callee) -> Option<&str> {
    let Callee::Expr(callee) = callee else { return None };
    match &**callee {
        Expr::Ident(ident) => Some(&ident.sym),
        Expr::Member(member) => match &member.prop {
            MemberProp::Ident(prop) => Some(&prop.sym),
            _ => None,
        },
        _ => None,
    }
}

/// `path.join` (segments glued with `/`) or `path.resolve` (an absolute segment starts over).
fn join_args(args: &[&Expr], resolve: bool) -> Partial {
    let mut text = String::new();
    for arg in args {
        let part = evaluate(arg);
        let absolute = part.text.starts_with('/') || part.text.starts_with(MODULE_DIR);
        if resolve && absolute {
            text.clear();
        } else if !text.is_empty() && !part.text.is_empty() {
            text.push('/');
        }
        text.push_str(&part.text);
        if !part.complete {
            // What follows is another segment: the known part ends a directory.
            if part.text.is_empty() && !text.is_empty() {
                text.push('/');
            }
            return Partial { text, complete: false };
        }
    }
    Partial::known(text)
}

/// The text of a string-valued expression, as far as it is static.
fn evaluate(expr: &Expr) -> Partial {
    if is_dirname(expr) {
        return Partial::known(MODULE_DIR);
    }
    match expr {
        Expr::Paren(inner) => evaluate(&inner.expr),
        Expr::Lit(Lit::Str(text)) => text.value.as_str().map_or_else(Partial::unknown, Partial::known),
        Expr::Bin(bin) if bin.op == BinaryOp::Add => {
            let left = evaluate(&bin.left);
            if !left.complete {
                return left;
            }
            let right = evaluate(&bin.right);
            Partial { text: left.text + &right.text, complete: right.complete }
        }
        Expr::Tpl(tpl) => evaluate_template(tpl),
        Expr::Call(_) | Expr::New(_) => rooted_path(expr).unwrap_or_else(Partial::unknown),
        _ => Partial::unknown(),
    }
}

fn evaluate_template(tpl: &Tpl) -> Partial {
    let mut text = String::new();
    for (index, quasi) in tpl.quasis.iter().enumerate() {
        match quasi.cooked.as_ref().and_then(|cooked| cooked.as_str()) {
            Some(cooked) => text.push_str(cooked),
            None => return Partial { text, complete: false },
        }
        if let Some(expr) = tpl.exprs.get(index) {
            let part = evaluate(expr);
            text.push_str(&part.text);
            if !part.complete {
                return Partial { text, complete: false };
            }
        }
    }
    Partial::known(text)
}

/// `new URL('./x', import.meta.url)`: a relative URL against the module's own.
fn url_from_import_meta(new: &NewExpr) -> Option<Partial> {
    let is_url = matches!(&*new.callee, Expr::Ident(ident) if ident.sym == *"URL");
    let args = new.args.as_ref()?;
    let [relative, base] = args.as_slice() else { return None };
    let base_is_module = matches!(&*base.expr, Expr::Member(member)
        if matches!(&*member.obj, Expr::MetaProp(meta) if meta.kind == MetaPropKind::ImportMeta)
        && matches!(&member.prop, MemberProp::Ident(prop) if prop.sym == *"url"));
    if !is_url || !base_is_module {
        return None;
    }
    let relative = evaluate(&relative.expr);
    // `https://...` or `data:...` is not a file next to the module.
    if relative.text.contains(':') {
        return None;
    }
    let text = if relative.text.starts_with('/') { relative.text } else { format!("{MODULE_DIR}/{}", relative.text) };
    Some(Partial { text, complete: relative.complete })
}

fn shorten(text: &str) -> String {
    const LIMIT: usize = 80;
    if text.chars().count() <= LIMIT {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(LIMIT - 3).collect();
    short.push_str("...");
    short
}

#[cfg(test)]
mod tests {
    use crate::transform::{transform, Dialect, Options};

    /// (path with the module directory as `@`, known prefix, text) of each reference found.
    fn found(source: &str) -> Vec<(Option<String>, Option<String>, String)> {
        let output = transform("t.js", source, Dialect::JavaScript, &Options::default()).unwrap();
        let show = |text: Option<String>| text.map(|text| text.replace(super::MODULE_DIR, "@"));
        output.asset_refs.into_iter().map(|found| (show(found.path), show(found.known_prefix), found.text)).collect()
    }

    fn paths(source: &str) -> Vec<String> {
        found(source).into_iter().map(|(path, _, _)| path.unwrap_or_else(|| "?".into())).collect()
    }

    #[test]
    fn the_usual_forms() {
        assert_eq!(paths("path.join(__dirname, '..', 'fonts')"), ["@/../fonts"]);
        assert_eq!(paths("path.resolve(__dirname, 'x')"), ["@/x"]);
        assert_eq!(paths("fs.readFileSync(__dirname + '/x.json')"), ["@/x.json"]);
        assert_eq!(paths("fs.readFileSync(`${__dirname}/t/${'a'}.txt`)"), ["@/t/a.txt"]);
        assert_eq!(paths("new URL('./x', import.meta.url)"), ["@/./x"]);
        assert_eq!(paths("join(path.dirname(__filename), 'a', `b`)"), ["@/a/b"]);
        assert_eq!(paths("path.resolve(__dirname, '/etc/passwd')"), ["/etc/passwd"]);
        assert_eq!(paths("path.join(path.join(__dirname, 'a'), 'b')"), ["@/a/b"]);
    }

    #[test]
    fn unknown_parts_keep_the_known_directory() {
        let found = found("const f = path.join(__dirname, 'templates', name);");
        assert_eq!(found, [(None, Some("@/templates".into()), "path.join(__dirname, 'templates', name)".into())]);
        assert_eq!(paths("fs.readFileSync(__dirname + '/' + file)"), ["?"]);
    }

    #[test]
    fn other_bases_and_requires_are_ignored() {
        assert!(found("path.join(os.tmpdir(), 'x'); path.join(process.cwd(), 'y'); require(path.join(__dirname, 'z'))").is_empty());
        assert!(found("new URL('https://example.com/', import.meta.url); new URL('./x', base)").is_empty());
        assert!(found("['a', 'b'].join('/')").is_empty());
    }

    #[test]
    fn line_and_column_point_at_the_expression() {
        let output = transform("lib/x.js", "\n\nconst t = path.join(__dirname, 't');\n", Dialect::JavaScript, &Options::default()).unwrap();
        let location = &output.asset_refs[0].location;
        assert_eq!((location.file.as_str(), location.line, location.column), ("lib/x.js", 3, 11));
    }
}
