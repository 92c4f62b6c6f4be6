//! Locale negotiation for an `Accept-Language` header or a list of tags: the reference the
//! generated `negotiate` functions of every language follow, and the source of the vectors.
//!
//! The rule:
//!
//! 1. The input is a list of items separated by `,` (a header) or given one by one (a list).
//!    Each item is a language tag or `*`, optionally followed by `;q=` and a q-value (RFC 9110,
//!    section 12.4.2: `0` to `1` with at most three decimals); other parameters are ignored.
//!    Whitespace around items, tags and parameters is ignored. An empty item is skipped, and so
//!    is an item whose q-value is malformed.
//! 2. Each tag is matched on its own ([`Registry::match_tag`]); `*` stands for the fallback
//!    locale, the one served when the client accepts anything, and `*;q=0` is ignored (some
//!    text has to be shown). A tag with `q=0` rules its
//!    locale out, wherever else it is listed.
//! 3. Of the remaining matches, the highest q-value wins, and the earlier item on a tie (the
//!    ranking of RFC 9110 and RFC 4647, section 3.4).
//! 4. The fallback locale never outranks a locale the client lists before it. Every page can
//!    always show the fallback, so naming it says "this one too", not "this one rather than the
//!    languages I listed first": `ru;q=0.9, en` gives `ru`, and `en, ru` gives `en`. Headers
//!    sent by browsers list tags in descending q-value, where this changes nothing.
//! 5. When nothing matches, the fallback; if a `q=0` item ruled the fallback out, the first
//!    locale (in registry order) that was not ruled out. If every locale is ruled out, the
//!    fallback all the same: a text has to be shown.

use super::Registry;

/// A q-value in thousandths, 0..=1000.
type Quality = u16;

/// One matched item of the request.
struct Candidate {
    locale: usize,
    quality: Quality,
    position: usize,
}

/// The locale (index into `registry.locales`) for `items`, each an item of an `Accept-Language`
/// header (see the module docs for the rule).
pub fn negotiate<'t>(registry: &Registry, items: impl IntoIterator<Item = &'t str>) -> usize {
    let mut excluded = vec![false; registry.locales.len()];
    let mut candidates = Vec::new();
    for (position, item) in items.into_iter().enumerate() {
        let Some((tag, quality)) = parse_item(item) else { continue };
        if tag == "*" && quality == 0 {
            // "Nothing else": a text has to be shown all the same, so it rules nothing out.
            continue;
        }
        let locale = if tag == "*" { Some(registry.fallback) } else { registry.match_tag(tag) };
        let Some(locale) = locale else { continue };
        if quality == 0 {
            excluded[locale] = true;
        } else {
            candidates.push(Candidate { locale, quality, position });
        }
    }
    candidates.retain(|c| !excluded[c.locale]);
    match best(candidates.iter()) {
        Some(winner) if winner.locale == registry.fallback => {
            let earlier = candidates.iter().filter(|c| c.position < winner.position && c.locale != registry.fallback);
            best(earlier).unwrap_or(winner).locale
        }
        Some(winner) => winner.locale,
        None if !excluded[registry.fallback] => registry.fallback,
        None => (0..registry.locales.len()).find(|&l| !excluded[l]).unwrap_or(registry.fallback),
    }
}

/// The highest q-value, and the earlier item on a tie.
fn best<'c>(pool: impl Iterator<Item = &'c Candidate>) -> Option<&'c Candidate> {
    pool.fold(None, |best, c| match best {
        Some(b) if b.quality > c.quality || (b.quality == c.quality && b.position < c.position) => Some(b),
        _ => Some(c),
    })
}

/// The tag (or `*`) and q-value of one item, or `None` for an empty or malformed item.
fn parse_item(item: &str) -> Option<(&str, Quality)> {
    let mut parts = item.split(';');
    let tag = parts.next().unwrap_or("").trim();
    if tag.is_empty() {
        return None;
    }
    let mut quality = None;
    for parameter in parts {
        let (name, value) = parameter.split_once('=').unwrap_or((parameter, ""));
        if name.trim().eq_ignore_ascii_case("q") && quality.is_none() {
            quality = Some(parse_quality(value.trim())?);
        }
    }
    Some((tag, quality.unwrap_or(1000)))
}

/// A q-value (`0`, `0.5`, `0.125`, `1`, `1.000`) in thousandths.
pub fn parse_quality(text: &str) -> Option<Quality> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths =
        fraction.bytes().chain(core::iter::repeat(b'0')).take(3).fold(0, |n, b| n * 10 + Quality::from(b - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_quality;

    #[test]
    fn q_values_follow_rfc_9110() {
        assert_eq!(parse_quality("0"), Some(0));
        assert_eq!(parse_quality("0."), Some(0));
        assert_eq!(parse_quality("0.9"), Some(900));
        assert_eq!(parse_quality("0.125"), Some(125));
        assert_eq!(parse_quality("1"), Some(1000));
        assert_eq!(parse_quality("1.000"), Some(1000));
        for bad in ["", ".5", "1.5", "0.1234", "2", "-0", "0,5", "0.5a", " 0.5"] {
            assert_eq!(parse_quality(bad), None, "{bad:?}");
        }
    }
}
