//! `secrets/generic-assignment`: a random-looking value assigned to a name that says it is
//! a credential. The rule that makes secret scanners noisy, so every test here leans quiet:
//! the name must end in a credential word, the value must be a literal that looks random
//! (length, character classes, entropy), and anything that looks like code, a template, a
//! path, a word or a placeholder is left alone.

use tollgate_rules::{secrets, Finding, Rule};

use super::{filters, hash_identity, redact};

const RULE: &Rule = secrets::GENERIC_ASSIGNMENT;

/// Keyword hits that start the search for a credential name.
pub const KEYWORDS: &[&str] = &["pass", "pwd", "secret", "token", "key", "cred"];

/// Name endings worth splitting into words (a cheap first test on every keyword hit).
const ENDINGS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "passcode",
    "pass",
    "secret",
    "token",
    "key",
    "credential",
    "credentials",
    "creds",
];

/// Words before `key` that make it a credential: `api_key`, `secret_key`, `signing_key`.
const KEY_QUALIFIERS: &[&str] = &[
    "api",
    "access",
    "secret",
    "private",
    "auth",
    "encryption",
    "encrypt",
    "signing",
    "sign",
    "master",
    "client",
    "app",
    "application",
    "account",
    "service",
    "shared",
    "license",
    "subscription",
    "consumer",
    "hmac",
    "jwt",
    "session",
    "webhook",
    "admin",
    "write",
    "server",
    "storage",
    "crypto",
    "cipher",
    "aes",
    "integration",
];

/// Words before `pass` that make it a password.
const PASS_QUALIFIERS: &[&str] = &[
    "db", "database", "user", "admin", "root", "smtp", "mail", "email", "ldap", "ftp", "ssh", "redis", "mysql",
    "postgres", "pg", "rabbit", "mq", "proxy", "http", "basic", "app", "service",
];

/// Words before `token` that name something other than a credential.
const TOKEN_NON_CREDENTIAL: &[&str] = &[
    "page",
    "next",
    "continuation",
    "cancel",
    "cancellation",
    "sync",
    "resume",
    "max",
    "num",
    "csrf",
    "xsrf",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Password,
    Token,
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.'
}

pub fn check(path: &str, text: &str, hits: &[(usize, usize)], out: &mut Vec<Finding>) {
    if is_test_path(path) {
        return;
    }
    let bare_values = is_config_path(path);
    let bytes = text.as_bytes();
    let mut done = 0;
    for &(start, end) in hits {
        if start < done {
            continue;
        }
        let mut name_start = start;
        while name_start > 0 && start - name_start < 64 && is_name_byte(bytes[name_start - 1]) {
            name_start -= 1;
        }
        let mut name_end = end;
        while name_end < bytes.len() && name_end - end < 64 && is_name_byte(bytes[name_end]) {
            name_end += 1;
        }
        done = name_end;
        let name = &text[name_start..name_end];
        let Some(kind) = credential_kind(name) else { continue };
        let Some((value_start, value_end, quoted)) = assigned_value(bytes, name_start, name_end) else {
            continue;
        };
        if !quoted && !bare_values {
            continue;
        }
        if !text.is_char_boundary(value_start) || !text.is_char_boundary(value_end) {
            continue;
        }
        let value = &text[value_start..value_end];
        if !looks_random(value, kind) {
            continue;
        }
        done = value_end;
        out.push(
            Finding::new(
                RULE,
                value_start..value_end,
                format!(
                    "`{name}` is assigned a hard-coded, random-looking value `{}`",
                    redact(value)
                ),
            )
            .with_identity(hash_identity(value))
            .redacted(),
        );
    }
}

