//! Checksums that providers document for their tokens.

/// Does `token` carry a valid checksum of the given kind? Unknown kinds pass.
pub fn verify(kind: &str, token: &str) -> bool {
    match kind {
        "github-crc32" => github_crc32(token),
        "packagist-crc32" => packagist_crc32(token),
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

    #[test]
    fn packagist_tokens_round_trip() {
        let body = format!("packagist_out_{}", "3f9a0c7e1b5d".repeat(5));
        let token = format!("{body}{:08x}", crc32(body.as_bytes()));
        assert!(verify("packagist-crc32", &token));
        assert!(!verify("packagist-crc32", &format!("{body}00000000")));
    }
}
