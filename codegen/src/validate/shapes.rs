//! The shapes of things a registry names: language tags, identifiers, range ids, text characters.

/// A canonical form of a simple BCP 47 tag (language, optional script, optional region),
/// or `None` if `tag` is not of that shape.
pub fn canonical_tag(tag: &str) -> Option<String> {
    let mut parts = tag.split('-');
    let language = parts.next().filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()))?;
    let mut out = language.to_ascii_lowercase();
    let mut seen_script = false;
    let mut seen_region = false;
    for part in parts {
        if !seen_script && !seen_region && part.len() == 4 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            let (first, rest) = part.split_at(1);
            out.push('-');
            out.push_str(&first.to_ascii_uppercase());
            out.push_str(&rest.to_ascii_lowercase());
            seen_script = true;
        } else if !seen_region
            && ((part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
                || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit())))
        {
            out.push('-');
            out.push_str(&part.to_ascii_uppercase());
            seen_region = true;
        } else {
            return None;
        }
    }
    Some(out)
}

pub(super) fn is_forbidden_control(c: char) -> bool {
    // Line breaks are allowed (multi-line descriptions); NEL is a line break too.
    c.is_control() && c != '\n' && c != '\u{85}'
}

pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub(super) fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

pub(super) fn is_screaming_snake_case(text: &str) -> bool {
    is_identifier(text)
        && !text.ends_with('_')
        && !text.contains("__")
        && text.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

pub(super) fn is_kebab_case(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && !text.ends_with('-')
        && !text.contains("--")
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `sessionExpired` -> `SESSION_EXPIRED`, `room_full` -> `ROOM_FULL`.
pub(super) fn to_screaming_snake_case(text: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in text.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            out.push('_');
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_uppercase());
    }
    out.split('_').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_tags_fix_case() {
        assert_eq!(canonical_tag("zh-hans").as_deref(), Some("zh-Hans"));
        assert_eq!(canonical_tag("PT-br").as_deref(), Some("pt-BR"));
        assert_eq!(canonical_tag("en").as_deref(), Some("en"));
        assert_eq!(canonical_tag("english"), None);
        assert_eq!(canonical_tag("en-x-private"), None);
    }

    #[test]
    fn names_convert_to_screaming_snake_case() {
        assert_eq!(to_screaming_snake_case("sessionExpired"), "SESSION_EXPIRED");
        assert_eq!(to_screaming_snake_case("room__full_"), "ROOM_FULL");
    }
}
