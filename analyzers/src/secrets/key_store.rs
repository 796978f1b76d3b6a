//! PKCS#12 key stores (`.p12`, `.pfx`): binary files that are secrets by their name alone.

use tollgate_rules::{secrets, Finding};

use super::hash_identity;

/// Whether `path` names a PKCS#12 key store: such a file is read as bytes, never as text.
pub fn is_key_store(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".p12") || lower.ends_with(".pfx")
}

/// The finding of a key store (none for any other file). `bytes`, its content, identify it
/// without being shown.
pub fn key_store(path: &str, bytes: &[u8]) -> Vec<Finding> {
    if !is_key_store(path) {
        return Vec::new();
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    vec![Finding::new(
        secrets::PKCS12_FILE,
        0..0,
        format!("`{name}` is a PKCS#12 key store: a private key and its certificate"),
    )
    .with_identity(hash_identity(&format!("{}:{}", bytes.len(), sha_hex(bytes))))
    .redacted()]
}

fn sha_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    super::hex(&Sha256::digest(bytes))
}
