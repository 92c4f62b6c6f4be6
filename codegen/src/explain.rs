//! What `ws-close-codes explain` and `ws-close-codes list` print: a registry's answers for one
//! code, or for every registered code, as plain text in one of the registry's locales.

use std::fmt::Write as _;

use crate::model::{Registry, Sender};

/// May a browser page pass `code` to `WebSocket.close()`? The WHATWG WebSocket standard allows
/// only 1000 and 3000-4999 there and throws `InvalidAccessError` for anything else.
pub fn browser_may_send(code: u16) -> bool {
    code == 1000 || (3000..=4999).contains(&code)
}

/// Everything the registry says about `code`, in the locale at `locale` of
/// [`Registry::locales`]. Works for any number: a code without an entry is explained by its
/// range, a number outside every range by the registry's out-of-range texts.
pub fn explain(registry: &Registry, code: u16, locale: usize) -> String {
    let answer = registry.answer(code);
    let mut out = String::new();
    let title = answer.label.title.get(locale);
    match answer.code {
        Some(entry) => {
            let _ = writeln!(out, "{code} {}: {title}", entry.name);
        }
        None => {
            let _ = writeln!(out, "{code}: no registered entry; {title}");
        }
    }
    let _ = writeln!(out);
    for line in wrap(answer.label.description.get(locale), 96) {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out);
    let range = match answer.range {
        Some(range) => format!("{}-{} {} ({})", range.start, range.end, range.id, range.label.title.get(locale)),
        None => "none".to_owned(),
    };
    let _ = writeln!(out, "  range:       {range}");
    if let Some(entry) = answer.code {
        let sender = registry.sender_label(entry.sender).title.get(locale);
        let _ = writeln!(out, "  sent by:     {} ({sender})", entry.sender.key());
        if let Some(reference) = &entry.reference {
            let url = entry.url.as_deref().map_or_else(String::new, |url| format!(" <{url}>"));
            let _ = writeln!(out, "  defined in:  {}{url}", reference.get(locale));
        }
        if !entry.aliases.is_empty() {
            let _ = writeln!(out, "  also named:  {}", entry.aliases.join(", "));
        }
    }
    let sendable = if answer.sendable {
        "yes: an endpoint may put it in a Close frame"
    } else if answer.code.is_some_and(|entry| entry.sender == Sender::Local) {
        "no: reported locally by an API, never sent in a Close frame"
    } else {
        "no: an endpoint must not put it in a Close frame"
    };
    let _ = writeln!(out, "  sendable:    {sendable}");
    let browser = if browser_may_send(code) {
        "yes: a page may pass it to WebSocket.close()"
    } else {
        "no: WebSocket.close() accepts only 1000 and 3000-4999 and throws for it"
    };
    let _ = writeln!(out, "  browser:     {browser}");
    let reconnect = registry.reconnect_label(answer.reconnect);
    let _ = writeln!(out, "  reconnect:   {} ({})", answer.reconnect.key(), reconnect.title.get(locale));
    for line in wrap(reconnect.description.get(locale), 82) {
        let _ = writeln!(out, "               {line}");
    }
    out
}

/// One line per registered code: number, name, whether it may be sent, the reconnect hint and
/// the title in the locale at `locale`, with aligned columns.
pub fn table(registry: &Registry, locale: usize) -> String {
    let width = registry.codes.iter().map(|code| code.name.len()).max().unwrap_or(4).max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<5}  {:<width$}  {:<8}  {:<7}  {:<14}  title",
        "code", "name", "sendable", "browser", "reconnect"
    );
    for code in &registry.codes {
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        let _ = writeln!(
            out,
            "{:<5}  {:<width$}  {:<8}  {:<7}  {:<14}  {}",
            code.code,
            code.name,
            yes_no(code.sendable),
            yes_no(browser_may_send(code.code)),
            code.reconnect.key(),
            code.label.title.get(locale)
        );
    }
    out
}

/// Splits `text` into lines of at most `width` characters at spaces (a longer word stays whole;
/// text without spaces, such as Chinese, is cut at `width` characters).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_owned();
        while word.chars().count() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let cut: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(cut);
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_rule_is_1000_and_3000_to_4999() {
        let allowed: Vec<u16> = (0..=u16::MAX).filter(|&c| browser_may_send(c)).collect();
        assert_eq!(allowed.len(), 1 + 2000);
        assert!(browser_may_send(1000) && browser_may_send(3000) && browser_may_send(4999));
        assert!(!browser_may_send(1001) && !browser_may_send(2999) && !browser_may_send(5000));
    }

    #[test]
    fn wrapping_keeps_every_character_and_the_width() {
        let text = "один два три четыре пять шесть семь восемь девять десять";
        let lines = wrap(text, 12);
        assert!(lines.iter().all(|l| l.chars().count() <= 12), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        let chinese = "连接保持期间用户的会话令牌已过期客户端应刷新令牌";
        assert_eq!(wrap(chinese, 10).concat(), chinese);
    }
}
