//! The rules that read `${{ }}` expressions wherever they are, and `if:` conditions:
//! `actions/bot-conditions`, `actions/unsound-condition`, `actions/unsound-contains`,
//! `actions/unsound-ternary`, `actions/overprovisioned-secrets`, `actions/unredacted-secrets`
//! and the expression half of `actions/obfuscation`.

use std::ops::Range;

use tollgate_rules::{actions, Finding, Rule};

use super::expr::{self, expressions, BinOp, Expr};
use super::yaml::{Node, Value};
use super::Ctx;

/// Triggers whose runs an outsider can cause while the latest actor is a bot they steered.
const PULL_REQUEST_TRIGGERS: &[&str] = &[
    "pull_request",
    "pull_request_target",
    "pull_request_review",
    "pull_request_review_comment",
    "issue_comment",
    "workflow_run",
];

/// Checks every expression of a workflow or action document. `triggers` are the workflow's
/// events (empty for an action).
pub fn check(ctx: &mut Ctx, root: &Node, triggers: &[&str]) {
    let pull_requests = triggers.iter().any(|t| PULL_REQUEST_TRIGGERS.contains(t));
    let mut found = Vec::new();
    walk(ctx.src, root, None, pull_requests, &mut found);
    ctx.out.extend(found);
}

fn walk(src: &str, node: &Node, key: Option<&str>, pull_requests: bool, out: &mut Vec<Finding>) {
    match &node.value {
        Value::Map(pairs) => {
            for pair in pairs {
                walk(src, &pair.value, Some(&pair.key), pull_requests, out);
            }
        }
        Value::Seq(items) => items.iter().for_each(|item| walk(src, item, None, pull_requests, out)),
        Value::Scalar(scalar) => {
            if key == Some("if") {
                check_condition(src, node, &scalar.text, pull_requests, out);
            } else {
                for span in expressions(src, node.span.clone()) {
                    let body = &src[span.start + 3..span.end - 2];
                    if let Some(parsed) = may_matter(body).then(|| expr::parse(body)).flatten() {
                        check_expression(&parsed, span, false, out);
                    }
                }
            }
        }
        Value::Null => {}
    }
}

/// An `if:` is an expression with or without its `${{ }}`; with text outside the fence it is
/// a string, which is always true.
fn check_condition(src: &str, node: &Node, text: &str, pull_requests: bool, out: &mut Vec<Finding>) {
    let span = node.text_span();
    let fences = expressions(text, 0..text.len());
    let body = match fences.as_slice() {
        [] => text,
        [only] if only.start == 0 && only.end == text.len() => &text[3..text.len() - 2],
        _ => {
            let why = if fences.len() == 1 && text[fences[0].end..].trim().is_empty() {
                "the block scalar keeps its final newline outside the `${{ }}`"
            } else {
                "text outside its `${{ }}` makes the value a string"
            };
            out.push(Finding::new(
                actions::UNSOUND_CONDITION,
                condition_span(src, node, &span),
                format!("this `if:` is always true: {why}, and GitHub treats any non-empty string as true; write the condition without `${{{{ }}}}`, or use `|-`"),
            ));
            // The expressions inside still get their own checks.
            for fence in fences {
                if let Some(parsed) = expr::parse(&text[fence.start + 3..fence.end - 2]) {
                    check_expression(&parsed, span.clone(), pull_requests, out);
                }
            }
            return;
        }
    };
    if let Some(parsed) = expr::parse(body) {
        check_expression(&parsed, span, pull_requests, out);
    }
}

/// Whether a check here could fire on this expression: every one needs a call, an operator,
/// an index or the `secrets` context; most expressions are a plain context path, not worth
/// parsing.
fn may_matter(body: &str) -> bool {
    body.contains(['(', '[', '&', '|', '='])
        || body.contains("secrets")
        || body.contains("SECRETS")
        || body.contains("Secrets")
}

/// A block scalar's span starts at its `|`; point at the line after it, where the value is.
fn condition_span(src: &str, node: &Node, span: &Range<usize>) -> Range<usize> {
    let text = &src[node.span.clone()];
    if text.starts_with(['|', '>']) {
        if let Some(newline) = text.find('\n') {
            let rest = &text[newline + 1..];
            let lead = rest.len() - rest.trim_start().len();
            let line = rest.trim_start().lines().next().unwrap_or("");
            let start = node.span.start + newline + 1 + lead;
            return start..start + line.trim_end().len();
        }
    }
    span.clone()
}

