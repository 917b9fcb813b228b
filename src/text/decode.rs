//! Turns raw input bytes into text: UTF-8 with or without BOM, UTF-16 with a
//! BOM, and legacy Windows-1252 / Latin-1 files detected by their invalid
//! UTF-8.
//!
//! Decoding never guesses silently: every non-UTF-8 decode adds a warning that
//! ends up in the record. It refuses empty and binary input with an
//! [`Error`] instead of producing an empty record.

use crate::error::Error;

/// Text decoded from an input, with what the decoder had to assume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM excluded. Offsets in the record count its chars.
    pub text: String,
    /// Notes for the record's `warnings` (e.g. a legacy encoding).
    pub warnings: Vec<String>,
}

/// How many leading bytes are inspected for NUL bytes and control characters.
const SNIFF_LEN: usize = 8192;

/// Decodes one input.
///
/// # Errors
///
/// * [`Error::Empty`] when the input holds nothing but white space.
/// * [`Error::Binary`] when its first 8 KiB contain a NUL byte or mostly
///   control characters (a UTF-16 input with a BOM is decoded, not refused).
///
/// # Example
///
/// ```
/// let d = depeche::text::decode(b"\xEF\xBB\xBFCaf\xC3\xA9")?;
/// assert_eq!(d.text, "Café");
/// let d = depeche::text::decode(b"Caf\xE9")?; // Windows-1252
/// assert_eq!(d.text, "Café");
/// assert_eq!(d.warnings.len(), 1);
/// assert!(depeche::text::decode(b" \n").is_err());
/// # Ok::<(), depeche::Error>(())
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    let mut warnings = Vec::new();
    let text = if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == encoding_rs::UTF_8 {
            utf8_or_legacy(body, &mut warnings)?
        } else {
            // UTF-16 input: NUL bytes are expected, so no binary sniffing.
            let (text, had_errors) = encoding.decode_without_bom_handling(body);
            warnings.push(format!("input decoded as {}", encoding.name()));
            if had_errors {
                warnings.push("input has invalid sequences, replaced by U+FFFD".to_string());
            }
            text.into_owned()
        }
    } else {
        utf8_or_legacy(bytes, &mut warnings)?
    };
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(Decoded { text, warnings })
}

fn utf8_or_legacy(bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, Error> {
    check_not_binary(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => {
            // Windows-1252 is a superset of the printable Latin-1 range, so it
            // decodes both legacy encodings French newsrooms used.
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            warnings.push("input is not UTF-8: decoded as windows-1252".to_string());
            Ok(text.into_owned())
        }
    }
}

fn check_not_binary(bytes: &[u8]) -> Result<(), Error> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return Err(Error::Binary);
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if head.len() >= 32 && control * 10 > head.len() {
        return Err(Error::Binary);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_without_and_with_bom() {
        assert_eq!(
            decode("Le « site »".as_bytes()).unwrap().text,
            "Le « site »"
        );
        let d = decode(b"\xEF\xBB\xBFLe site").unwrap();
        assert_eq!(d.text, "Le site");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn windows_1252_with_warning() {
        // « procédure » and the euro sign in Windows-1252.
        let d = decode(b"\xABproc\xE9dure\xBB 3 \x80").unwrap();
        assert_eq!(d.text, "«procédure» 3 €");
        assert_eq!(d.warnings, ["input is not UTF-8: decoded as windows-1252"]);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Été".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Été");
        assert_eq!(d.warnings, ["input decoded as UTF-16LE"]);
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert!(matches!(decode(b""), Err(Error::Empty)));
        assert!(matches!(decode(b"\xEF\xBB\xBF \r\n\t"), Err(Error::Empty)));
        assert!(matches!(decode(b"PK\x03\x04\x00\x00"), Err(Error::Binary)));
        let controls = [1u8; 64];
        assert!(matches!(decode(&controls), Err(Error::Binary)));
    }
}
