//! Content hashing: the one fact every target compares to decide "upload or skip".
//!
//! SHA-256, hex-encoded. Object-store ETags cannot serve (they are not content hashes for
//! multipart uploads) and modification times do not survive a rebuild, so content is hashed.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::error::PublishError;

/// The hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The hex SHA-256 and length of the file at `path`, read in pieces.
pub fn sha256_file(path: &Path) -> Result<(String, u64), PublishError> {
    let mut file = std::fs::File::open(path).map_err(|e| PublishError::io("read", path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut len = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(|e| PublishError::io("read", path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    Ok((hex(&hasher.finalize()), len))
}

fn hex(digest: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(digest.len() * 2);
    for byte in digest {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 0xf)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
