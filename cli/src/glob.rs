//! Path globs for `exclude` and `per-file-ignores`: a pattern without `/` matches any path
//! component (like `.gitignore`), one with `/` matches the path from the config's directory.

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

#[derive(Clone)]
pub struct GlobList {
    anchored: GlobSet,
    component: GlobSet,
}

impl GlobList {
    pub fn new(patterns: &[String]) -> Result<Self, String> {
        let mut anchored = GlobSetBuilder::new();
        let mut component = GlobSetBuilder::new();
        for pattern in patterns {
            let trimmed = pattern.trim_start_matches("./").trim_end_matches('/');
            let compile = |p: &str| -> Result<Glob, String> {
                GlobBuilder::new(p)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| format!("invalid glob `{pattern}`: {e}"))
            };
            if trimmed.contains('/') {
                anchored.add(compile(trimmed)?);
                // `dir/**` also names the directory itself, so the walk can skip it whole.
                if let Some(dir) = trimmed.strip_suffix("/**") {
                    anchored.add(compile(dir)?);
                }
            } else {
                component.add(compile(trimmed)?);
            }
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| e.to_string());
        Ok(GlobList {
            anchored: build(anchored)?,
            component: build(component)?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.anchored.is_empty() && self.component.is_empty()
    }

    /// `relative` is `/`-separated, from the config's directory.
    pub fn is_match(&self, relative: &str) -> bool {
        self.anchored.is_match(relative)
            || (!self.component.is_empty() && relative.split('/').any(|part| self.component.is_match(part)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(patterns: &[&str]) -> GlobList {
        GlobList::new(&patterns.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn component_and_anchored_patterns() {
        let globs = list(&["vendor", "*.min.js", "docs/**", "src/gen/*.py"]);
        assert!(globs.is_match("vendor"));
        assert!(globs.is_match("a/vendor/b.py"));
        assert!(globs.is_match("web/app.min.js"));
        assert!(globs.is_match("docs"));
        assert!(globs.is_match("docs/a/b.md"));
        assert!(globs.is_match("src/gen/x.py"));
        assert!(!globs.is_match("src/gen/sub/x.py"));
        assert!(!globs.is_match("src/docs/x.md"));
        assert!(!globs.is_match("app.js"));
    }

    #[test]
    fn invalid_globs_are_errors() {
        assert!(GlobList::new(&["a[".to_string()]).is_err());
    }
}