/// Splits `self.dbPassword`, `DB_PASSWORD`, `x-api-key` into lower-case words of the last
/// dotted segment and decides whether the name is a credential.
fn credential_kind(name: &str) -> Option<Kind> {
    let last = name.rsplit('.').next().unwrap_or(name);
    let tail = last.trim_end_matches(['-', '_']).as_bytes();
    let ends_with = |e: &str| tail.len() >= e.len() && tail[tail.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes());
    if !ENDINGS.iter().any(|e| ends_with(e)) {
        return None;
    }
    let words = split_words(last);
    let (word, before) = match words.as_slice() {
        [] => return None,
        [only] => (only.as_str(), None),
        [.., before, word] => (word.as_str(), Some(before.as_str())),
    };
    match word {
        "password" | "passwd" | "pwd" | "passphrase" | "passcode" => Some(Kind::Password),
        "pass" if before.is_some_and(|b| PASS_QUALIFIERS.contains(&b)) => Some(Kind::Password),
        "secret" | "apikey" | "secretkey" | "accesskey" | "privatekey" | "clientsecret" | "authtoken"
        | "accesstoken" | "credential" | "credentials" | "creds" => Some(Kind::Token),
        "token" if !before.is_some_and(|b| TOKEN_NON_CREDENTIAL.contains(&b)) => Some(Kind::Token),
        "key" if before.is_some_and(|b| KEY_QUALIFIERS.contains(&b)) => Some(Kind::Token),
        _ => None,
    }
}

fn split_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == '-' {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        let camel_break = c.is_ascii_uppercase() && i > 0 && chars[i - 1].is_ascii_lowercase();
        if camel_break && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// How far after a name its value may end. Values longer than `looks_random` accepts are
/// not secrets, so a line is never read further than this from a keyword hit: a long line
/// full of keywords stays linear.
const VALUE_REACH: usize = 1024;

/// The longest value `looks_random` accepts (a token); a value is not read further.
const MAX_VALUE: usize = 256;

/// After a name: an optional closing quote or `]`, an assignment (`=`, `:`, `:=`, `=>`; a
/// type annotation `: str =` is stepped over), then a quoted or bare value on the same line.
fn assigned_value(bytes: &[u8], name_start: usize, name_end: usize) -> Option<(usize, usize, bool)> {
    let reach = (name_end + VALUE_REACH).min(bytes.len());
    let (line_end, cut) = match memchr::memchr(b'\n', &bytes[name_end..reach]) {
        Some(i) => (name_end + i, false),
        None => (reach, reach < bytes.len()),
    };
    let mut at = name_end;
    let skip_blanks = |at: &mut usize| {
        while *at < line_end && (bytes[*at] == b' ' || bytes[*at] == b'\t') {
            *at += 1;
        }
    };
    if at < line_end && (bytes[at] == b'"' || bytes[at] == b'\'') {
        at += 1;
    }
    if at < line_end && bytes[at] == b']' {
        at += 1;
    }
    skip_blanks(&mut at);
    let rest = &bytes[at..line_end];
    if rest.starts_with(b"=>") || rest.starts_with(b":=") {
        at += 2;
    } else if rest.starts_with(b"==") || rest.starts_with(b"::") {
        return None;
    } else if rest.starts_with(b"=") {
        at += 1;
    } else if rest.starts_with(b":") {
        at += 1;
        // `password: str = "..."`
        let mut probe = at;
        skip_blanks(&mut probe);
        let annotation_start = probe;
        while probe < line_end && (bytes[probe].is_ascii_alphanumeric() || b"_[]., |".contains(&bytes[probe])) {
            probe += 1;
        }
        if probe > annotation_start
            && probe < line_end
            && bytes[probe] == b'='
            && bytes.get(probe + 1) != Some(&b'=')
            && bytes[annotation_start].is_ascii_alphabetic()
        {
            at = probe + 1;
        }
    } else {
        return None;
    }
    // A comparison operator before the name (`!=`, `<=`) is not an assignment either.
    if name_start > 0 && b"!<>".contains(&bytes[name_start - 1]) {
        return None;
    }
    skip_blanks(&mut at);
    if at >= line_end {
        return None;
    }
    // Python string prefixes; an f-string is a template.
    if at + 1 < line_end
        && matches!(bytes[at], b'b' | b'r' | b'u' | b'B' | b'R' | b'U')
        && b"\"'".contains(&bytes[at + 1])
    {
        at += 1;
    }
    let quote = bytes[at];
    if b"\"'`".contains(&quote) {
        let from = at + 1;
        let to = memchr::memchr(quote, &bytes[from..line_end]).map(|i| from + i)?;
        Some((from, to, true))
    } else {
        // Only as far as the longest value reported: one more byte tells a longer one.
        let limit = line_end.min(at + MAX_VALUE + 1);
        let to = bytes[at..limit]
            .iter()
            .position(|b| {
                matches!(
                    b,
                    b' ' | b'\t' | b',' | b';' | b')' | b'}' | b']' | b'"' | b'\'' | b'\r'
                )
            })
            .map_or(limit, |i| at + i);
        // A bare value running past the reach is longer than any secret this rule reports.
        if to - at > MAX_VALUE || (to == line_end && cut) {
            return None;
        }
        Some((at, to, false))
    }
}

fn looks_random(value: &str, kind: Kind) -> bool {
    let bytes = value.as_bytes();
    let (min, max) = match kind {
        Kind::Password => (10, 128),
        Kind::Token => (16, MAX_VALUE),
    };
    if bytes.len() < min || bytes.len() > max {
        return false;
    }
    if bytes.iter().any(|b| b.is_ascii_whitespace() || *b == b'\\')
        || value.starts_with(['$', '%', '{', '<', '[', '(', '@', '/', '~', '.', '!', '&', '*', '#'])
        || value.contains("://")
        || value.contains(['(', '[', ']'])
        // base64 JSON: a JWT (its own rule) or an opaque pagination token
        || value.starts_with("eyJ")
        || filters::is_placeholder(bytes)
        || filters::is_weak_word(bytes)
        || is_uuid(bytes)
        || is_identifier_like(value)
        || is_password_hash(value)
    {
        return false;
    }
    let lower = bytes.iter().any(u8::is_ascii_lowercase);
    let upper = bytes.iter().any(u8::is_ascii_uppercase);
    let digit = bytes.iter().any(u8::is_ascii_digit);
    let symbol = bytes.iter().any(|b| !b.is_ascii_alphanumeric());
    let classes = [lower, upper, digit, symbol].iter().filter(|&&c| c).count();
    let enough_classes = match kind {
        Kind::Password => classes >= 3 && digit,
        Kind::Token => digit && (lower || upper),
    };
    if !enough_classes {
        return false;
    }
    let floor = (3.5f64).min((bytes.len() as f64).log2() - 0.7);
    filters::entropy(bytes) >= floor
}

/// Test code, fixtures and examples hold made-up credentials by the hundred; provider rules
/// still run there, this one does not.
fn is_test_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    let dirs = format!("/{lower}");
    [
        "/test/",
        "/tests/",
        "/testing/",
        "/testdata/",
        "/fixtures/",
        "/__tests__/",
        "/spec/",
        "/mocks/",
    ]
    .iter()
    .any(|d| dirs.contains(d))
        || name.starts_with("test_")
        || name.contains("_test.")
        || name.contains(".test.")
        || name.contains(".spec.")
        || name.contains("_spec.")
        || name == "conftest.py"
        || name.contains("example")
        || dirs.contains("/examples/")
}

