//! Files the user declares beyond what `require` reaches: `--include GLOB` on the command line
//! and the `"pack"` field of the project's package.json:
//!
//! ```json
//! { "pack": { "assets": ["static/**/*", "*.wasm"], "scripts": ["plugins/*.js"] } }
//! ```
//!
//! Scripts become modules (transformed, their requires followed), so `require(variable)` finds
//! them; assets are embedded byte for byte for `fs` to read. A `--include` match that is
//! JavaScript, TypeScript or JSON counts as a script, anything else as an asset. Globs are
//! relative to the project root.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

#[derive(Debug, Default)]
pub struct Declared {
    pub scripts: Vec<PathBuf>,
    pub assets: Vec<PathBuf>,
}

const SCRIPT_EXTENSIONS: &[&str] = &["js", "cjs", "mjs", "json", "ts", "mts", "cts", "tsx"];

/// Whether `file` is loaded as a module (JavaScript, TypeScript, JSON) rather than read as data.
pub fn is_script(file: &Path) -> bool {
    file.extension().and_then(|e| e.to_str()).is_some_and(|e| SCRIPT_EXTENSIONS.contains(&e))
}

/// Expands the declared globs under `root`; a glob that matches no file is a warning.
pub fn declared_files(root: &Path, includes: &[String], warnings: &mut Vec<Diagnostic>) -> Result<Declared, Diagnostic> {
    let field = package_field(root)?;
    let mut declared = Declared::default();
    for pattern in includes {
        for file in expand(root, pattern, "--include", warnings)? {
            if is_script(&file) { &mut declared.scripts } else { &mut declared.assets }.push(file);
        }
    }
    for pattern in &field.scripts {
        declared.scripts.extend(expand(root, pattern, "package.json \"pack.scripts\"", warnings)?);
    }
    for pattern in &field.assets {
        declared.assets.extend(expand(root, pattern, "package.json \"pack.assets\"", warnings)?);
    }
    Ok(declared)
}

#[derive(Default)]
struct PackField {
    scripts: Vec<String>,
    assets: Vec<String>,
}

fn package_field(root: &Path) -> Result<PackField, Diagnostic> {
    let Ok(text) = std::fs::read_to_string(root.join("package.json")) else { return Ok(PackField::default()) };
    let Ok(manifest) = serde_json::from_str::<serde_json::Value>(&text) else {
        // A broken package.json is reported where resolution reads it.
        return Ok(PackField::default());
    };
    let Some(field) = manifest.get("pack") else { return Ok(PackField::default()) };
    let list = |name: &str| -> Result<Vec<String>, Diagnostic> {
        match field.get(name) {
            None => Ok(Vec::new()),
            Some(serde_json::Value::Array(items)) => items
                .iter()
                .map(|item| item.as_str().map(str::to_owned).ok_or_else(|| bad_field(name)))
                .collect(),
            Some(_) => Err(bad_field(name)),
        }
    };
    Ok(PackField { scripts: list("scripts")?, assets: list("assets")? })
}

fn bad_field(name: &str) -> Diagnostic {
    Diagnostic::error(format!("package.json: \"pack.{name}\" must be an array of glob strings"))
        .help(format!("for example \"pack\": {{ \"{name}\": [\"data/**/*\"] }}"))
}

fn expand(root: &Path, pattern: &str, origin: &str, warnings: &mut Vec<Diagnostic>) -> Result<Vec<PathBuf>, Diagnostic> {
    // glob's "dir/**" yields the directories below dir but not dir itself.
    let pattern_dir = pattern.strip_suffix("/**").unwrap_or(pattern);
    let full = root.join(pattern_dir);
    let matches = glob::glob(&full.to_string_lossy())
        .map_err(|err| Diagnostic::error(format!("{origin}: invalid glob '{pattern}': {err}")))?;
    // A matched directory stands for every file under it, so "public" and "public/**" work
    // as people write them, not only "public/**/*".
    let mut files = Vec::new();
    for path in matches.filter_map(Result::ok) {
        files_under(&path, &mut files);
    }
    files.sort();
    files.dedup();
    if files.is_empty() {
        warnings.push(Diagnostic::warning(format!("{origin}: '{pattern}' matches no file")));
    }
    Ok(files)
}

fn files_under(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_file() {
        if let Ok(real) = path.canonicalize() {
            files.push(real);
        }
    } else if let Ok(entries) = std::fs::read_dir(path) {
        for entry in entries.flatten() {
            files_under(&entry.path(), files);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_globs_split_into_scripts_and_assets() {
        let dir = tempfile::tempdir().unwrap();
        for file in ["plugins/a.js", "plugins/b.ts", "static/logo.png", "static/deep/x.txt"] {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        std::fs::write(dir.path().join("package.json"), r#"{"pack": {"assets": ["static/**/*"]}}"#).unwrap();
        let mut warnings = Vec::new();
        let declared = declared_files(dir.path(), &["plugins/*".into(), "nothing/*".into()], &mut warnings).unwrap();
        let names = |files: &[PathBuf]| -> Vec<String> { files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect() };
        assert_eq!(names(&declared.scripts), ["a.js", "b.ts"]);
        assert_eq!(names(&declared.assets), ["x.txt", "logo.png"], "in path order: static/deep/ sorts before static/logo.png");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].message, "--include: 'nothing/*' matches no file");
    }

    #[test]
    fn a_directory_glob_takes_the_files_under_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("public/css")).unwrap();
        std::fs::write(dir.path().join("public/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("public/css/site.css"), "x").unwrap();
        std::fs::write(dir.path().join("package.json"), r#"{"pack": {"assets": ["public/**"]}}"#).unwrap();
        let declared = declared_files(dir.path(), &[], &mut Vec::new()).unwrap();
        let names: Vec<_> = declared.assets.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["site.css", "index.html"]);
    }

    #[test]
    fn a_malformed_pack_field_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("package.json"), r#"{"pack": {"assets": "static"}}"#).unwrap();
        let err = declared_files(dir.path(), &[], &mut Vec::new()).unwrap_err();
        assert_eq!(err.message, "package.json: \"pack.assets\" must be an array of glob strings");
    }
}
