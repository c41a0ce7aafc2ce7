//! What `pack build X` packs and what it names the result.
//!
//! - X a file (a `.js`/`.cjs`/`.mjs`/`.ts` script, an extensionless `#!/usr/bin/env node`
//!   file, or a symlink such as `node_modules/.bin/tool`): that file, followed through symlinks
//!   so relative requires resolve from where it really lives. The executable is named after the
//!   file's stem *as given* (`node_modules/.bin/tool` gives `tool`, `src/cli.js` gives `cli`).
//! - X a package directory (`.`, `node_modules/<pkg>`): its package.json `bin`, a string or an
//!   object of name -> file; with several, `--bin NAME` picks one. The executable is named after
//!   the bin. A package without `bin` falls back to its `main` (or `index.js`), named after the
//!   package.
//!
//! Without `-o`, the executable is written into the current directory under that name.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde_json::Value;

/// The script to pack and the executable's name when `-o` is not given.
#[derive(Debug, PartialEq, Eq)]
pub struct Target {
    pub entry: PathBuf,
    pub name: String,
}

/// Where `pack build` reads from and writes to.
pub fn choose(given: &Path, bin: Option<&str>, output: Option<PathBuf>) -> anyhow::Result<(PathBuf, PathBuf)> {
    let target = resolve(given, bin)?;
    let output = output.unwrap_or_else(|| PathBuf::from(&target.name));
    refuse_overwriting_the_entry(&target.entry, &output)?;
    Ok((target.entry, output))
}

/// The entry for `pack run X`: as for `pack build`, without the naming.
pub fn for_run(given: &Path) -> anyhow::Result<PathBuf> {
    if given.is_dir() {
        return resolve(given, None).map(|target| target.entry);
    }
    Ok(given.to_path_buf())
}

pub fn resolve(given: &Path, bin: Option<&str>) -> anyhow::Result<Target> {
    if !given.is_dir() {
        if bin.is_some() {
            bail!("--bin picks one of a package's executables: give the package directory, not the file '{}'", given.display());
        }
        return Ok(Target { entry: given.to_path_buf(), name: file_stem(given) });
    }
    let manifest_path = given.join("package.json");
    let text = std::fs::read_to_string(&manifest_path).with_context(|| {
        format!("'{}' is a directory without a readable package.json; give the app's main script instead", given.display())
    })?;
    let manifest: Value =
        serde_json::from_str(&text).with_context(|| format!("invalid package.json '{}'", manifest_path.display()))?;
    let package_name = manifest.get("name").and_then(Value::as_str).filter(|name| !name.is_empty());
    let bins = bins(&manifest, package_name)?;
    let (name, file) = match (bins.as_slice(), bin) {
        ([], None) => return main_of(given, &manifest, package_name),
        ([], Some(wanted)) => bail!("--bin {wanted}: '{}' declares no \"bin\"", manifest_path.display()),
        ([only], None) => only.clone(),
        (_, None) => bail!(
            "'{}' declares several executables; choose one with --bin NAME: {}",
            manifest_path.display(),
            names(&bins)
        ),
        (_, Some(wanted)) => match bins.iter().find(|(name, _)| name == wanted) {
            Some(found) => found.clone(),
            None => bail!("--bin {wanted}: no such executable in '{}'; it declares: {}", manifest_path.display(), names(&bins)),
        },
    };
    let entry = given.join(&file);
    if !entry.is_file() {
        bail!("the \"bin\" '{name}' of '{}' is '{file}', which is not a file", manifest_path.display());
    }
    Ok(Target { entry, name })
}

/// The `bin` field as (name, file) pairs, in the order written. A string names the package's
/// one executable after the package (without its `@scope/`), as npm does.
fn bins(manifest: &Value, package_name: Option<&str>) -> anyhow::Result<Vec<(String, String)>> {
    match manifest.get("bin") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(file)) => {
            let Some(package) = package_name else {
                bail!("package.json has a \"bin\" string but no \"name\" to call the executable; give -o")
            };
            Ok(vec![(unscoped(package).to_owned(), file.clone())])
        }
        Some(Value::Object(map)) => map
            .iter()
            .map(|(name, file)| match file {
                Value::String(file) => Ok((name.clone(), file.clone())),
                _ => bail!("package.json \"bin\": the entry for '{name}' must be a file path string"),
            })
            .collect(),
        Some(_) => bail!("package.json \"bin\" must be a file path or an object of name -> file path"),
    }
}