/// Files where a bare (unquoted) value is a value: `.env`, INI, YAML, TOML, properties,
/// shell, Dockerfiles. In program code a bare word is a name.
fn is_config_path(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    if name.starts_with(".env") || name.ends_with(".env") || name == "dockerfile" || name.starts_with("dockerfile.") {
        return true;
    }
    let Some((_, ext)) = name.rsplit_once('.') else {
        return true;
    };
    matches!(
        ext,
        "env"
            | "ini"
            | "cfg"
            | "conf"
            | "config"
            | "properties"
            | "yaml"
            | "yml"
            | "toml"
            | "sh"
            | "bash"
            | "zsh"
            | "envrc"
            | "tfvars"
            | "hcl"
            | "tf"
            | "dockerfile"
            | "npmrc"
            | "pypirc"
            | "netrc"
            | "example"
    )
}

/// Stored password hashes (Django, crypt, LDAP): the opposite of a leaked password.
fn is_password_hash(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    [
        "pbkdf2", "argon2", "bcrypt", "scrypt", "sha1$", "md5$", "sha256$", "{ssha", "{sha", "{crypt",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || (value.starts_with('$') && value[1..].contains('$'))
}

fn is_uuid(bytes: &[u8]) -> bool {
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// `settings.SECRET_KEY`, `MY_API_TOKEN`, `get_token`, `secret.txt`: names, not values.
fn is_identifier_like(value: &str) -> bool {
    let parts_are_words = value
        .split(['.', '_', '-', ':'])
        .all(|part| part.bytes().all(|b| b.is_ascii_alphabetic()));
    if parts_are_words {
        return true;
    }
    let is_ident = value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && value.contains('_')
        && (value.bytes().all(|b| !b.is_ascii_lowercase()) || value.bytes().all(|b| !b.is_ascii_uppercase()));
    // Random snake-free tokens have digits spread through; identifiers like `API_KEY_V2` or
    // `secret_key_2` keep letters in words.
    is_ident
        && value
            .split('_')
            .filter(|p| p.bytes().all(|b| b.is_ascii_alphabetic()))
            .count()
            * 2
            >= value.split('_').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<String> {
        let lower = text.to_ascii_lowercase();
        let mut hits: Vec<(usize, usize)> = KEYWORDS
            .iter()
            .flat_map(|k| {
                lower
                    .match_indices(k)
                    .map(|(i, m)| (i, i + m.len()))
                    .collect::<Vec<_>>()
            })
            .collect();
        hits.sort();
        let mut out = Vec::new();
        check("app/settings.env", text, &hits, &mut out);
        out.iter().map(|f| text[f.span.clone()].to_string()).collect()
    }

    #[test]
    fn fires_on_random_values_for_credential_names() {
        assert_eq!(
            run(r#"API_KEY = "q8Zr2Lk9Vt4Xw7Nb3Hs6Jd1F""#),
            ["q8Zr2Lk9Vt4Xw7Nb3Hs6Jd1F"]
        );
        assert_eq!(run("DB_PASSWORD=Vq3#Lm9Zt2Kx\n"), ["Vq3#Lm9Zt2Kx"]);
        assert_eq!(
            run(r#"{"client_secret": "f3a9c1e07b5d42a8961c0e7f2b4d6a8c"}"#),
            ["f3a9c1e07b5d42a8961c0e7f2b4d6a8c"]
        );
        assert_eq!(run("  authToken: 'Zt7Qp2Lm9Xk4Rv8Wn3Bc'"), ["Zt7Qp2Lm9Xk4Rv8Wn3Bc"]);
        assert_eq!(run(r#"password: str = "Hq7!mZ2pL9vX""#), ["Hq7!mZ2pL9vX"]);
    }

    #[test]
    fn stays_quiet_on_everything_else() {
        for text in [
            r#"password = "password123""#,
            r#"SECRET_KEY = "django-insecure-change-me""#,
            r#"api_key = os.environ["API_KEY"]"#,
            r#"token = get_token(user)"#,
            r#"password_field = "q8Zr2Lk9Vt4Xw7Nb3Hs6Jd1F""#,
            r#"token_type = "Bearer""#,
            r#"max_tokens = 4096"#,
            r#"key = "q8Zr2Lk9Vt4Xw7Nb3Hs6Jd1F""#,
            r#"if password == "Hq7!mZ2pL9vX":"#,
            r#"SECRET = "${APP_SECRET}""#,
            r#"api_key: "{{ vault_api_key }}""#,
            r#"token = "<your-token>""#,
            r#"password = "********""#,
            r#"secret = "xxxxxxxxxxxxxxxxxxxx""#,
            r#"api_key = "1234567890abcdef1234""#,
            r#"token = "6f1ed002-ab5d-42e4-8a1b-c7d3b0f2e9a1""#,
            r#"secret_file = "/etc/app/secret.key""#,
            r#"SECRET_KEY_FALLBACKS = SECRET_KEYS_LIST"#,
            r#"password = f"{user}{salt}12345678""#,
            r#"access_token = settings.GITHUB_ACCESS_TOKEN"#,
        ] {
            assert!(run(text).is_empty(), "{text}");
        }
    }
}
