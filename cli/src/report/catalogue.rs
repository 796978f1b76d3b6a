//! The catalogue: `tollgate rules` (text, JSON, a Markdown table) and `tollgate explain`.

use tollgate_rules::{catalogue, Rule};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum CatalogueFormat {
    Text,
    Json,
    /// A Markdown table (the README's rule list).
    Markdown,
}

/// Every rule, in `format`.
pub fn rules(format: CatalogueFormat) -> Result<String, String> {
    let rules = catalogue().rules();
    let mut out = String::new();
    match format {
        CatalogueFormat::Text => {
            for rule in rules {
                let default = if rule.default_enabled { "" } else { " (off by default)" };
                let peers = if rule.peers.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", rule.peers.join(", "))
                };
                out.push_str(&format!(
                    "{:<40} {:<8} {}{default}{peers}\n",
                    rule.id,
                    rule.level.as_str(),
                    rule.summary
                ));
            }
        }
        CatalogueFormat::Markdown => {
            out.push_str("| rule | level | summary | peers |\n|---|---|---|---|\n");
            for rule in rules {
                let default = if rule.default_enabled { "" } else { " (off by default)" };
                let peers: Vec<String> = rule.peers.iter().map(|p| format!("`{p}`")).collect();
                out.push_str(&format!(
                    "| `{}` | {}{default} | {} | {} |\n",
                    rule.id,
                    rule.level,
                    rule.summary.replace('|', "\\|"),
                    peers.join(", ")
                ));
            }
            out.push('\n');
            out.push_str(&smells_by_language());
        }
        CatalogueFormat::Json => {
            let list: Vec<serde_json::Value> = rules
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "summary": r.summary,
                        "level": r.level.as_str(),
                        "default_enabled": r.default_enabled,
                        "tags": r.tags,
                        "security_severity": r.security_severity,
                        "precision": r.precision.as_str(),
                        "peers": r.peers,
                        "help": r.help,
                    })
                })
                .collect();
            out = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n";
        }
    }
    Ok(out)
}

/// A rule's documentation: its metadata, then its help.
/// The help of the rule `name` names: its id, or a peer code (`C901`, `ruff:PLR0913`,
/// `DL3008`), which may name several rules.
pub fn explain(name: &str) -> Result<String, String> {
    if let Some(rule) = tollgate_rules::find(name) {
        return Ok(explain_rule(rule));
    }
    let named: Vec<String> = catalogue()
        .rules()
        .iter()
        .filter(|rule| {
            rule.peers
                .iter()
                .any(|peer| *peer == name || peer.split_once(':').is_some_and(|(_, code)| code == name))
        })
        .map(|rule| explain_rule(rule))
        .collect();
    if named.is_empty() {
        return Err(format!(
            "unknown rule `{name}`: neither a rule id nor a peer code (see `tollgate rules`)"
        ));
    }
    Ok(named.join("\n"))
}

fn explain_rule(rule: &Rule) -> String {
    let mut text = format!("# {}\n\n{}.\n\nLevel: {}", rule.id, rule.summary, rule.level);
    if !rule.default_enabled {
        text.push_str(" (off by default)");
    }
    text.push_str(&format!("; precision: {}", rule.precision.as_str()));
    if let Some(severity) = rule.security_severity {
        text.push_str(&format!("; security-severity: {severity:.1}"));
    }
    if !rule.tags.is_empty() {
        text.push_str(&format!("; tags: {}", rule.tags.join(", ")));
    }
    if !rule.peers.is_empty() {
        text.push_str(&format!("\nPeers: {}", rule.peers.join(", ")));
    }
    text.push_str("\n\n");
    text.push_str(rule.help.trim_end());
    text.push('\n');
    text
}

/// The smells' languages and each one's defaults, as a Markdown table, then which rule each
/// setting bounds.
fn smells_by_language() -> String {
    use tollgate_analyzers::smells::{Language, Thresholds, SMELLS};
    let mut out = String::from("Smells by language: each language's table in the config (`[javascript]`, `[go]`, ...; TSX reads `[typescript]`) sets these maxima, whose defaults follow:\n\n| language | files |");
    for smell in SMELLS {
        out.push_str(&format!(" `{}` |", smell.setting));
    }
    out.push_str("\n|---|---|");
    out.push_str(&"---|".repeat(SMELLS.len()));
    out.push('\n');
    for language in Language::ALL {
        let defaults = Thresholds::defaults(language);
        let files: Vec<String> = language.extensions().iter().map(|e| format!("`.{e}`")).collect();
        out.push_str(&format!("| {} | {} |", language.name(), files.join(" ")));
        for smell in SMELLS {
            match (smell.threshold)(&defaults) {
                tollgate_analyzers::smells::OFF => out.push_str(" off |"),
                max => out.push_str(&format!(" {max} |")),
            }
        }
        out.push('\n');
    }
    out.push_str("\nEach setting bounds one rule:");
    let bounds: Vec<String> = SMELLS
        .iter()
        .map(|smell| format!(" `{}` {}", smell.setting, smell.rule.id))
        .collect();
    out.push_str(&bounds.join(","));
    out.push_str(". `off`: the rule is off for the language until its table sets a maximum. `smells/duplicate-code` reads `duplicate-min-tokens`, `duplicate-min-lines`, `duplicate-normalize` and `duplicate-skip-roles` from `[smells]`.\n");
    out
}
