//! The npm packages an app is made of, for its SBOM and third-party notices.
//!
//! After the graph is walked, every module or asset under a `node_modules/<name>` (or
//! `node_modules/@scope/<name>`) directory belongs to that package. Its package.json gives the
//! name, version and licence; the project's lockfile gives the integrity hash; its LICENSE,
//! LICENCE and COPYING files give the texts. All of it goes into the payload, so a packed
//! executable can still list them (`pack inspect --sbom`, `--licenses`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use base64::Engine;
use payload::{Bundle, LicenseFile, Package};
use serde_json::{json, Value};

/// The packages the bundle's modules and assets come from, sorted by directory.
pub fn collect(root: &Path, bundle: &Bundle) -> Vec<Package> {
    let keys = bundle.modules.iter().map(|module| &module.key).chain(bundle.assets.iter().map(|asset| &asset.key));
    let directories: BTreeSet<String> = keys.filter_map(|key| package_dir(key)).collect();
    let lockfile = Lockfile::find(root);
    directories.into_iter().map(|dir| describe(root, &dir, &lockfile)).collect()
}

/// `node_modules/a/node_modules/@s/b/lib/x.js` -> `node_modules/a/node_modules/@s/b`: the
/// innermost package directory holding `key`, if any.
fn package_dir(key: &str) -> Option<String> {
    let parts: Vec<&str> = key.split('/').collect();
    let at = parts.iter().rposition(|&part| part == "node_modules")?;
    let name_parts = if parts.get(at + 1)?.starts_with('@') { 2 } else { 1 };
    // A file must follow the package directory, or this is no package.
    if at + name_parts + 1 >= parts.len() {
        return None;
    }
    Some(parts[..=at + name_parts].join("/"))
}

fn describe(root: &Path, dir: &str, lockfile: &Lockfile) -> Package {
    let on_disk = root.join(dir);
    let manifest: Value = std::fs::read(on_disk.join("package.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or(Value::Null);
    let text = |field: &str| manifest.get(field).and_then(Value::as_str).map(str::to_owned);
    let fallback_name = dir.rsplit_once("node_modules/").map_or(dir, |(_, name)| name).to_owned();
    Package {
        name: text("name").unwrap_or(fallback_name),
        version: text("version").unwrap_or_default(),
        license: declared_license(&manifest),
        path: dir.to_owned(),
        integrity: lockfile.integrity(dir),
        license_files: license_files(&on_disk),
    }
}

/// The package.json `license` (a string, or the old `{ "type": ... }` object), else the old
/// `licenses` array joined as an SPDX `OR`.
fn declared_license(manifest: &Value) -> Option<String> {
    let type_or_string = |value: &Value| value.as_str().or_else(|| value.get("type")?.as_str()).map(str::to_owned);
    if let Some(license) = manifest.get("license").and_then(type_or_string) {
        return Some(license).filter(|license| !license.is_empty());
    }
    let listed: Vec<String> = manifest.get("licenses")?.as_array()?.iter().filter_map(type_or_string).collect();
    match listed.len() {
        0 => None,
        1 => listed.into_iter().next(),
        _ => Some(format!("({})", listed.join(" OR "))),
    }
}

/// LICENSE, LICENCE and COPYING files (any case, any extension or suffix) at the top of the
/// package directory.
fn license_files(dir: &Path) -> Vec<LicenseFile> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<LicenseFile> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let upper = name.to_ascii_uppercase();
            if !["LICENSE", "LICENCE", "COPYING"].iter().any(|prefix| upper.starts_with(prefix)) {
                return None;
            }
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).ok()?).into_owned();
            Some(LicenseFile { name, text })
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// The `packages` map of the project's npm lockfile, if there is one.
struct Lockfile {
    packages: BTreeMap<String, Value>,
}

