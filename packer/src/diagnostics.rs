//! Diagnostics the packer prints: `path:line:col: error: message`, the source line with the
//! spot marked, then `help:` and `note:` lines. Paths are relative to the project root, so
//! output is the same on every machine.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file; line and column are 1-based, the column counts characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The text of that line, shown under the message.
    pub source_line: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Where it happened; `None` for problems with no place in a source file (a missing entry).
    /// Boxed to keep `Result<_, Diagnostic>` small on the happy path.
    pub location: Option<Box<Location>>,
    pub notes: Vec<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, message: message.into(), location: None, notes: Vec::new(), help: None }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    pub fn at(mut self, location: Location) -> Diagnostic {
        self.location = Some(Box::new(location));
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location {
            Some(at) => writeln!(f, "{}:{}:{}: {label}: {}", at.file, at.line, at.column, self.message)?,
            None => writeln!(f, "{label}: {}", self.message)?,
        }
        if let Some(at) = &self.location {
            let gutter = at.line.to_string().len();
            writeln!(f, "{:gutter$} |", "")?;
            writeln!(f, "{} | {}", at.line, at.source_line)?;
            writeln!(f, "{:gutter$} | {:>width$}", "", "^", width = at.column)?;
        }
        for note in &self.notes {
            writeln!(f, "  = note: {note}")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {help}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_source_line_and_help() {
        let diagnostic = Diagnostic::error("Cannot find module './missing'")
            .at(Location { file: "src/a.js".into(), line: 12, column: 5, source_line: "let x = require('./missing');".into() })
            .note("required by index.js")
            .help("check the path");
        assert_eq!(
            diagnostic.to_string(),
            "src/a.js:12:5: error: Cannot find module './missing'\n   |\n12 | let x = require('./missing');\n   |     ^\n  = note: required by index.js\n  = help: check the path\n"
        );
    }

    #[test]
    fn renders_without_location() {
        assert_eq!(Diagnostic::warning("hm").to_string(), "warning: hm\n");
    }
}
