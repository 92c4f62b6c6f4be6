//! The texts of the registry, the example registry and the docs prose follow the glossary and the
//! punctuation rules written at the top of `codes.toml`: one term per concept, en dashes in ru and
//! zh-Hans number ranges, full-width punctuation inside zh-Hans sentences, one wording for
//! "fail the connection".

use std::path::{Path, PathBuf};

use ws_close_codes_codegen::application::load_application_over;
use ws_close_codes_codegen::emit::markdown::prose::{self, Prose};
use ws_close_codes_codegen::load;
use ws_close_codes_codegen::model::{Label, Registry};

/// Words the glossary rules out, per locale, with the term to write instead. A word is matched
/// case-insensitively; `unless_followed_by`/`unless_preceded_by` allow the one legitimate use
/// (an HTTP status code is called a status code).
struct Forbidden {
    locale: &'static str,
    word: &'static str,
    instead: &'static str,
    unless_preceded_by: Option<&'static str>,
    unless_followed_by: Option<&'static str>,
}

const fn no(locale: &'static str, word: &'static str, instead: &'static str) -> Forbidden {
    Forbidden { locale, word, instead, unless_preceded_by: None, unless_followed_by: None }
}

const FORBIDDEN: &[Forbidden] = &[
    // English.
    Forbidden { unless_preceded_by: Some("HTTP "), ..no("en", "status code", "close code") },
    no("en", "close with 1002", "fail the connection"),
    no("en", "close the connection with 1002", "fail the connection"),
    // Simplified Chinese.
    Forbidden { unless_preceded_by: Some("HTTP "), ..no("zh-Hans", "状态码", "关闭码") },
    no("zh-Hans", "此码", "此关闭码"),
    no("zh-Hans", "关闭代码", "关闭码"),
    no("zh-Hans", "终端", "端点"),
    no("zh-Hans", "节点", "端点"),
    no("zh-Hans", "对方端点", "对端"),
    no("zh-Hans", "结束帧", "关闭帧"),
    no("zh-Hans", "重连接", "重新连接"),
    no("zh-Hans", "重新链接", "重新连接"),
    no("zh-Hans", "回退", "退避"),
    no("zh-Hans", "逐渐增长", "逐次递增"),
    no("zh-Hans", "逐渐增加", "逐次递增"),
    no("zh-Hans", "随每次失败而递增", "逐次递增"),
    no("zh-Hans", "有效载荷", "负载"),
    no("zh-Hans", "凭证", "凭据"),
    no("zh-Hans", "登记", "注册"),
    no("zh-Hans", "断开连接", "使连接失败"),
    no("zh-Hans", "以 1002 关闭", "以 1002 使连接失败"),
    // Russian.
    Forbidden { unless_followed_by: Some(" HTTP"), ..no("ru", "код состояния", "код закрытия") },
    Forbidden {
        unless_followed_by: Some(" HTTP"), ..no("ru", "коды состояния", "коды закрытия")
    },
    no("ru", "код статуса", "код закрытия"),
    no("ru", "статус-код", "код закрытия"),
    Forbidden { unless_followed_by: Some("ворк"), ..no("ru", "фрейм", "кадр") },
    no("ru", "оконечн", "конечная точка"),
    no("ru", "переподсоедин", "переподключиться"),
    no("ru", "повторное подключение", "переподключение"),
    no("ru", "реконнект", "переподключение"),
    no("ru", "рукопожатие закрытия", "закрывающее рукопожатие"),
    no("ru", "хендшейк", "рукопожатие"),
    no("ru", "полезные данные", "полезная нагрузка"),
    no("ru", "экспоненциальн", "нарастающая задержка"),
    no("ru", "случайная пауза", "случайная задержка"),
    no("ru", "зарегистрированном в iana", "согласно реестру IANA"),
    no("ru", "разорвать соединение", "прервать соединение"),
    no("ru", "закрыть соединение с кодом 1002", "прервать соединение"),
];

/// ASCII punctuation that a zh-Hans sentence writes full-width.
const ASCII_SENTENCE_PUNCTUATION: &[char] = &[',', '.', ';', ':', '!', '?', '(', ')', '"'];

/// Is `c` a Han character or full-width punctuation, i.e. part of a Chinese sentence?
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
        || matches!(c, '\u{201C}' | '\u{201D}')
}

/// Is the parenthesis at `i` part of code such as `close()` or `close(code, reason)`: an opening
/// one right after an ASCII name, or the closing one of such a call (nothing Chinese between)?
fn is_call_syntax(chars: &[char], i: usize) -> bool {
    let opens_call = |open: usize| open > 0 && (chars[open - 1].is_ascii_alphanumeric() || chars[open - 1] == '_');
    match chars[i] {
        '(' => opens_call(i),
        ')' => chars[..i]
            .iter()
            .rposition(|&c| c == '(')
            .is_some_and(|open| opens_call(open) && !chars[open..i].iter().any(|&c| is_chinese(c))),
        _ => false,
    }
}

