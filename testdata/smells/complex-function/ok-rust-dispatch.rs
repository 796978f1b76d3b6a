// Rust's cyclomatic complexity is off by default: a `match` over every variant is how Rust
// dispatches, and its 20 arms are not 20 decisions anyone has to hold in mind (cognitive
// complexity, which gates Rust, counts the `match` once).
pub enum Code {
    Ok, Created, Accepted, NoContent, Moved, Found, NotModified, BadRequest, Unauthorized,
    Forbidden, NotFound, Conflict, Gone, TooLarge, Teapot, TooMany, Internal, BadGateway,
    Unavailable, Timeout,
}

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
