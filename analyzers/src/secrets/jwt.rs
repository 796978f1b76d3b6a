//! JSON Web Tokens whose header decodes to JSON with an `alg`.

use tollgate_rules::{secrets, Finding, Rule};

use super::{filters, hash_identity, redact};

const RULE: &Rule = secrets::JWT;

fn is_b64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// At each `eyJ` hit that starts a token: three base64url parts, the first a JSON header
/// naming an algorithm other than `none`, the second JSON, the third a signature.
pub fn check(text: &str, hits: &[usize], out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let mut covered = 0;
    for &start in hits {
        if start < covered || (start > 0 && (is_b64url(bytes[start - 1]) || bytes[start - 1] == b'.')) {
            continue;
        }
        if &bytes[start..start + 3] != b"eyJ" {
            continue;
        }
        let Some(parts) = split_token(bytes, start) else {
            continue;
        };
        covered = parts[2].end;
        let header = decode(&bytes[parts[0].clone()]);
        let payload = decode(&bytes[parts[1].clone()]);
        let (Some(header), Some(payload)) = (header, payload) else {
            continue;
        };
        if !is_json_object(&header) || !is_json_object(&payload) || !filters::contains(&header, b"\"alg\"") {
            continue;
        }
        let compact: Vec<u8> = header.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
        if filters::contains(&compact.to_ascii_lowercase(), b"\"alg\":\"none\"") {
            continue;
        }
        let signature = &bytes[parts[2].clone()];
        if signature.len() < 16
            || filters::is_placeholder(signature)
            || filters::contains(&payload.to_ascii_lowercase(), b"example")
        {
            continue;
        }
        // jwt.io's sample token, reproduced across tutorials.
        if filters::contains(&payload, b"\"John Doe\"") {
            continue;
        }
        let span = start..parts[2].end;
        let token = &text[span.clone()];
        out.push(
            Finding::new(RULE, span, format!("JSON Web Token `{}`", redact(token)))
                .with_identity(hash_identity(token))
                .redacted(),
        );
    }
}

fn split_token(bytes: &[u8], start: usize) -> Option<[std::ops::Range<usize>; 3]> {
    let mut parts: Vec<std::ops::Range<usize>> = Vec::with_capacity(3);
    let mut at = start;
    for i in 0..3 {
        let from = at;
        while at < bytes.len() && is_b64url(bytes[at]) && at - from < 8192 {
            at += 1;
        }
        parts.push(from..at);
        if i < 2 {
            if at >= bytes.len() || bytes[at] != b'.' {
                return None;
            }
            at += 1;
        }
    }
    if parts[0].len() < 10 || parts[1].len() < 4 {
        return None;
    }
    // A dot right after the signature means a longer dotted name, not a token.
    if at < bytes.len() && bytes[at] == b'.' && bytes.get(at + 1).is_some_and(|b| is_b64url(*b)) {
        return None;
    }
    Some([parts[0].clone(), parts[1].clone(), parts[2].clone()])
}

fn is_json_object(bytes: &[u8]) -> bool {
    let trimmed = bytes.trim_ascii();
    trimmed.starts_with(b"{") && trimmed.ends_with(b"}")
}

/// base64url without padding; `None` on a character outside the alphabet.
pub fn decode(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for &c in input {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            b'=' => break,
            _ => return None,
        } as u32;
        buffer = (buffer << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(text: &str) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let bytes = text.as_bytes();
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().fold(0u32, |acc, &b| (acc << 8) | b as u32) << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        out
    }

    fn run(text: &str) -> Vec<Finding> {
        let hits: Vec<usize> = text.match_indices("eyJ").map(|(i, _)| i).collect();
        let mut out = Vec::new();
        check(text, &hits, &mut out);
        out
    }

    #[test]
    fn real_header_fires() {
        let token = format!(
            "{}.{}.kX9pQ2mZr7Lw4Nc8Vb1Hs5Jd3Fg6Tk0Y",
            b64(r#"{"alg":"HS256","typ":"JWT"}"#),
            b64(r#"{"sub":"svc-42","iat":1700000000}"#)
        );
        let text = format!("Authorization: Bearer {token}\n");
        let found = run(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], token);
    }

    #[test]
    fn no_alg_or_none_or_sample_does_not_fire() {
        let sig = "kX9pQ2mZr7Lw4Nc8Vb1Hs5Jd3Fg6Tk0Y";
        let no_alg = format!("{}.{}.{sig}", b64(r#"{"typ":"JWT"}"#), b64(r#"{"sub":"1"}"#));
        let none = format!("{}.{}.{sig}", b64(r#"{"alg":"none"}"#), b64(r#"{"sub":"1"}"#));
        let sample = format!("{}.{}.{sig}", b64(r#"{"alg":"HS256"}"#), b64(r#"{"name":"John Doe"}"#));
        for token in [no_alg, none, sample, "eyJnot.a.token".to_string()] {
            assert!(run(&token).is_empty(), "{token}");
        }
    }
}