/// Every rule `text` (in `locale`) breaks, as readable findings.
fn lint(locale: &str, text: &str) -> Vec<String> {
    let mut findings = Vec::new();
    let chars: Vec<char> = without_link_destinations(text).chars().collect();
    if locale == "ru" || locale == "zh-Hans" {
        for window in chars.windows(3) {
            if window[0].is_ascii_digit() && window[1] == '-' && window[2].is_ascii_digit() {
                findings.push(format!("a hyphen between two numbers (write an en dash, 3000\u{2013}4999): {text:?}"));
                break;
            }
        }
    }
    if locale == "zh-Hans" {
        for (i, &c) in chars.iter().enumerate() {
            if !ASCII_SENTENCE_PUNCTUATION.contains(&c) {
                continue;
            }
            if is_call_syntax(&chars, i) {
                continue;
            }
            let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let after = chars.get(i + 1).copied();
            if before.is_some_and(is_chinese) || after.is_some_and(is_chinese) {
                findings.push(format!("ASCII `{c}` inside a Chinese sentence (write it full-width): {text:?}"));
            }
        }
    }
    let lower = text.to_lowercase();
    for rule in FORBIDDEN.iter().filter(|rule| rule.locale == locale) {
        let word = rule.word.to_lowercase();
        for (at, _) in lower.match_indices(&word) {
            let preceded = rule.unless_preceded_by.is_some_and(|p| lower[..at].ends_with(&p.to_lowercase()));
            let followed =
                rule.unless_followed_by.is_some_and(|f| lower[at + word.len()..].starts_with(&f.to_lowercase()));
            if !preceded && !followed {
                findings
                    .push(format!("`{}` is not the glossary's term (write `{}`): {text:?}", rule.word, rule.instead));
            }
        }
    }
    findings
}

