//! Credentials inside URLs (`scheme://user:password@host`) and inside `key=value;`
//! connection strings.

use tollgate_rules::{secrets, Finding};

use super::{filters, hash_identity, redact};

/// Passwords people write when they mean "a password goes here".
fn is_stand_in(password: &str) -> bool {
    let p = password.as_bytes();
    password.len() < 6
        || filters::is_placeholder(p)
        || filters::is_weak_word(p)
        || password.starts_with(['$', '%', '{', '[', '(', '<', '*'])
        || password.ends_with(['}', ']', ')', '>'])
        || password.chars().all(|c| c == '*' || c == 'x' || c == 'X')
        || (password.chars().all(|c| c.is_ascii_uppercase() || c == '_') && password.contains('_'))
}

fn example_host(host: &str) -> bool {
    let host = host.split([':', '/']).next().unwrap_or(host).to_ascii_lowercase();
    host.is_empty()
        || host == "host"
        || host == "hostname"
        || host == "server"
        || host.starts_with('{')
        || host.starts_with('$')
        || host.starts_with('<')
        || [
            "example.com",
            "example.org",
            "example.net",
            ".example",
            ".invalid",
            ".test",
        ]
        .iter()
        .any(|e| host.ends_with(e))
        || host.contains("example")
}

/// Longest URL scheme recognised (`git+ssh`, `postgresql+psycopg2`, `chrome-extension`).
const MAX_SCHEME: usize = 32;

/// At each `://` hit: a scheme before it, and `user:password@host` after it.
pub fn check_urls(text: &str, hits: &[usize], out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    for &at in hits {
        // A scheme is a short word; a longer run before `://` is not one.
        let low = at.saturating_sub(MAX_SCHEME + 1);
        let scheme_start = bytes[low..at]
            .iter()
            .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'+' || *b == b'.' || *b == b'-'))
            .map_or(low, |i| low + i + 1);
        if at - scheme_start < 2 || at - scheme_start > MAX_SCHEME || !bytes[scheme_start].is_ascii_alphabetic() {
            continue;
        }
        let from = at + 3;
        let end = bytes[from..]
            .iter()
            .take(512)
            .position(|b| b" \t\r\n\"'`<>\\/?,;()[]{}|".contains(b))
            .map_or((from + 512).min(bytes.len()), |i| from + i);
        let authority = &text[from..end];
        let Some(at_sign) = authority.rfind('@') else { continue };
        let userinfo = &authority[..at_sign];
        let host = &authority[at_sign + 1..];
        let Some(colon) = userinfo.find(':') else { continue };
        let password = &userinfo[colon + 1..];
        if password.is_empty() || is_stand_in(password) || example_host(host) {
            continue;
        }
        let span_start = from + colon + 1;
        let span = span_start..span_start + password.len();
        out.push(
            Finding::new(
                secrets::URL_CREDENTIALS,
                span,
                format!("password `{}` in a {} URL", redact(password), &text[scheme_start..at]),
            )
            .with_identity(hash_identity(password))
            .redacted(),
        );
    }
}

/// Keys that make a `key=value;` string a connection string.
const CONNECTION_KEYS: &[&str] = &[
    "server=",
    "data source=",
    "host=",
    "hostname=",
    "database=",
    "initial catalog=",
    "user id=",
    "userid=",
    "uid=",
    "dbname=",
    "user=",
    "username=",
    "endpoint=",
    "driver=",
    "port=",
];

