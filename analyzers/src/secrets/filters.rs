//! What is not a secret: placeholders, documentation examples, low-entropy values, files
//! that are full of hashes by design.

/// Shannon entropy in bits per character (byte).
pub fn entropy(value: &[u8]) -> f64 {
    if value.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in value {
        counts[b as usize] += 1;
    }
    let len = value.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / len;
            -p * p.log2()
        })
        .sum()
}

/// Substrings that mark a value as a stand-in, in lower case.
const PLACEHOLDER_MARKERS: &[&str] = &[
    "example",
    "xxxx",
    "****",
    "....",
    "<",
    ">",
    "${",
    "{{",
    "}}",
    "%(",
    "%s",
    "changeme",
    "change_me",
    "change-me",
    "placeholder",
    "your_",
    "your-",
    "yourtoken",
    "yourkey",
    "yoursecret",
    "yourpassword",
    "redacted",
    "dummy",
    "sample",
    "notreal",
    "not_real",
    "not-real",
    "lorem",
    "foobar",
    "insert_",
    "insert-",
    "replace_me",
    "replaceme",
    "fixme",
];

/// Keys published in providers' documentation as examples.
const DOCUMENTED_EXAMPLES: &[&str] = &[
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
    "pk_test_TYooMQauvdEDq54NiTphI7jx",
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
];

/// A value that is a stand-in for a secret rather than one: template syntax, `xxxx`,
/// `EXAMPLE`, runs of one character, `123456`, short repeated units.
pub fn is_placeholder(value: &[u8]) -> bool {
    let lower = value.to_ascii_lowercase();
    if PLACEHOLDER_MARKERS.iter().any(|m| contains(&lower, m.as_bytes())) {
        return true;
    }
    if DOCUMENTED_EXAMPLES
        .iter()
        .any(|e| contains(value, e.as_bytes()) || (value.len() >= 12 && contains(e.as_bytes(), value)))
    {
        return true;
    }
    let alnum: Vec<u8> = lower.iter().copied().filter(u8::is_ascii_alphanumeric).collect();
    if alnum.len() >= 8 && (has_run(&alnum, 6) || has_sequence(&alnum, 6) || is_repeated_unit(&alnum)) {
        return true;
    }
    if alnum.len() >= 10 {
        let distinct = distinct(&alnum);
        if distinct < (alnum.len() / 3).min(8) {
            return true;
        }
    }
    false
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

fn distinct(bytes: &[u8]) -> usize {
    let mut seen = [false; 256];
    let mut n = 0;
    for &b in bytes {
        if !seen[b as usize] {
            seen[b as usize] = true;
            n += 1;
        }
    }
    n
}

/// `n` or more copies of one character in a row.
fn has_run(bytes: &[u8], n: usize) -> bool {
    let mut run = 1;
    for w in bytes.windows(2) {
        if w[0] == w[1] {
            run += 1;
            if run >= n {
                return true;
            }
        } else {
            run = 1;
        }
    }
    false
}

/// `n` or more characters counting up or down by one: `123456`, `abcdef`, `987654`.
fn has_sequence(bytes: &[u8], n: usize) -> bool {
    let (mut up, mut down) = (1, 1);
    for w in bytes.windows(2) {
        up = if w[1] == w[0].wrapping_add(1) { up + 1 } else { 1 };
        down = if w[1].wrapping_add(1) == w[0] { down + 1 } else { 1 };
        if up >= n || down >= n {
            return true;
        }
    }
    false
}

/// A unit of up to 4 characters repeated to fill the value: `abcabcabcabc`, `12341234`.
fn is_repeated_unit(bytes: &[u8]) -> bool {
    (1..=4).any(|unit| bytes.len() >= unit * 3 && bytes.iter().enumerate().all(|(i, &b)| b == bytes[i % unit]))
}

/// Passwords that are words everyone uses in examples and tests (digits read as letters).
const WEAK_WORDS: &[&str] = &[
    "password", "passwd", "secret", "admin", "letmein", "qwerty", "changeme", "default", "example", "test", "dummy",
    "guest", "root", "user", "pass", "postgres", "mysql", "redis", "welcome", "foobar", "hunter", "sample", "demo",
    "token", "apikey", "insecure",
];

/// A value built around a word from `WEAK_WORDS`, also in leet spelling (`P@ssw0rd`).
pub fn is_weak_word(value: &[u8]) -> bool {
    let normal: Vec<u8> = value
        .iter()
        .map(|b| match b.to_ascii_lowercase() {
            b'0' => b'o',
            b'1' | b'!' => b'i',
            b'3' => b'e',
            b'4' | b'@' => b'a',
            b'5' | b'$' => b's',
            b'7' => b't',
            other => other,
        })
        .collect();
    let lower = value.to_ascii_lowercase();
    WEAK_WORDS
        .iter()
        .any(|w| contains(&normal, w.as_bytes()) || contains(&lower, w.as_bytes()))
}

/// Files whose content is hashes and checksums by design; skipped unless configured.
pub fn is_lockfile(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "package-lock.json"
            | "npm-shrinkwrap.json"
            | "pnpm-lock.yaml"
            | "go.sum"
            | "go.work.sum"
            | "packages.lock.json"
            | "gradle.lockfile"
            | "sha256sums"
            | "sha512sums"
            | "md5sums"
            | "checksums.txt"
    ) || lower.ends_with(".lock")
        || lower.ends_with(".lockfile")
        || lower.ends_with(".sha256")
        || lower.ends_with(".sha512")
        || lower.ends_with(".sha1")
        || lower.ends_with(".md5")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_recognised() {
        for value in [
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "<your-token>",
            "${GITHUB_TOKEN}",
            "{{ secrets.TOKEN }}",
            "********",
            "changeme",
            "aaaaaaaaaaaaaaaaaaaa",
            "1234567890abcdef",
            "abcabcabcabcabc",
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        ] {
            assert!(is_placeholder(value.as_bytes()), "{value}");
        }
        for value in ["q8Zr2Lk9Vt4Xw7Nb3Hs6Jd1F", "3f9a1c0b7e2d4a6f8b1c3e5d7a9f0b2c"] {
            assert!(!is_placeholder(value.as_bytes()), "{value}");
        }
    }

    #[test]
    fn entropy_orders_values() {
        assert!(entropy(b"aaaaaaaa") < 0.01);
        assert!(entropy(b"q8Zr2Lk9Vt4Xw7Nb3Hs6Jd1F") > 4.0);
    }

    #[test]
    fn weak_words_in_leet() {
        assert!(is_weak_word(b"P@ssw0rd123"));
        assert!(is_weak_word(b"s3cr3t-value"));
        assert!(!is_weak_word(b"q8Zr2Lk9Vt4Xw7Nb"));
    }

    #[test]
    fn lockfiles_by_name() {
        for path in [
            "package-lock.json",
            "a/go.sum",
            "Cargo.lock",
            "web/yarn.lock",
            "poetry.lock",
            "SHA256SUMS",
        ] {
            assert!(is_lockfile(path), "{path}");
        }
        assert!(!is_lockfile("src/lock.py"));
        assert!(!is_lockfile("package.json"));
    }
}
