use tollgate_rules::{Finding, Level};

const RULE: &str = "secrets/private-key";

/// PEM and PGP private key blocks with a body. The header alone (in docs, in code that
/// parses keys) is not a key.
pub fn check(text: &str, out: &mut Vec<Finding>) {
    let mut from = 0;
    while let Some(found) = text[from..].find("-----BEGIN ") {
        let start = from + found;
        from = start + 11;
        let Some(header_len) = text[start..]
            .find("-----\n")
            .or_else(|| text[start..].find("-----\r\n"))
        else {
            continue;
        };
        let header = &text[start + 11..start + header_len];
        if !header.ends_with("PRIVATE KEY") && !header.ends_with("PRIVATE KEY BLOCK") || header.len() > 40 {
            continue;
        }
        let end_marker = format!("-----END {header}-----");
        let Some(end_rel) = text[start..].find(&end_marker) else {
            continue;
        };
        let end = start + end_rel + end_marker.len();
        let body = &text[start + header_len + 5..start + end_rel];
        if !has_key_material(body) {
            continue;
        }
        let encrypted = header.starts_with("ENCRYPTED") || body.contains("Proc-Type: 4,ENCRYPTED");
        let mut finding = Finding::new(RULE, start..end, format!("{header} block ({} chars)", end - start))
            .with_identity(crate::secrets::hash_identity(body))
            .redacted();
        if encrypted {
            if !header.starts_with("ENCRYPTED") {
                finding.message = format!("encrypted {header} block ({} chars)", end - start);
            }
            finding = finding.with_level(Level::Note);
        }
        out.push(finding);
        from = end;
    }
}

/// At least a line's worth of base64 that is not a placeholder.
fn has_key_material(body: &str) -> bool {
    let material: String = body
        .lines()
        .filter(|line| !line.contains(':'))
        .flat_map(|line| line.trim().chars())
        .filter(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '/' || *c == '=')
        .collect();
    let distinct = material.bytes().collect::<std::collections::HashSet<_>>().len();
    material.len() >= 64 && distinct >= 16
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        check(text, &mut out);
        out
    }

    const BODY: &str = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n";

    #[test]
    fn finds_a_key_block_and_redacts_it() {
        let text = format!("x = 1\n-----BEGIN RSA PRIVATE KEY-----\n{BODY}-----END RSA PRIVATE KEY-----\n");
        let found = findings(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, 6);
        assert!(found[0].redact);
        assert!(!found[0].message.contains("MIIE"));
        assert_eq!(found[0].level, None);
    }

    #[test]
    fn encrypted_keys_are_notes() {
        let text = format!("-----BEGIN ENCRYPTED PRIVATE KEY-----\n{BODY}-----END ENCRYPTED PRIVATE KEY-----\n");
        assert_eq!(findings(&text)[0].level, Some(Level::Note));
    }

    #[test]
    fn headers_without_material_do_not_fire() {
        assert!(findings("if line == \"-----BEGIN RSA PRIVATE KEY-----\":\n").is_empty());
        let placeholder = "-----BEGIN PRIVATE KEY-----\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END PRIVATE KEY-----\n";
        assert!(findings(placeholder).is_empty());
        let public = format!("-----BEGIN PUBLIC KEY-----\n{BODY}-----END PUBLIC KEY-----\n");
        assert!(findings(&public).is_empty());
    }
}
