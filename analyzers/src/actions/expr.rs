//! `${{ }}` expressions: where they are in the source and what context paths they name.

use std::ops::Range;

/// Whether a string contains a `${{ }}` expression (whose value we cannot know).
pub fn has_expression(text: &str) -> bool {
    text.contains("${{")
}

/// Every `${{ … }}` in `span` of `src`, as byte ranges including the braces.
pub fn expressions(src: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let Some(text) = src.get(span.clone()) else {
        return found;
    };
    // Called for every scalar of every file: a byte search for `$`, not a substring searcher
    // set up each time.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(dollar) = memchr::memchr(b'$', &bytes[from..]) {
        let start = from + dollar;
        if !bytes[start..].starts_with(b"${{") {
            from = start + 1;
            continue;
        }
        match memchr::memmem::find(&bytes[start + 3..], b"}}") {
            Some(close) => {
                let end = start + 3 + close + 2;
                found.push(span.start + start..span.start + end);
                from = end;
            }
            None => break,
        }
    }
    found
}

/// An expression's body, lower-cased with whitespace removed and indexing normalised:
/// `github.event['pull_request'].title` becomes `github.event.pull_request.title`.
pub fn normalize_expression(expr: &str) -> String {
    let body = expr
        .trim()
        .trim_start_matches("${{")
        .trim_end_matches("}}")
        .to_ascii_lowercase();
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '[' => {
                let mut inner = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    inner.push(d);
                }
                let inner = inner.trim().trim_matches(|q| q == '\'' || q == '"');
                out.push('.');
                if inner.chars().all(|d| d.is_ascii_digit()) {
                    out.push('*');
                } else {
                    out.push_str(inner);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A condition with whitespace removed, lower-cased, and `"` read as `'`: how the rules that
/// look for a known shape of condition compare it.
pub fn compact(condition: &str) -> String {
    condition
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '"' { '\'' } else { c.to_ascii_lowercase() })
        .collect()
}

/// The dotted context paths in a normalized expression body.
pub fn context_paths(normalized: &str) -> impl Iterator<Item = &str> {
    normalized
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '*' | '-')))
        .filter(|part| part.contains('.') && part.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// A parsed expression body (the text inside `${{ }}`, or an `if:` without the fence).
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Str(String),
    Number(f64),
    Bool(bool),
    Null,
    /// The first name of a context path: `github`, `secrets`, `matrix`.
    Ident(String),
    /// `base.name`, `base.*`.
    Member(Box<Expr>, String),
    /// `base[index]`.
    Index(Box<Expr>, Box<Expr>),
    /// `name(args)`, the name lower-cased (functions are case-insensitive).
    Call(String, Vec<Expr>),
    Not(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    And,
    Or,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Expr {
    /// The dotted path of a context access made of names and literal indexes, lower-cased:
    /// `github.event['pull_request'].title` is `github.event.pull_request.title`.
    pub fn path(&self) -> Option<String> {
        match self {
            Expr::Ident(name) => Some(name.to_ascii_lowercase()),
            Expr::Member(base, name) => Some(format!("{}.{}", base.path()?, name.to_ascii_lowercase())),
            Expr::Index(base, index) => match index.as_ref() {
                Expr::Str(key) => Some(format!("{}.{}", base.path()?, key.to_ascii_lowercase())),
                Expr::Number(_) => Some(format!("{}.*", base.path()?)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Literal values: strings, numbers, booleans and null.
    pub fn is_literal(&self) -> bool {
        matches!(self, Expr::Str(_) | Expr::Number(_) | Expr::Bool(_) | Expr::Null)
    }

    /// A literal that GitHub's `&&` and `||` treat as false: `''`, `0`, `false`, `null`.
    pub fn is_falsy_literal(&self) -> bool {
        match self {
            Expr::Str(text) => text.is_empty(),
            Expr::Number(n) => *n == 0.0,
            Expr::Bool(b) => !b,
            Expr::Null => true,
            _ => false,
        }
    }

    /// Every sub-expression, this one first.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Member(base, _) | Expr::Not(base) => base.visit(f),
            Expr::Index(base, index) => {
                base.visit(f);
                index.visit(f);
            }
            Expr::Call(_, args) => args.iter().for_each(|arg| arg.visit(f)),
            Expr::Binary(_, left, right) => {
                left.visit(f);
                right.visit(f);
            }
            _ => {}
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Str(String),
    Number(f64),
    Name(String),
    Op(&'static str),
}

fn tokenize(text: &str) -> Option<Vec<Token>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'\'' => {
                // '' inside a string is one quote.
                let mut value = String::new();
                i += 1;
                loop {
                    let rest = text.get(i..)?;
                    let quote = rest.find('\'')?;
                    value.push_str(&rest[..quote]);
                    i += quote + 1;
                    if bytes.get(i) == Some(&b'\'') {
                        value.push('\'');
                        i += 1;
                    } else {
                        break;
                    }
                }
                tokens.push(Token::Str(value));
            }
            b'0'..=b'9' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                    i += 1;
                }
                let word = &text[start..i];
                let number = match word.strip_prefix("0x") {
                    Some(hex) => i64::from_str_radix(hex, 16).ok()? as f64,
                    None => word.parse().ok()?,
                };
                tokens.push(Token::Number(number));
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'-')) {
                    i += 1;
                }
                tokens.push(Token::Name(text[start..i].to_string()));
            }
            _ => {
                let two = text.get(i..i + 2).unwrap_or("");
                let op = ["&&", "||", "==", "!=", "<=", ">="]
                    .into_iter()
                    .find(|op| *op == two)
                    .or_else(|| {
                        ["!", "<", ">", "(", ")", "[", "]", ",", ".", "*"]
                            .into_iter()
                            .find(|op| op.as_bytes()[0] == b)
                    })?;
                tokens.push(Token::Op(op));
                i += op.len();
            }
        }
    }
    Some(tokens)
}