/// A package without executables: its `main`, else `index.js`, named after the package.
fn main_of(dir: &Path, manifest: &Value, package_name: Option<&str>) -> anyhow::Result<Target> {
    let main = manifest.get("main").and_then(Value::as_str).unwrap_or("index.js");
    let candidates = [dir.join(main), dir.join(format!("{main}.js")), dir.join(main).join("index.js")];
    let Some(entry) = candidates.into_iter().find(|candidate| candidate.is_file()) else {
        bail!("'{}' has no \"bin\" and no main script ('{main}'); give the script to pack", dir.display());
    };
    let name = match package_name {
        Some(package) => unscoped(package).to_owned(),
        None => file_stem(&entry),
    };
    Ok(Target { entry, name })
}

fn unscoped(package: &str) -> &str {
    package.rsplit('/').next().unwrap_or(package)
}

fn names(bins: &[(String, String)]) -> String {
    bins.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>().join(", ")
}

/// `cli.js` -> `cli`, `tool` -> `tool`, `app.test.mjs` -> `app.test`.
fn file_stem(path: &Path) -> String {
    path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_else(|| "app".to_owned())
}

/// `pack build tool` in the directory holding the extensionless script `tool` would name the
/// executable after the script itself.
fn refuse_overwriting_the_entry(entry: &Path, output: &Path) -> anyhow::Result<()> {
    let (Ok(entry_real), Ok(output_real)) = (entry.canonicalize(), output.canonicalize()) else { return Ok(()) };
    if output_real == entry_real {
        bail!("the executable would overwrite the script '{}' itself; choose another name with -o", entry.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(manifest: &str, files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("package.json"), manifest).unwrap();
        for file in files {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        dir
    }

    fn name_and_file(dir: &tempfile::TempDir, bin: Option<&str>) -> anyhow::Result<(String, String)> {
        let target = resolve(dir.path(), bin)?;
        Ok((target.name, target.entry.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned()))
    }

    #[test]
    fn bin_string_is_named_after_the_unscoped_package() {
        let dir = package(r#"{"name": "@me/tool", "bin": "cli.js"}"#, &["cli.js"]);
        assert_eq!(name_and_file(&dir, None).unwrap(), ("tool".into(), "cli.js".into()));
    }

    #[test]
    fn several_bins_need_a_choice_and_the_error_lists_them() {
        let dir = package(r#"{"name": "x", "bin": {"one": "bin/one", "two": "./bin/two.js"}}"#, &["bin/one", "bin/two.js"]);
        let err = name_and_file(&dir, None).unwrap_err().to_string();
        assert!(err.ends_with("declares several executables; choose one with --bin NAME: one, two"), "{err}");
        assert_eq!(name_and_file(&dir, Some("two")).unwrap(), ("two".into(), "bin/two.js".into()));
        let err = name_and_file(&dir, Some("three")).unwrap_err().to_string();
        assert!(err.contains("no such executable") && err.ends_with("it declares: one, two"), "{err}");
    }

    #[test]
    fn without_bin_the_main_is_used() {
        let dir = package(r#"{"name": "lib", "main": "src/main"}"#, &["src/main.js"]);
        assert_eq!(name_and_file(&dir, None).unwrap(), ("lib".into(), "src/main.js".into()));
    }

    #[test]
    fn a_missing_bin_file_is_an_error() {
        let dir = package(r#"{"name": "x", "bin": "gone.js"}"#, &[]);
        assert!(name_and_file(&dir, None).unwrap_err().to_string().contains("which is not a file"));
    }

    #[test]
    fn a_file_is_named_after_its_stem_as_given() {
        assert_eq!(resolve(Path::new("Cargo.toml"), None).unwrap().name, "Cargo");
        assert!(resolve(Path::new("Cargo.toml"), Some("x")).is_err());
    }
}