/// At each `password=` / `pwd=` hit that is a key of a connection string (preceded by `;`,
/// a space, a quote or the line start, with another connection key on the line).
pub fn check_connection_strings(text: &str, hits: &[(usize, usize)], out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let mut last_end = 0;
    // What the hit's line says, worked out once per line: a long line of keywords is read
    // once, not once per hit.
    let mut line = LineFacts::default();
    for &(start, end) in hits {
        if start < last_end {
            continue;
        }
        if start > 0 && !b"; \t\"'".contains(&bytes[start - 1]) {
            continue;
        }
        // `key=value;` strings (ADO.NET, ODBC, Azure) have a `;` near the password;
        // libpq's `key=value key=value` has `host=` or `dbname=` and no commas.
        let near = &bytes[start.saturating_sub(64)..(end + 64).min(bytes.len())];
        let semicolons = near.contains(&b';');
        if start >= line.end {
            line = LineFacts::of(bytes, start);
        }
        let line_end = line.end;
        if !line.has_connection_key {
            continue;
        }
        let libpq = line.libpq_keys && start > 0 && bytes[start - 1] == b' ';
        if !semicolons && !libpq {
            continue;
        }
        let mut value_start = end;
        while value_start < line_end && bytes[value_start] == b' ' {
            value_start += 1;
        }
        let (value_start, value_end) = match bytes.get(value_start) {
            Some(b'{') => (value_start + 1, find_from(bytes, value_start + 1, line_end, b"}")),
            Some(b'"') if bytes[start - 1] != b'"' => {
                (value_start + 1, find_from(bytes, value_start + 1, line_end, b"\""))
            }
            Some(b'\'') if bytes[start - 1] != b'\'' => {
                (value_start + 1, find_from(bytes, value_start + 1, line_end, b"'"))
            }
            _ => (value_start, find_from(bytes, value_start, line_end, b"; \t\"'`,)")),
        };
        if value_end <= value_start || !text.is_char_boundary(value_start) || !text.is_char_boundary(value_end) {
            continue;
        }
        let password = &text[value_start..value_end];
        if is_stand_in(password) {
            continue;
        }
        last_end = value_end;
        out.push(
            Finding::new(
                secrets::CONNECTION_STRING,
                value_start..value_end,
                format!("password `{}` in a connection string", redact(password)),
            )
            .with_identity(hash_identity(password))
            .redacted(),
        );
    }
}

/// The line around a hit: where it ends, and which connection-string keys it holds.
#[derive(Default)]
struct LineFacts {
    end: usize,
    has_connection_key: bool,
    /// `dbname=` or `host=`, and no comma: libpq's `key=value key=value`.
    libpq_keys: bool,
}

impl LineFacts {
    fn of(bytes: &[u8], at: usize) -> LineFacts {
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let line = bytes[start..end].to_ascii_lowercase();
        LineFacts {
            end,
            has_connection_key: CONNECTION_KEYS.iter().any(|k| filters::contains(&line, k.as_bytes())),
            libpq_keys: (filters::contains(&line, b"dbname=") || filters::contains(&line, b"host="))
                && !line.contains(&b','),
        }
    }
}

fn find_from(bytes: &[u8], from: usize, limit: usize, stops: &[u8]) -> usize {
    bytes[from..limit]
        .iter()
        .position(|b| stops.contains(b))
        .map_or(limit, |i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<String> {
        let hits: Vec<usize> = text.match_indices("://").map(|(i, _)| i).collect();
        let mut out = Vec::new();
        check_urls(text, &hits, &mut out);
        out.iter().map(|f| text[f.span.clone()].to_string()).collect()
    }

    fn conns(text: &str) -> Vec<String> {
        let lower = text.to_ascii_lowercase();
        let hits: Vec<(usize, usize)> = ["password=", "pwd="]
            .iter()
            .flat_map(|k| {
                lower
                    .match_indices(k)
                    .map(|(i, m)| (i, i + m.len()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut out = Vec::new();
        check_connection_strings(text, &hits, &mut out);
        out.iter().map(|f| text[f.span.clone()].to_string()).collect()
    }

    #[test]
    fn url_passwords() {
        assert_eq!(
            urls("DB = 'postgres://app:Zq8r2LkV9t@db.internal:5432/app'"),
            ["Zq8r2LkV9t"]
        );
        assert_eq!(urls("amqp://celery:Hx7!pL2vQ9@rabbit/vhost"), ["Hx7!pL2vQ9"]);
        for text in [
            "postgres://user:password@localhost/db",
            "postgres://app:${DB_PASSWORD}@db/app",
            "https://user:pass@example.com/",
            "redis://:Zq8r2LkV9t@example.org:6379",
            "mysql://root:<password>@db/app",
            "https://github.com/owner/repo",
            "http://user@host.internal/",
        ] {
            assert!(urls(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn connection_string_passwords() {
        assert_eq!(
            conns("Server=db01;Database=Sales;User Id=app;Password=pX7#qL9!vR2m;"),
            ["pX7#qL9!vR2m"]
        );
        assert_eq!(
            conns("host=db.internal dbname=app user=svc password=Vq3Lm9Zt2Kx"),
            ["Vq3Lm9Zt2Kx"]
        );
        assert_eq!(conns("Driver={ODBC};Server=x;Uid=sa;Pwd={Wq8!zR4#tY};"), ["Wq8!zR4#tY"]);
        for text in [
            "Server=db01;User Id=app;Password=***;",
            "Server=db01;User Id=app;Password={0};",
            "Server=db01;User Id=app;Password=$(DB_PASSWORD);",
            "db_password=Vq3Lm9Zt2Kx",
            "Password=Vq3Lm9Zt2Kx",
        ] {
            assert!(conns(text).is_empty(), "{text}");
        }
    }
}