fn check_expression(expr: &Expr, span: Range<usize>, condition_of_pull_request: bool, out: &mut Vec<Finding>) {
    let mut push = |rule: &'static Rule, message: String| {
        if !out
            .iter()
            .any(|f| f.rule == rule.id && f.span == span && f.message == message)
        {
            out.push(Finding::new(rule, span.clone(), message));
        }
    };
    if condition_of_pull_request {
        if let Some(actor) = bot_check(expr) {
            push(
                actions::BOT_CONDITIONS,
                format!("`{actor}` names whoever acted last, which an outsider can make a bot; check `github.event.pull_request.user.login` instead"),
            );
        }
    }
    bare_secrets(expr, false, &mut |message| {
        push(actions::OVERPROVISIONED_SECRETS, message)
    });
    expr.visit(&mut |node| match node {
        Expr::Call(name, args) if name == "contains" => {
            if let [Expr::Str(haystack), needle] = args.as_slice() {
                if let Some(path) = needle.path() {
                    push(
                        actions::UNSOUND_CONTAINS,
                        format!("`contains('{haystack}', {path})` is a substring test: any part of the string matches too; use `contains(fromJSON('[...]'), {path})` or `==`"),
                    );
                }
            }
        }
        Expr::Call(name, args) if name == "fromjson" => {
            if let [Expr::Call(inner, _)] = args.as_slice() {
                if inner == "tojson" {
                    push(actions::OBFUSCATION, "`fromJSON(toJSON(x))` is `x`; write `x`".to_string());
                }
            }
        }
        Expr::Call(name, args) if name == "format" && !args.is_empty() && args.iter().all(Expr::is_literal) => {
            push(
                actions::OBFUSCATION,
                "`format()` of literals only is a constant; write the resulting text".to_string(),
            );
        }
        Expr::Call(name, args) if name == "tojson" && args.len() == 1 && args[0].is_literal() => {
            push(actions::OBFUSCATION, "`toJSON()` of a literal is a constant; write the literal".to_string());
        }
        Expr::Member(base, _) | Expr::Index(base, _) => {
            if let Expr::Call(name, args) = base.as_ref() {
                if name == "fromjson" && args.iter().any(names_a_secret) {
                    push(
                        actions::UNREDACTED_SECRETS,
                        "a field of a secret parsed as JSON is not redacted from logs; store the field as its own secret".to_string(),
                    );
                }
            }
        }
        Expr::Binary(BinOp::Or, left, fallback) => {
            if let Expr::Binary(BinOp::And, _, value) = left.as_ref() {
                if value.is_falsy_literal() {
                    push(
                        actions::UNSOUND_TERNARY,
                        format!(
                            "`cond && {value} || {fallback}` yields {fallback} even when cond is true: the true arm {value} is falsy; use `case(cond, {value}, {fallback})`",
                            value = show(value),
                            fallback = show(fallback)
                        ),
                    );
                }
            }
        }
        _ => {}
    });
}

fn show(expr: &Expr) -> String {
    match expr {
        Expr::Str(text) => format!("'{text}'"),
        Expr::Number(n) => n.to_string(),
        Expr::Bool(b) => b.to_string(),
        Expr::Null => "null".to_string(),
        other => other.path().unwrap_or_else(|| "…".to_string()),
    }
}

/// `github.actor == 'x[bot]'` (either side), or `contains`/`startsWith`/`endsWith` of the
/// actor and a bot login, outside a negation.
fn bot_check(expr: &Expr) -> Option<String> {
    let actor = |e: &Expr| {
        e.path()
            .filter(|p| p == "github.actor" || p == "github.triggering_actor")
    };
    let bot = |e: &Expr| matches!(e, Expr::Str(s) if s.to_ascii_lowercase().ends_with("[bot]"));
    match expr {
        Expr::Binary(BinOp::Eq, left, right) => {
            if bot(right) {
                return actor(left);
            }
            if bot(left) {
                return actor(right);
            }
            None
        }
        Expr::Binary(BinOp::And | BinOp::Or, left, right) => bot_check(left).or_else(|| bot_check(right)),
        Expr::Call(name, args)
            if matches!(name.as_str(), "contains" | "startswith" | "endswith") && args.len() == 2 =>
        {
            let found = actor(&args[0]).filter(|_| matches!(&args[1], Expr::Str(s) if s.contains("bot")));
            found.or_else(|| actor(&args[1]).filter(|_| bot(&args[0])))
        }
        _ => None,
    }
}

fn names_a_secret(expr: &Expr) -> bool {
    let mut found = false;
    expr.visit(&mut |e| {
        if e.path()
            .is_some_and(|p| p.starts_with("secrets.") && p != "secrets.github_token")
        {
            found = true;
        }
    });
    found
}

/// `secrets` used whole: not the base of `.name` or of a literal index.
fn bare_secrets(expr: &Expr, as_base: bool, report: &mut impl FnMut(String)) {
    match expr {
        Expr::Ident(name) if name.eq_ignore_ascii_case("secrets") && !as_base => {
            report("the whole `secrets` context is exposed to this job: every secret of the repository and organisation; name the secrets it needs".to_string());
        }
        Expr::Member(base, _) => bare_secrets(base, true, report),
        Expr::Index(base, index) => {
            if matches!(base.as_ref(), Expr::Ident(name) if name.eq_ignore_ascii_case("secrets")) && !index.is_literal()
            {
                report("`secrets[…]` with a computed name makes every secret available to this job; name the secrets it needs".to_string());
            } else {
                bare_secrets(base, index.is_literal(), report);
            }
            bare_secrets(index, false, report);
        }
        Expr::Call(_, args) => args.iter().for_each(|arg| bare_secrets(arg, false, report)),
        Expr::Not(inner) => bare_secrets(inner, false, report),
        Expr::Binary(_, left, right) => {
            bare_secrets(left, false, report);
            bare_secrets(right, false, report);
        }
        _ => {}
    }
}
