//! Checksums that providers document for their tokens.

/// Does `token` carry a valid checksum of the given kind? Unknown kinds pass.
pub fn verify(kind: &str, token: &str) -> bool {
    match kind {
        "github-crc32" => github_crc32(token),
        "packagist-crc32" => packagist_crc32(token),
        "pypi-macaroon" => pypi_macaroon(token),
        _ => true,
    }
}

/// GitHub's 2021 formats (also npm's): after the prefix, 30 random base62 characters and
/// their CRC32, base62-encoded (`0-9A-Za-z`) and left-padded with `0` to 6 characters.
/// Longer tokens (refresh tokens) end the same way.
fn github_crc32(token: &str) -> bool {
    let Some((_, body)) = token.rsplit_once('_') else {
        return false;
    };
    if body.len() < 7 || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    let (random, check) = body.split_at(body.len() - 6);
    base62_decode(check) == Some(crc32(random.as_bytes()) as u64)
}

/// Private Packagist's documented format: a prefix (`packagist_ort_`, ...), 60 random hex
/// characters, then the CRC32 of prefix and random part as 8 lower-case hex digits.
fn packagist_crc32(token: &str) -> bool {
    if token.len() < 8 || !token.is_char_boundary(token.len() - 8) {
        return false;
    }
    let (body, check) = token.split_at(token.len() - 8);
    u32::from_str_radix(check, 16).ok() == Some(crc32(body.as_bytes()))
}

/// PyPI's API tokens: `pypi-` and a macaroon in the version-2 binary format that PyPI's
/// macaroon library writes, base64url without padding. The format has no checksum, but its
/// structure is strict: a made-up or truncated token does not parse.
fn pypi_macaroon(token: &str) -> bool {
    let Some(body) = token.strip_prefix("pypi-") else {
        return false;
    };
    super::jwt::decode(body.as_bytes()).is_some_and(|bytes| macaroon_v2(&bytes))
}

/// Version byte 2; a section (location packet optional, identifier packet, end marker) for
/// the macaroon and then one per caveat (a verification-id packet allowed); an end marker; a
/// 32-byte signature packet; nothing after it. A packet is a type byte, a varint length and
/// that many bytes.
fn macaroon_v2(bytes: &[u8]) -> bool {
    const LOCATION: u8 = 1;
    const IDENTIFIER: u8 = 2;
    const VID: u8 = 4;
    const SIGNATURE: u8 = 6;
    let mut at = 1;
    // One packet of `kind` at `at`, if there is one: its length, moving `at` past it.
    let packet = |at: &mut usize, kind: u8| -> Option<usize> {
        if bytes.get(*at) != Some(&kind) {
            return None;
        }
        let mut cursor = *at + 1;
        let mut len = 0usize;
        for shift in (0..28).step_by(7) {
            let byte = *bytes.get(cursor)?;
            cursor += 1;
            len |= ((byte & 0x7f) as usize) << shift;
            if byte & 0x80 == 0 {
                let end = cursor.checked_add(len).filter(|&end| end <= bytes.len())?;
                *at = end;
                return Some(len);
            }
        }
        None
    };
    let section = |at: &mut usize, caveat: bool| -> bool {
        let _ = packet(at, LOCATION);
        if packet(at, IDENTIFIER).is_none_or(|len| len == 0) {
            return false;
        }
        if caveat {
            let _ = packet(at, VID);
        }
        let end = bytes.get(*at) == Some(&0);
        *at += 1;
        end
    };
    if bytes.first() != Some(&2) || !section(&mut at, false) {
        return false;
    }
    while bytes.get(at).is_some_and(|&b| b != 0) {
        if !section(&mut at, true) {
            return false;
        }
    }
    at += 1;
    packet(&mut at, SIGNATURE) == Some(32) && at == bytes.len()
}

pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn base62_decode(text: &str) -> Option<u64> {
    text.bytes().try_fold(0u64, |acc, b| {
        let digit = match b {
            b'0'..=b'9' => b - b'0',
            b'A'..=b'Z' => b - b'A' + 10,
            b'a'..=b'z' => b - b'a' + 36,
            _ => return None,
        } as u64;
        acc.checked_mul(62)?.checked_add(digit)
    })
}

#[cfg(test)]
pub fn base62_encode(mut value: u64, width: usize) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    while value > 0 {
        out.push(DIGITS[(value % 62) as usize]);
        value /= 62;
    }
    while out.len() < width {
        out.push(b'0');
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn github_tokens_round_trip() {
        let random = "Zr2Lk9Vt4Xw7Nb3Hs6Jd1Fq8Pm5Gc0";
        let token = format!("ghp_{random}{}", base62_encode(crc32(random.as_bytes()) as u64, 6));
        assert!(verify("github-crc32", &token));
        let broken = format!("ghp_{random}000000");
        assert!(!verify("github-crc32", &broken));
    }

    /// A version-2 macaroon as PyPI issues them, base64url without padding.
    fn macaroon(location: &str, caveats: &[&str], signature_len: usize) -> String {
        fn packet(out: &mut Vec<u8>, kind: u8, data: &[u8]) {
            out.push(kind);
            out.push(data.len() as u8);
            out.extend_from_slice(data);
        }
        let mut out = vec![2];
        packet(&mut out, 1, location.as_bytes());
        packet(&mut out, 2, b"5f1c9a2e-7b3d-4e8f-a6c1-2d9b0e4f7a13");
        out.push(0);
        for caveat in caveats {
            packet(&mut out, 2, caveat.as_bytes());
            out.push(0);
        }
        out.push(0);
        packet(&mut out, 6, &vec![0x5a; signature_len]);
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut text = String::new();
        for chunk in out.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, &b)| acc | (b as u32) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                text.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        text
    }

    #[test]
    fn pypi_tokens_are_macaroons() {
        let caveats = [r#"{"version": 1, "permissions": "user"}"#];
        let token = format!("pypi-{}", macaroon("pypi.org", &caveats, 32));
        assert!(token.starts_with("pypi-AgEIcHlwaS5vcmc"), "{token}");
        assert!(verify("pypi-macaroon", &token));
        assert!(verify(
            "pypi-macaroon",
            &format!("pypi-{}", macaroon("test.pypi.org", &[], 32))
        ));
        let two = [caveats[0], r#"{"version": 1, "permissions": {"projects": ["demo"]}}"#];
        assert!(verify(
            "pypi-macaroon",
            &format!("pypi-{}", macaroon("pypi.org", &two, 32))
        ));
        // A short signature, a truncated token, extra bytes, random text: not macaroons.
        assert!(!verify(
            "pypi-macaroon",
            &format!("pypi-{}", macaroon("pypi.org", &caveats, 31))
        ));
        assert!(!verify("pypi-macaroon", &token[..token.len() - 8]));
        assert!(!verify("pypi-macaroon", &format!("{token}AAAA")));
        assert!(!verify(
            "pypi-macaroon",
            &format!("pypi-AgEIcHlwaS5vcmc{}", "Zr2Lk9Vt4Xw7Nb3Hs6Jd1Fq8Pm5Gc0Kd".repeat(4))
        ));
        assert!(!verify("pypi-macaroon", "pypi-"));
    }

    #[test]
    fn packagist_tokens_round_trip() {
        let body = format!("packagist_out_{}", "3f9a0c7e1b5d".repeat(5));
        let token = format!("{body}{:08x}", crc32(body.as_bytes()));
        assert!(verify("packagist-crc32", &token));
        assert!(!verify("packagist-crc32", &format!("{body}00000000")));
    }
}
