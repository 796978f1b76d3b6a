// settings: [rust]
// settings: max-complexity = 15
// A maximum in `[rust]` turns the rule on: the same dispatch table, 19 decisions
// (each arm after the first).
pub enum Code {
    Ok, Created, Accepted, NoContent, Moved, Found, NotModified, BadRequest, Unauthorized,
    Forbidden, NotFound, Conflict, Gone, TooLarge, Teapot, TooMany, Internal, BadGateway,
    Unavailable, Timeout,
}

// expect: smells/complex-function reason value=20
pub fn reason(code: &Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Created => "Created",
        Code::Accepted => "Accepted",
        Code::NoContent => "No Content",
        Code::Moved => "Moved Permanently",
        Code::Found => "Found",
        Code::NotModified => "Not Modified",
        Code::BadRequest => "Bad Request",
        Code::Unauthorized => "Unauthorized",
        Code::Forbidden => "Forbidden",
        Code::NotFound => "Not Found",
        Code::Conflict => "Conflict",
        Code::Gone => "Gone",
        Code::TooLarge => "Payload Too Large",
        Code::Teapot => "I'm a teapot",
        Code::TooMany => "Too Many Requests",
        Code::Internal => "Internal Server Error",
        Code::BadGateway => "Bad Gateway",
        Code::Unavailable => "Service Unavailable",
        Code::Timeout => "Gateway Timeout",
    }
}