impl Lockfile {
    /// package-lock.json, npm-shrinkwrap.json, or npm's hidden lockfile inside node_modules.
    fn find(root: &Path) -> Lockfile {
        let candidates = ["package-lock.json", "npm-shrinkwrap.json", "node_modules/.package-lock.json"];
        let packages = candidates
            .iter()
            .filter_map(|name| std::fs::read(root.join(name)).ok())
            .filter_map(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
            .find_map(|lock| Some(lock.get("packages")?.as_object()?.clone().into_iter().collect()))
            .unwrap_or_default();
        Lockfile { packages }
    }

    fn integrity(&self, dir: &str) -> Option<String> {
        self.packages.get(dir)?.get("integrity")?.as_str().map(str::to_owned)
    }
}

const RULE: &str = "================================================================================";
const THIN_RULE: &str = "--------------------------------------------------------------------------------";

/// The third-party notices file: every package with its licence texts. `pack build --notices`
/// writes it and `pack inspect --licenses` prints it, from the same data.
pub fn notices(packages: &[Package]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "THIRD-PARTY SOFTWARE NOTICES\n");
    if packages.is_empty() {
        let _ = writeln!(out, "This program includes no npm packages.");
        return out;
    }
    let count = packages.len();
    let _ = writeln!(out, "This program includes the following {count} npm package{}:\n", if count == 1 { "" } else { "s" });
    for package in packages {
        let _ = writeln!(out, "  {} {} ({})", package.name, package.version, package.license.as_deref().unwrap_or("no licence declared"));
    }
    for package in packages {
        let _ = writeln!(out, "\n{RULE}\n{} {}", package.name, package.version);
        let _ = writeln!(out, "License: {}", package.license.as_deref().unwrap_or("none declared"));
        let _ = writeln!(out, "Path: {}", package.path);
        if package.license_files.is_empty() {
            let _ = writeln!(out, "{THIN_RULE}\n(the package has no licence file; its package.json declares: {})", package.license.as_deref().unwrap_or("nothing"));
        }
        for file in &package.license_files {
            let _ = writeln!(out, "{THIN_RULE}\n{}:\n\n{}", file.name, file.text.trim_end());
        }
    }
    out
}

/// A CycloneDX 1.5 JSON SBOM of the packages. It has no serial number or timestamp, so the
/// same executable always gives the same document.
pub fn sbom(app_name: &str, packages: &[Package]) -> Value {
    let mut seen = BTreeSet::new();
    let components: Vec<Value> = packages
        .iter()
        .filter(|package| seen.insert(purl(package)))
        .map(component)
        .collect();
    json!({
        "$schema": "http://cyclonedx.org/schema/bom-1.5.schema.json",
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "version": 1,
        "metadata": {
            "tools": {
                "components": [{ "type": "application", "name": "pack", "version": env!("CARGO_PKG_VERSION") }]
            },
            "component": { "type": "application", "bom-ref": "app", "name": app_name }
        },
        "components": components,
    })
}

fn component(package: &Package) -> Value {
    let (group, name) = match package.name.split_once('/') {
        Some((scope, name)) if scope.starts_with('@') => (Some(scope), name),
        _ => (None, package.name.as_str()),
    };
    let purl = purl(package);
    let mut component = json!({ "type": "library", "bom-ref": purl });
    if let Some(group) = group {
        component["group"] = json!(group);
    }
    component["name"] = json!(name);
    if !package.version.is_empty() {
        component["version"] = json!(package.version);
    }
    if let Some(license) = &package.license {
        component["licenses"] = if is_spdx_expression(license) {
            json!([{ "expression": license }])
        } else {
            json!([{ "license": { "name": license } }])
        };
    }
    component["purl"] = json!(purl);
    let hashes = package.integrity.as_deref().map(integrity_hashes).unwrap_or_default();
    if !hashes.is_empty() {
        component["hashes"] = json!(hashes);
    }
    component["properties"] = json!([{ "name": "pack:path", "value": package.path }]);
    component
}

