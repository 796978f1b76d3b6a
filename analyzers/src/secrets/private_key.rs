use super::hash_identity;
use tollgate_rules::{secrets, Finding, Level, Rule};

const RULE: &Rule = secrets::PRIVATE_KEY;

/// PEM, OpenSSH and PGP private key blocks with a body, at `-----BEGIN ` keyword hits, and
/// PuTTY key files at `PuTTY-User-Key-File-` hits. The header alone (in docs, in code that
/// parses keys) is not a key. Keys inside JSON strings (`\n` escapes) count too.
///
/// A block ends before the next hit: key material never holds another `-----BEGIN `, and
/// looking no further keeps the scan linear when headers repeat without an END line.
pub fn check(text: &str, hits: &[usize], out: &mut Vec<Finding>) {
    let mut covered = 0;
    for (i, &start) in hits.iter().enumerate() {
        if start < covered {
            continue;
        }
        let limit = hits[i + 1..]
            .iter()
            .find(|&&next| next > start)
            .map_or(text.len(), |&next| next);
        let rest = &text.as_bytes()[start..];
        let found = if rest.starts_with(b"-----BEGIN ") {
            pem_block(text, start, limit)
        } else if rest.len() > 20 && rest[..20].eq_ignore_ascii_case(b"PuTTY-User-Key-File-") {
            putty_key(text, start, limit)
        } else {
            None
        };
        if let Some(finding) = found {
            covered = finding.span.end;
            out.push(finding);
        }
    }
}

/// Longest header between `-----BEGIN ` and `-----` that names a private key.
const MAX_HEADER: usize = 40;

/// The block that starts at `start` and ends before `limit`.
fn pem_block(text: &str, start: usize, limit: usize) -> Option<Finding> {
    let bytes = text.as_bytes();
    let header_start = start + 11;
    let near = &bytes[header_start..(header_start + MAX_HEADER + 5).min(limit).max(header_start)];
    let header_len = memchr::memmem::find(near, b"-----")?;
    let header = &text[header_start..header_start + header_len];
    if header.len() > MAX_HEADER || !(header.ends_with("PRIVATE KEY") || header.ends_with("PRIVATE KEY BLOCK")) {
        return None;
    }
    let body_start = header_start + header_len + 5;
    let end_marker = format!("-----END {header}-----");
    let end_rel = memchr::memmem::find(bytes.get(body_start..limit)?, end_marker.as_bytes())?;
    let body = &text[body_start..body_start + end_rel];
    if !has_key_material(body) {
        return None;
    }
    let end = body_start + end_rel + end_marker.len();
    let encrypted =
        header.starts_with("ENCRYPTED") || body.contains("Proc-Type: 4,ENCRYPTED") || openssh_encrypted(header, body);
    let mut finding = Finding::new(RULE, start..end, format!("{header} block ({} chars)", end - start))
        .with_identity(hash_identity(body.trim()))
        .redacted();
    if encrypted {
        finding.message = format!(
            "encrypted {header} block ({} chars): still needs its passphrase",
            end - start
        );
        finding = finding.with_level(Level::Note);
    }
    Some(finding)
}

/// An OpenSSH key names its cipher after the magic: `none` when it is not encrypted.
/// base64("openssh-key-v1\0") followed by the cipher length: `...AAAABG5vbmU` is `none`.
fn openssh_encrypted(header: &str, body: &str) -> bool {
    header == "OPENSSH PRIVATE KEY"
        && !body
            .trim_start_matches(['\r', '\n', '\\', 'n'])
            .starts_with("b3BlbnNzaC1rZXktdjEAAAAABG5vbmU")
        && body.contains("b3BlbnNzaC1rZXktdjEAAAAA")
}

/// Longest first line of a PuTTY key a message quotes.
const MAX_QUOTED_HEADER: usize = 80;

/// A PuTTY `.ppk` key: its header, then `Private-Lines: N` and the base64 lines.
fn putty_key(text: &str, start: usize, limit: usize) -> Option<Finding> {
    let rest = &text[start..];
    // A key file is short; a `Private-Lines` far away belongs to something else.
    let near = &rest.as_bytes()[..(limit - start).min(4096 + 14)];
    let lines_at = memchr::memmem::find(near, b"Private-Lines:")?;
    let after = &rest[lines_at + "Private-Lines:".len()..];
    let count_end = memchr::memchr(b'\n', &after.as_bytes()[..after.len().min(32)])?;
    let count: usize = after[..count_end].trim().parse().ok()?;
    let mut end = start + lines_at + "Private-Lines:".len() + count_end + 1;
    let mut body = String::new();
    for line in text.get(end..limit)?.split_inclusive('\n').take(count.min(64)) {
        body.push_str(line.trim());
        end += line.len();
    }
    if !has_key_material(&body) {
        return None;
    }
    let end = text[..end].trim_end().len();
    let header_line = rest.lines().next().unwrap_or("");
    let header_line = match header_line.char_indices().nth(MAX_QUOTED_HEADER) {
        Some((cut, _)) => &header_line[..cut],
        None => header_line,
    };
    let encrypted = rest[..lines_at]
        .lines()
        .any(|l| l.starts_with("Encryption:") && !l.contains("none"));
    let mut finding = Finding::new(RULE, start..end, format!("PuTTY private key ({})", header_line.trim()))
        .with_identity(hash_identity(&body))
        .redacted();
    if encrypted {
        finding.message = "encrypted PuTTY private key: still needs its passphrase".to_string();
        finding = finding.with_level(Level::Note);
    }
    Some(finding)
}

/// At least a line's worth of base64 that is not a placeholder.
fn has_key_material(body: &str) -> bool {
    let material: String = body
        .replace("\\n", "\n")
        .lines()
        .filter(|line| !line.contains(':'))
        .flat_map(|line| line.trim().chars().collect::<Vec<_>>())
        .filter(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '/' || *c == '=')
        .collect();
    let distinct = material.bytes().collect::<std::collections::HashSet<_>>().len();
    material.len() >= 64 && distinct >= 16 && !material.contains("EXAMPLE")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        let hits: Vec<usize> = text
            .match_indices("-----BEGIN ")
            .map(|(i, _)| i)
            .chain(text.match_indices("PuTTY-User-Key-File-").map(|(i, _)| i))
            .collect();
        let mut out = Vec::new();
        check(text, &hits, &mut out);
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
    fn keys_in_json_strings() {
        let body = BODY.replace('\n', "\\n");
        let text = format!("{{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n{body}-----END PRIVATE KEY-----\\n\"}}");
        assert_eq!(findings(&text).len(), 1);
    }

    #[test]
    fn putty_keys() {
        let text = format!(
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: k\nPublic-Lines: 1\nAAAAC3NzaC1lZDI1NTE5AAAAIA\nPrivate-Lines: 2\n{BODY}Private-MAC: 00\n"
        );
        let found = findings(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].level, None);
        let encrypted = text.replace("Encryption: none", "Encryption: aes256-cbc");
        assert_eq!(findings(&encrypted)[0].level, Some(Level::Note));
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
