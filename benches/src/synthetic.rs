//! Synthetic registries: valid TOML of any size, for measuring how the generator scales.
//!
//! Eight ranges of 8,192 codes each cover 0-65535, so every number is in a range. The `count`
//! codes are spread evenly over 0-65535; each has a unique SCREAMING_SNAKE name, every key a real
//! entry has, and a title and a description of realistic length in English, Simplified Chinese
//! and Russian, each naming its code so that no two texts are equal.

use std::fmt::Write as _;

/// The most codes a synthetic registry can hold: one per u16.
pub const MAX_CODES: usize = 1 << 16;

/// The number of ranges; they split 0-65535 into equal parts.
const RANGES: u32 = 8;

/// The reconnect hints, given to the codes in turn.
const HINTS: [&str; 4] = ["never", "backoff", "reauthenticate", "unspecified"];

/// A valid registry with `count` codes (at most [`MAX_CODES`]) in three locales, spread evenly
/// over 0-65535.
pub fn registry(count: usize) -> String {
    assert!(count <= MAX_CODES, "a registry holds at most {MAX_CODES} codes");
    registry_with(count, |index| (index * MAX_CODES / count.max(1)) as u32)
}

/// A valid registry with a code for every number of 3000-4999 (2,000 codes, the whole space
/// applications register in), in three locales.
pub fn application_space() -> String {
    registry_with(2_000, |index| 3_000 + index as u32)
}

/// The registry with `count` codes, the `index`th at `number(index)` (ascending, distinct).
fn registry_with(count: usize, number: impl Fn(usize) -> u32) -> String {
    let mut toml = String::with_capacity(1024 + count * 1600);
    toml.push_str(
        "# A synthetic registry for benchmarks.\nlocales = [\"en\", \"zh-Hans\", \"ru\"]\nfallback = \"en\"\n\n",
    );
    toml.push_str("[out_of_range]\nreconnect = \"never\"\n");
    texts(&mut toml, "no range", "无范围", "вне диапазонов");
    for hint in HINTS {
        let _ = writeln!(toml, "\n[reconnect.{hint}]");
        texts(&mut toml, &format!("hint {hint}"), &format!("提示 {hint}"), &format!("подсказка {hint}"));
    }
    for sender in ["client", "server", "either", "local", "none"] {
        let _ = writeln!(toml, "\n[sender.{sender}]");
        texts(&mut toml, &format!("sender {sender}"), &format!("发送方 {sender}"), &format!("отправитель {sender}"));
    }
    let width = (MAX_CODES as u32) / RANGES;
    for index in 0..RANGES {
        let (start, end) = (index * width, (index + 1) * width - 1);
        let sendable = index % 2 == 1;
        let _ = writeln!(
            toml,
            "\n[[range]]\nid = \"block-{index}\"\nstart = {start}\nend = {end}\nsendable = {sendable}\nreconnect = \"unspecified\""
        );
        texts(&mut toml, &format!("range {index}"), &format!("范围 {index}"), &format!("диапазон {index}"));
    }
    for index in 0..count {
        code(&mut toml, index, number(index));
    }
    toml
}

/// One `[[code]]` entry.
fn code(toml: &mut String, index: usize, code: u32) {
    let sendable = code.is_multiple_of(2);
    let sender = if sendable { "either" } else { "local" };
    let hint = HINTS[index % HINTS.len()];
    // Every tenth code keeps an old name, as some real ones do.
    let aliases = if index.is_multiple_of(10) { format!("[\"OLD_SYNTHETIC_{code:05}\"]") } else { "[]".to_owned() };
    let _ = writeln!(
        toml,
        "\n[[code]]\ncode = {code}\nname = \"SYNTHETIC_{code:05}\"\naliases = {aliases}\n\
         iana_name = \"Synthetic {code}\"\nreference.en = \"Synthetic registry, entry {code}\"\n\
         reference.zh-Hans = \"合成注册表，第 {code} 条\"\nreference.ru = \"Синтетический реестр, запись {code}\"\n\
         url = \"https://example.com/close-codes/{code}\"\nsendable = {sendable}\nsender = \"{sender}\"\nreconnect = \"{hint}\""
    );
    let _ = writeln!(toml, "title.en = \"Synthetic close code {code}\"");
    let _ = writeln!(toml, "title.zh-Hans = \"合成关闭码 {code}\"");
    let _ = writeln!(toml, "title.ru = \"Синтетический код закрытия {code}\"");
    let _ = writeln!(
        toml,
        "description.en = \"Code {code} stands for a condition that an application defined for itself. \
         Either endpoint may report it when that condition occurs, and a client should follow the \
         reconnect hint of the code before it tries the same request again.\""
    );
    let _ = writeln!(
        toml,
        "description.zh-Hans = \"关闭码 {code} 表示应用自行定义的一种情况。出现该情况时任一端点都可以报告它，\
         客户端在再次尝试同一请求之前应遵循此关闭码的重连建议。\""
    );
    let _ = writeln!(
        toml,
        "description.ru = \"Код {code} обозначает условие, которое приложение определило само. Любая \
         конечная точка может сообщить о нём, когда это условие наступает, а клиенту следует учесть \
         подсказку о переподключении, прежде чем повторять тот же запрос.\""
    );
}

/// `title.<locale>` and `description.<locale>` for a label of the preamble.
fn texts(toml: &mut String, en: &str, zh: &str, ru: &str) {
    let _ = writeln!(toml, "title.en = \"Title of {en}\"");
    let _ = writeln!(toml, "title.zh-Hans = \"{zh} 的标题\"");
    let _ = writeln!(toml, "title.ru = \"Заголовок: {ru}\"");
    let _ = writeln!(toml, "description.en = \"The description of {en}, in one sentence.\"");
    let _ = writeln!(toml, "description.zh-Hans = \"{zh} 的说明，一句话。\"");
    let _ = writeln!(toml, "description.ru = \"Описание: {ru}, одним предложением.\"");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_registries_are_valid_and_cover_every_code() {
        for count in [0, 1, 100, 1_000] {
            let loaded = ws_close_codes_codegen::load("synthetic.toml", &registry(count))
                .unwrap_or_else(|diagnostics| panic!("{count} codes: {}", diagnostics[0]));
            assert_eq!(loaded.registry.codes.len(), count);
            assert!((0..=u16::MAX).all(|code| loaded.registry.range_of(code).is_some()));
        }
        let loaded = ws_close_codes_codegen::load("synthetic.toml", &application_space())
            .unwrap_or_else(|diagnostics| panic!("3000-4999: {}", diagnostics[0]));
        assert_eq!(loaded.registry.codes.first().map(|code| code.code), Some(3000));
        assert_eq!(loaded.registry.codes.last().map(|code| code.code), Some(4999));
    }
}