/// `text` without the destinations of Markdown links (`[overview](index.md)` -> `[overview]`): their
/// parentheses are Markdown syntax, not punctuation of the sentence.
fn without_link_destinations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("](") {
        out.push_str(&rest[..=start]);
        match rest[start..].find(')') {
            Some(end) => rest = &rest[start + end + 1..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// Every text of a registry, with its locale and where it comes from.
fn registry_texts(registry: &Registry) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut label = |owner: String, label: &Label| {
        for (key, texts) in [("title", &label.title), ("description", &label.description)] {
            for (locale, text) in registry.locales.iter().zip(texts.iter()) {
                out.push((locale.clone(), format!("{key} of {owner}"), text.to_owned()));
            }
        }
    };
    label("out_of_range".to_owned(), &registry.out_of_range);
    for (index, hint) in registry.reconnect_labels.iter().enumerate() {
        label(format!("reconnect hint {index}"), hint);
    }
    for (index, sender) in registry.sender_labels.iter().enumerate() {
        label(format!("sender {index}"), sender);
    }
    for range in &registry.ranges {
        label(format!("range {}", range.id), &range.label);
    }
    for code in &registry.codes {
        label(format!("code {}", code.code), &code.label);
    }
    for code in &registry.codes {
        for (locale, text) in registry.locales.iter().zip(code.reference.iter().flat_map(|r| r.iter())) {
            out.push((locale.clone(), format!("reference of code {}", code.code), text.to_owned()));
        }
    }
    out
}

/// Every text of the docs prose of `locale`.
fn prose_texts(p: &Prose) -> Vec<&'static str> {
    let mut out = vec![
        p.book_title,
        p.summary_title,
        p.overview_title,
        p.reference_title,
        p.ranges_heading,
        p.ranges_introduction,
        p.ranges_per_code,
        p.codes_heading,
        p.codes_introduction,
        p.choosing_heading,
        p.browser_heading,
        p.interop_heading,
        p.interop_introduction,
        p.interop_advice,
        p.hints_heading,
        p.hints_introduction,
        p.senders_heading,
        p.reference_introduction,
        p.facts.iana_name,
        p.facts.reference,
        p.facts.sendable,
        p.facts.sender,
        p.facts.reconnect,
        p.facts.aliases,
        p.facts.constant,
        p.yes,
        p.no,
        p.none,
    ];
    for list in [p.introduction, p.choosing, p.browser, p.interop] {
        out.extend(list.iter().copied());
    }
    out.extend(p.ranges_columns);
    out.extend(p.codes_columns);
    out.extend(p.hints_columns);
    out.extend(p.senders_columns);
    out
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn standard() -> Registry {
    let text = std::fs::read_to_string(root().join("codes.toml")).expect("codes.toml is readable");
    load("codes.toml", &text).expect("codes.toml is valid").registry
}

fn assert_clean(findings: Vec<String>) {
    assert!(findings.is_empty(), "{} finding(s):\n{}", findings.len(), findings.join("\n"));
}

#[test]
fn every_text_of_the_registry_follows_the_glossary() {
    let registry = standard();
    let texts = registry_texts(&registry);
    assert!(texts.len() > 200, "the registry's texts were read ({} of them)", texts.len());
    let findings = texts
        .iter()
        .flat_map(|(locale, what, text)| lint(locale, text).into_iter().map(move |f| format!("{what}: {f}")));
    assert_clean(findings.collect());
}

#[test]
fn every_text_of_the_example_registry_follows_the_glossary() {
    let path = root().join("examples/chat-app/close-codes.toml");
    let bytes = std::fs::read(&path).expect("the example registry is readable");
    let application = load_application_over(&standard(), "close-codes.toml", &bytes, true).expect("it is valid");
    let own: Vec<u16> = (4000..=4999).filter(|n| application.registry.code(*n).is_some()).collect();
    assert!(!own.is_empty(), "the example registry has codes of its own");
    let findings = registry_texts(&application.registry)
        .into_iter()
        .flat_map(|(locale, what, text)| lint(&locale, &text).into_iter().map(move |f| format!("{what}: {f}")));
    assert_clean(findings.collect());
}

#[test]
fn every_text_of_the_docs_prose_follows_the_glossary() {
    let registry = standard();
    let mut findings = Vec::new();
    for locale in &registry.locales {
        for text in prose_texts(prose::for_locale(locale)) {
            findings.extend(lint(locale, text).into_iter().map(|f| format!("{locale} prose: {f}")));
        }
    }
    assert_clean(findings);
}

// The checker itself: each rule catches the mistake it names, and leaves good text alone.

#[test]
fn a_hyphen_between_numbers_in_russian_is_a_finding() {
    assert_eq!(lint("ru", "Коды 3000-4999 свободны.").len(), 1);
    assert!(lint("ru", "Коды 3000\u{2013}4999 свободны, 16-битное число, TCP-соединение.").is_empty());
    assert!(lint("en", "Codes 3000-4999.").is_empty());
}

#[test]
fn a_term_outside_the_glossary_is_a_finding() {
    assert_eq!(lint("zh-Hans", "服务器发送此状态码。").len(), 1);
    assert_eq!(lint("zh-Hans", "此码不能发送。").len(), 1);
    assert!(lint("zh-Hans", "关闭码不是 HTTP 状态码。").is_empty());
    assert_eq!(lint("ru", "Код состояния 1000 означает норму.").len(), 1);
    assert_eq!(lint("ru", "Фрейм закрытия.").len(), 1);
    assert!(lint("ru", "Библиотеки и фреймворки.").is_empty());
    assert!(lint("ru", "Это не коды состояния HTTP.").is_empty());
    assert_eq!(lint("en", "The status code 1000.").len(), 1);
    assert_eq!(lint("en", "It must close with 1002.").len(), 1);
}

#[test]
fn ascii_punctuation_inside_a_chinese_sentence_is_a_finding() {
    assert_eq!(lint("zh-Hans", "客户端(发起连接的端点)发送它").len(), 2);
    assert_eq!(lint("zh-Hans", "任一端点都可以发送它,接收方完成关闭握手.").len(), 2);
    assert!(lint("zh-Hans", "浏览器的 close() 只接受 1000；见 RFC 6455 第 7.4.1 节和[概述](index.md)。").is_empty());
    assert!(lint("zh-Hans", "页面调用了 close()，服务器回送 close(code, reason)。").is_empty());
    assert_eq!(lint("zh-Hans", "页面调用了 close(（关闭）)。").len(), 1);
}

/// Every text of the page "What to do at a close" in one locale.
fn at_close_texts(p: &ws_close_codes_codegen::emit::markdown::at_close::AtCloseProse) -> Vec<&'static str> {
    let mut out = vec![
        p.title,
        p.introduction,
        p.frames_heading,
        p.frames_introduction,
        p.build_rules,
        p.browser_heading,
        p.browser,
        p.reconnect_heading,
        p.reconnect_introduction,
        p.delays_introduction,
        p.functions_heading,
        p.functions_column,
        p.seconds,
    ];
    out.extend(p.parse_rules.iter().copied());
    out.extend(p.reconnect_rules);
    out.extend(p.delays_columns);
    out.extend(p.functions);
    out
}

#[test]
fn every_text_of_the_at_close_page_follows_the_glossary() {
    let registry = standard();
    let mut findings = Vec::new();
    for locale in &registry.locales {
        let p = ws_close_codes_codegen::emit::markdown::at_close::for_locale(locale);
        for text in at_close_texts(p) {
            findings.extend(lint(locale, text).into_iter().map(|f| format!("{locale} at-close page: {f}")));
        }
    }
    assert_clean(findings);
}