/// `pkg:npm/%40scope/name@1.0.0`, as the package-url spec writes npm packages.
fn purl(package: &Package) -> String {
    let name = package.name.split('/').map(percent_encode).collect::<Vec<_>>().join("/");
    if package.version.is_empty() {
        format!("pkg:npm/{name}")
    } else {
        format!("pkg:npm/{name}@{}", percent_encode(&package.version))
    }
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'~' => (byte as char).to_string(),
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// Whether `text` reads as an SPDX licence expression (identifiers joined with AND, OR, WITH
/// and parentheses), which CycloneDX takes as `expression`; anything else is a licence name.
fn is_spdx_expression(text: &str) -> bool {
    let spaced = text.replace('(', " ( ").replace(')', " ) ");
    // Operands and operators must alternate, and parentheses balance.
    let mut after_operand = false;
    let mut depth = 0usize;
    for token in spaced.split_whitespace() {
        let fits = match token {
            "AND" | "OR" | "WITH" => std::mem::replace(&mut after_operand, false),
            "(" => {
                depth += 1;
                !after_operand
            }
            ")" => {
                let open = depth > 0;
                depth = depth.saturating_sub(1);
                open && after_operand
            }
            identifier => {
                let valid = identifier.bytes().all(|byte| byte.is_ascii_alphanumeric() || b".-+:".contains(&byte));
                valid && !std::mem::replace(&mut after_operand, true)
            }
        };
        if !fits {
            return false;
        }
    }
    after_operand && depth == 0
}

/// npm's `sha512-<base64>` (space-separated when several) as CycloneDX hashes (hex).
fn integrity_hashes(integrity: &str) -> Vec<Value> {
    integrity
        .split_whitespace()
        .filter_map(|entry| {
            let (algorithm, encoded) = entry.split_once('-')?;
            let name = match algorithm {
                "sha1" => "SHA-1",
                "sha256" => "SHA-256",
                "sha384" => "SHA-384",
                "sha512" => "SHA-512",
                _ => return None,
            };
            let digest = base64::engine::general_purpose::STANDARD.decode(encoded.split('?').next()?).ok()?;
            Some(json!({ "alg": name, "content": hex(&digest) }))
        })
        .collect()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_directories_from_keys() {
        assert_eq!(package_dir("node_modules/chalk/source/index.js").as_deref(), Some("node_modules/chalk"));
        assert_eq!(package_dir("node_modules/a/node_modules/@s/b/x.js").as_deref(), Some("node_modules/a/node_modules/@s/b"));
        assert_eq!(package_dir("../node_modules/ms/index.js").as_deref(), Some("../node_modules/ms"));
        assert_eq!(package_dir("src/index.js"), None);
        assert_eq!(package_dir("node_modules/loose.js"), None);
        assert_eq!(package_dir("node_modules/@scope/loose.js"), None);
    }

    #[test]
    fn licences_old_and_new() {
        assert_eq!(declared_license(&json!({ "license": "MIT" })).as_deref(), Some("MIT"));
        assert_eq!(declared_license(&json!({ "license": { "type": "ISC" } })).as_deref(), Some("ISC"));
        assert_eq!(declared_license(&json!({ "licenses": [{ "type": "MIT" }, { "type": "GPL-2.0" }] })).as_deref(), Some("(MIT OR GPL-2.0)"));
        assert_eq!(declared_license(&json!({})), None);
    }

    #[test]
    fn expressions_and_names() {
        assert!(is_spdx_expression("MIT"));
        assert!(is_spdx_expression("(MIT OR Apache-2.0) AND GPL-2.0+ WITH Classpath-exception-2.0"));
        assert!(!is_spdx_expression("SEE LICENSE IN LICENSE.txt"));
        assert!(!is_spdx_expression(""));
        assert!(!is_spdx_expression("MIT OR"));
        assert!(!is_spdx_expression("(MIT"));
    }

    #[test]
    fn purls_encode_scopes_and_versions() {
        let package = Package { name: "@types/node".into(), version: "1.0.0+build".into(), ..Package::default() };
        assert_eq!(purl(&package), "pkg:npm/%40types/node@1.0.0%2Bbuild");
    }

    #[test]
    fn integrity_becomes_hex() {
        let hashes = integrity_hashes("sha1-AAEC sha512-/w==");
        assert_eq!(hashes, vec![json!({ "alg": "SHA-1", "content": "000102" }), json!({ "alg": "SHA-512", "content": "ff" })]);
    }
}