/// Parses an expression body; `None` when it is not valid expression syntax.
pub fn parse(text: &str) -> Option<Expr> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let expr = parser.or()?;
    (parser.at == parser.tokens.len()).then_some(expr)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek_op(&self, op: &str) -> bool {
        matches!(self.tokens.get(self.at), Some(Token::Op(o)) if *o == op)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let found = self.peek_op(op);
        if found {
            self.at += 1;
        }
        found
    }

    fn binary(&mut self, ops: &[(&str, BinOp)], next: fn(&mut Self) -> Option<Expr>) -> Option<Expr> {
        let mut left = next(self)?;
        'outer: loop {
            for (text, op) in ops {
                if self.eat_op(text) {
                    let right = next(self)?;
                    left = Expr::Binary(*op, Box::new(left), Box::new(right));
                    continue 'outer;
                }
            }
            return Some(left);
        }
    }

    fn or(&mut self) -> Option<Expr> {
        // Nesting is bounded: expressions come from files anyone can write.
        self.depth += 1;
        if self.depth > 64 {
            return None;
        }
        let expr = self.binary(&[("||", BinOp::Or)], Self::and);
        self.depth -= 1;
        expr
    }

    fn and(&mut self) -> Option<Expr> {
        self.binary(&[("&&", BinOp::And)], Self::equality)
    }

    fn equality(&mut self) -> Option<Expr> {
        self.binary(&[("==", BinOp::Eq), ("!=", BinOp::Ne)], Self::comparison)
    }

    fn comparison(&mut self) -> Option<Expr> {
        self.binary(
            &[("<=", BinOp::Le), (">=", BinOp::Ge), ("<", BinOp::Lt), (">", BinOp::Gt)],
            Self::unary,
        )
    }

    fn unary(&mut self) -> Option<Expr> {
        if self.eat_op("!") {
            return Some(Expr::Not(Box::new(self.unary()?)));
        }
        self.postfix()
    }

    fn postfix(&mut self) -> Option<Expr> {
        let mut expr = self.primary()?;
        loop {
            if self.eat_op(".") {
                match self.tokens.get(self.at).cloned() {
                    Some(Token::Name(name)) => expr = Expr::Member(Box::new(expr), name),
                    Some(Token::Op("*")) => expr = Expr::Member(Box::new(expr), "*".to_string()),
                    _ => return None,
                }
                self.at += 1;
            } else if self.eat_op("[") {
                let index = if self.eat_op("*") {
                    Expr::Str("*".to_string())
                } else {
                    self.or()?
                };
                if !self.eat_op("]") {
                    return None;
                }
                expr = Expr::Index(Box::new(expr), Box::new(index));
            } else {
                return Some(expr);
            }
        }
    }

    fn primary(&mut self) -> Option<Expr> {
        let token = self.tokens.get(self.at).cloned()?;
        self.at += 1;
        match token {
            Token::Str(text) => Some(Expr::Str(text)),
            Token::Number(n) => Some(Expr::Number(n)),
            Token::Op("(") => {
                let inner = self.or()?;
                self.eat_op(")").then_some(inner)
            }
            Token::Name(name) => {
                if self.eat_op("(") {
                    let mut args = Vec::new();
                    if !self.eat_op(")") {
                        loop {
                            args.push(self.or()?);
                            if self.eat_op(")") {
                                break;
                            }
                            if !self.eat_op(",") {
                                return None;
                            }
                        }
                    }
                    return Some(Expr::Call(name.to_ascii_lowercase(), args));
                }
                Some(match name.as_str() {
                    "true" => Expr::Bool(true),
                    "false" => Expr::Bool(false),
                    "null" => Expr::Null,
                    _ => Expr::Ident(name),
                })
            }
            Token::Op(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_parse() {
        let expr = parse("github.actor == 'dependabot[bot]' && !cancelled()").unwrap();
        let Expr::Binary(BinOp::And, left, right) = expr else {
            panic!()
        };
        let Expr::Binary(BinOp::Eq, actor, login) = *left else {
            panic!()
        };
        assert_eq!(actor.path().as_deref(), Some("github.actor"));
        assert_eq!(*login, Expr::Str("dependabot[bot]".into()));
        assert_eq!(*right, Expr::Not(Box::new(Expr::Call("cancelled".into(), vec![]))));
        let expr = parse("fromJSON(secrets.CREDS)['user'].name").unwrap();
        assert!(matches!(expr, Expr::Member(_, ref n) if n == "name"));
        assert_eq!(
            parse("a && '' || 'b'").unwrap(),
            Expr::Binary(
                BinOp::Or,
                Box::new(Expr::Binary(
                    BinOp::And,
                    Box::new(Expr::Ident("a".into())),
                    Box::new(Expr::Str(String::new()))
                )),
                Box::new(Expr::Str("b".into())),
            )
        );
        assert_eq!(parse("'it''s'").unwrap(), Expr::Str("it's".into()));
        assert_eq!(
            parse("github.event.commits[0].message").unwrap().path().as_deref(),
            Some("github.event.commits.*.message")
        );
        assert!(parse("a ==").is_none());
        assert!(parse("'open").is_none());
        assert!(parse(&"(".repeat(500)).is_none());
    }

    #[test]
    fn expressions_are_normalized() {
        assert_eq!(
            normalize_expression("${{ github.event['pull_request'].Title }}"),
            "github.event.pull_request.title"
        );
        assert_eq!(
            normalize_expression("${{ github.event.commits[0].message }}"),
            "github.event.commits.*.message"
        );
    }
}
