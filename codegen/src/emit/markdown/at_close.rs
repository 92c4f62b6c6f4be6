//! The page "What to do at a close" (`at-close.md`): the rules the generated behaviour follows
//! (Close frame payloads, the browser rule, the reconnect policy), with the registry's codes that
//! each rule singles out, in every locale. Its fixed text is here, per locale; the rules
//! themselves are [`crate::behaviour`], whose constants the text quotes.

use std::fmt::Write as _;

use super::{Book, REFERENCE, anchor, escape, table};
use crate::behaviour::{BASE_DELAY_MS, DEFAULT_DELAY, MAX_ATTEMPTS_BEFORE_OPEN, MAX_EXPONENT, is_browser_closable};
use crate::model::{Delay, Reconnect};

/// The file name of the page.
pub const AT_CLOSE: &str = "at-close.md";

/// The fixed text of the page in one locale.
#[derive(Debug)]
pub struct AtCloseProse {
    /// The page's title and its entry in the table of contents.
    pub title: &'static str,
    /// The first paragraph.
    pub introduction: &'static str,
    /// The heading of the Close frame rules.
    pub frames_heading: &'static str,
    /// What a payload is.
    pub frames_introduction: &'static str,
    /// The rules for a received payload, one list item each.
    pub parse_rules: &'static [&'static str],
    /// The rules for a payload to send.
    pub build_rules: &'static str,
    /// The heading of the browser rule.
    pub browser_heading: &'static str,
    /// The browser rule, before the list of codes a page may not send.
    pub browser: &'static str,
    /// The heading of the reconnect policy.
    pub reconnect_heading: &'static str,
    /// What the policy takes.
    pub reconnect_introduction: &'static str,
    /// The rules in order; `{never}` (the title of the hint), `{attempts}`, `{base}`, `{exponent}`
    /// and `{default}` are replaced.
    pub reconnect_rules: [&'static str; 4],
    /// What the table of delays holds.
    pub delays_introduction: &'static str,
    /// Columns: codes, title, reconnect hint, delay.
    pub delays_columns: [&'static str; 4],
    /// The heading of the table of functions.
    pub functions_heading: &'static str,
    /// Column: what the function does.
    pub functions_column: &'static str,
    /// What each function does: browser rule, read, build, truncate, reconnect, describe.
    pub functions: [&'static str; 6],
    /// The unit after a number of seconds, e.g. ` s`.
    pub seconds: &'static str,
    /// The separator between two numbers of a range, e.g. `-` or an en dash.
    pub range_dash: &'static str,
    /// The decimal separator.
    pub decimal: char,
}

const EN: AtCloseProse = AtCloseProse {
    title: "What to do at a close",
    introduction: "A close code says why a connection ended. The generated packages also say what to do about it: whether a Close frame that arrived is valid, how to build one to send, whether a browser may send a code, and whether and when to reconnect. This page states the rules they follow. Rust, TypeScript and Python follow them to the byte and to the millisecond, checked by the same conformance vectors.",
    frames_heading: "Reading and sending Close frames",
    frames_introduction: "The payload of a Close frame is either empty or a two-byte close code in network byte order followed by a reason in UTF-8. A control frame carries at most 125 bytes, which leaves 123 bytes for the reason (RFC 6455, sections 5.5.1 and 7.4). An endpoint that receives a Close frame applies these rules, in this order:",
    parse_rules: &[
        "An empty payload has no code and no reason; the API reports it as 1005.",
        "A payload of one byte or of more than 125 bytes is a protocol error: fail the connection with 1002.",
        "A code that may not be sent (1005, 1006, 1015, a reserved number, anything from 5000 up) is a protocol error too: fail the connection with 1002.",
        "A reason that is not valid UTF-8 (a lone continuation byte, an overlong form, an encoded surrogate, a cut sequence) fails the connection with 1007.",
    ],
    build_rules: "To send a Close frame, the code must be one that may be sent and the reason at most 123 bytes of UTF-8. Truncating a reason keeps its longest prefix that fits and never splits a character. In TypeScript a string with a lone surrogate is refused, because it would silently turn into U+FFFD on the wire.",
    browser_heading: "What a browser may send",
    browser: "`WebSocket.close(code)` in a browser accepts only 1000 and 3000-4999 and throws `InvalidAccessError` for anything else. These registered codes may be sent by other endpoints, but not by a page:",
    reconnect_heading: "Whether and when to reconnect",
    reconnect_introduction: "After each close, the client makes one decision: stop, reconnect after a delay, or get fresh credentials and then reconnect. The decision takes the code, whether the client closed the connection itself, whether the connection ever opened, how many attempts in a row already failed, and a random number in [0, 1) from the caller. The rules, in order:",
    reconnect_rules: [
        "The client closed the connection itself: stop, whatever the code (often 1005, when the server answers with an empty Close frame).",
        "The code's reconnect hint is \"{never}\": stop.",
        "The connection never opened and {attempts} attempts in a row already failed: stop. A browser reports a refused handshake, an HTTP error or a TLS failure as 1006 before `open`, and retrying those for ever helps nobody.",
        "Otherwise wait `min + floor(random × (ceiling − min))` milliseconds, where `ceiling = min(max, min + {base} × 2^min(attempt, {exponent}))` and `[min, max]` are the code's delay bounds: exponential backoff with full jitter, capped by the bounds. Then reauthenticate first if the hint says so, else simply reconnect. A code without bounds of its own takes its range's, else {default}.",
    ],
    delays_introduction: "The codes and ranges after which a client reconnects, with the delay bounds the registry gives them:",
    delays_columns: ["Codes", "Title", "Reconnect hint", "Delay"],
    functions_heading: "The functions",
    functions_column: "What it does",
    functions: [
        "May a browser send the code?",
        "Read a received payload",
        "Build a payload to send",
        "Cut a reason to 123 bytes",
        "Decide whether and when to reconnect",
        "Describe a close for the user",
    ],
    seconds: " s",
    range_dash: "-",
    decimal: '.',
};

const ZH_HANS: AtCloseProse = AtCloseProse {
    title: "连接关闭后怎么办",
    introduction: "关闭码说明连接为什么结束。生成的包还告诉你接下来该怎么做：收到的关闭帧是否有效，如何构造要发送的关闭帧，浏览器能否发送某个关闭码，以及是否、何时重新连接。本页列出它们遵循的规则。Rust、TypeScript 和 Python 的实现逐字节、逐毫秒地遵循这些规则，并由同一套一致性测试向量检验。",
    frames_heading: "读取和发送关闭帧",
    frames_introduction: "关闭帧的负载要么为空，要么是按网络字节序排列的两字节关闭码，后面跟着 UTF-8 编码的原因。控制帧最多携带 125 字节，因此原因最多 123 字节（RFC 6455 第 5.5.1 节和第 7.4 节）。收到关闭帧的端点按以下顺序应用这些规则：",
    parse_rules: &[
        "空负载既没有关闭码也没有原因，API 将其报告为 1005。",
        "只有 1 字节或超过 125 字节的负载属于协议错误：以 1002 使连接失败。",
        "不允许发送的关闭码（1005、1006、1015、保留的数值、5000 及以上的任何数值）同样属于协议错误：以 1002 使连接失败。",
        "原因不是有效的 UTF-8（孤立的后续字节、超长编码、编码后的代理项、被截断的序列）时，以 1007 使连接失败。",
    ],
    build_rules: "发送关闭帧时，关闭码必须是允许发送的，原因最多 123 字节 UTF-8。截断原因时保留能放下的最长前缀，绝不拆开一个字符。在 TypeScript 中，含有孤立代理项的字符串会被拒绝，因为它在传输时会被悄悄替换成 U+FFFD。",
    browser_heading: "浏览器可以发送哪些关闭码",
    browser: "浏览器中的 `WebSocket.close(code)` 只接受 1000 和 3000–4999，其他值都会抛出 `InvalidAccessError`。下列已注册的关闭码其他端点可以发送，但网页不能：",
    reconnect_heading: "是否以及何时重新连接",
    reconnect_introduction: "每次连接关闭后，客户端只需做一个决定：停止、延迟后重连，或者先获取新凭据再重连。这个决定取决于关闭码、连接是否由客户端自己关闭、连接是否曾经打开、已经连续失败了多少次，以及调用方提供的一个 [0, 1) 区间内的随机数。规则依次为：",
    reconnect_rules: [
        "连接是客户端自己关闭的：停止，无论关闭码是什么（服务器以空关闭帧回应时，通常是 1005）。",
        "关闭码的重连建议是“{never}”：停止。",
        "连接从未打开过，且已经连续失败 {attempts} 次：停止。浏览器会把被拒绝的握手、HTTP 错误或 TLS 失败都报告为 `open` 之前的 1006，无休止地重试这些情况毫无益处。",
        "其他情况下等待 `min + floor(random × (ceiling − min))` 毫秒，其中 `ceiling = min(max, min + {base} × 2^min(attempt, {exponent}))`，`[min, max]` 是该关闭码的延迟范围：即带完全抖动、并受范围限制的指数退避。之后如果建议要求重新认证，就先重新认证，否则直接重连。没有自己延迟范围的关闭码使用其所在范围的设置，否则使用 {default}。",
    ],
    delays_introduction: "客户端会重新连接的关闭码和范围，以及注册表为它们规定的延迟范围：",
    delays_columns: ["关闭码", "标题", "重连建议", "延迟"],
    functions_heading: "相关函数",
    functions_column: "作用",
    functions: [
        "浏览器能否发送该关闭码？",
        "读取收到的负载",
        "构造要发送的负载",
        "把原因截断到 123 字节",
        "决定是否以及何时重连",
        "向用户描述一次关闭",
    ],
    seconds: " 秒",
    range_dash: "–",
    decimal: '.',
};

const RU: AtCloseProse = AtCloseProse {
    title: "Что делать при закрытии соединения",
    introduction: "Код закрытия говорит, почему соединение завершилось. Сгенерированные пакеты подсказывают и то, что делать дальше: корректен ли пришедший кадр закрытия, как собрать кадр для отправки, может ли браузер отправить код, нужно ли переподключаться и когда. На этой странице изложены правила, которым они следуют. Реализации на Rust, TypeScript и Python соблюдают их с точностью до байта и миллисекунды, что проверяют одни и те же векторы соответствия.",
    frames_heading: "Чтение и отправка кадров закрытия",
    frames_introduction: "Полезная нагрузка кадра закрытия либо пуста, либо состоит из двухбайтового кода закрытия в сетевом порядке байтов и следующей за ним причины в UTF-8. Управляющий кадр несёт не более 125 байт, поэтому на причину остаётся 123 байта (RFC 6455, разделы 5.5.1 и 7.4). Конечная точка, получившая кадр закрытия, применяет правила в таком порядке:",
    parse_rules: &[
        "Пустая нагрузка не содержит ни кода, ни причины; API сообщает о ней как о 1005.",
        "Нагрузка из одного байта или длиннее 125 байт — ошибка протокола: прервите соединение с кодом 1002.",
        "Код, который нельзя отправлять (1005, 1006, 1015, зарезервированное число, любое число от 5000), — тоже ошибка протокола: прервите соединение с кодом 1002.",
        "Причина, не являющаяся корректным UTF-8 (одиночный байт продолжения, избыточно длинная форма, закодированный суррогат, оборванная последовательность), означает, что соединение нужно прервать с кодом 1007.",
    ],
    build_rules: "Чтобы отправить кадр закрытия, код должен быть из допустимых к отправке, а причина — не длиннее 123 байт в UTF-8. При усечении причины сохраняется её самый длинный помещающийся префикс, и ни один символ не разрезается. В TypeScript строка с одиночным суррогатом отклоняется: при передаче она незаметно превратилась бы в U+FFFD.",
    browser_heading: "Что может отправить браузер",
    browser: "`WebSocket.close(code)` в браузере принимает только 1000 и 3000–4999, а для любого другого кода выбрасывает `InvalidAccessError`. Эти зарегистрированные коды могут отправлять другие конечные точки, но не веб-страница:",
    reconnect_heading: "Переподключаться ли и когда",
    reconnect_introduction: "После каждого закрытия клиент принимает одно решение: остановиться, переподключиться после задержки или сначала получить новые учётные данные, а затем переподключиться. Решение зависит от кода, от того, закрыл ли соединение сам клиент, открывалось ли соединение вообще, сколько попыток подряд уже не удалось, и от случайного числа из [0, 1), которое передаёт вызывающий код. Правила по порядку:",
    reconnect_rules: [
        "Клиент сам закрыл соединение: остановиться, каким бы ни был код (часто это 1005, когда сервер отвечает пустым кадром закрытия).",
        "Рекомендация для кода — «{never}»: остановиться.",
        "Соединение ни разу не открылось, и уже {attempts} попыток подряд не удались: остановиться. Браузер сообщает об отклонённом рукопожатии, ошибке HTTP или сбое TLS как о коде 1006 до события `open`, и бесконечные повторы здесь никому не помогут.",
        "Иначе подождать `min + floor(random × (ceiling − min))` миллисекунд, где `ceiling = min(max, min + {base} × 2^min(attempt, {exponent}))`, а `[min, max]` — границы задержки для кода: нарастающая задержка, которая удваивается с каждой попыткой, с полным случайным разбросом и в пределах этих границ. Затем, если так велит рекомендация, сначала пройти повторную аутентификацию, иначе просто переподключиться. Код без собственных границ берёт границы своего диапазона, а если их нет — {default}.",
    ],
    delays_introduction: "Коды и диапазоны, после которых клиент переподключается, и границы задержки, заданные для них в реестре:",
    delays_columns: ["Коды", "Название", "Рекомендация", "Задержка"],
    functions_heading: "Функции",
    functions_column: "Назначение",
    functions: [
        "Может ли браузер отправить код?",
        "Прочитать полученную нагрузку",
        "Собрать нагрузку для отправки",
        "Усечь причину до 123 байт",
        "Решить, переподключаться ли и когда",
        "Описать закрытие для пользователя",
    ],
    seconds: " с",
    range_dash: "–",
    decimal: ',',
};

/// The page's fixed text in `locale`; English for a locale this module has no text for.
pub fn for_locale(locale: &str) -> &'static AtCloseProse {
    match locale {
        "zh-Hans" => &ZH_HANS,
        "ru" => &RU,
        _ => &EN,
    }
}

/// The function names in each language, in the order of [`AtCloseProse::functions`].
const FUNCTIONS: [[&str; 3]; 6] = [
    ["CloseCode::is_browser_closable", "isBrowserClosable", "is_browser_closable"],
    ["CloseFrame::parse", "parseClosePayload", "parse_close_payload"],
    ["CloseFrame::new + CloseFrame::encode", "encodeClosePayload", "encode_close_payload"],
    ["truncate_reason", "truncateReason", "truncate_reason"],
    ["CloseCode::reconnect_step", "reconnectStep", "reconnect_step"],
    ["describe_close", "describeCloseEvent", "describe_close"],
];

impl Book<'_> {
    /// The page "What to do at a close".
    pub(super) fn at_close(&self) -> String {
        let p = for_locale(self.locale);
        let r = self.registry;
        let mut out = self.page_start(AT_CLOSE);
        let _ = write!(out, "# {}\n\n{}\n\n", p.title, p.introduction);

        let _ = write!(out, "## {}\n\n{}\n\n", p.frames_heading, p.frames_introduction);
        for (number, rule) in p.parse_rules.iter().enumerate() {
            let _ = writeln!(out, "{}. {rule}", number + 1);
        }
        let _ = write!(out, "\n{}\n", p.build_rules);

        let _ = write!(out, "\n## {}\n\n{}\n\n", p.browser_heading, p.browser);
        for code in r.codes.iter().filter(|code| code.sendable && !is_browser_closable(code.code)) {
            let _ = writeln!(out, "- {} {}", self.code_link(code.code), escape::inline(self.text(&code.label.title)));
        }

        let _ = write!(out, "\n## {}\n\n{}\n\n", p.reconnect_heading, p.reconnect_introduction);
        for (number, rule) in p.reconnect_rules.iter().enumerate() {
            let never = escape::inline(self.text(&r.reconnect_label(Reconnect::Never).title));
            let rule = rule
                .replace("{never}", &never)
                .replace("{attempts}", &MAX_ATTEMPTS_BEFORE_OPEN.to_string())
                .replace("{base}", &BASE_DELAY_MS.to_string())
                .replace("{exponent}", &MAX_EXPONENT.to_string())
                .replace("{default}", &self.delay(p, DEFAULT_DELAY));
            let _ = writeln!(out, "{}. {rule}", number + 1);
        }
        let _ = write!(out, "\n{}\n\n", p.delays_introduction);
        let mut rows = Vec::new();
        for range in r.ranges.iter().filter(|range| range.reconnect != Reconnect::Never) {
            let numbers = format!("{}{}{}", range.start, p.range_dash, range.end);
            let delay = range.delay.unwrap_or(DEFAULT_DELAY);
            rows.push(self.delay_row(p, numbers, &range.label.title, range.reconnect, delay));
        }
        for code in r.codes.iter().filter(|code| code.reconnect != Reconnect::Never) {
            let delay = r.answer(code.code).delay;
            rows.push(self.delay_row(p, self.code_link(code.code), &code.label.title, code.reconnect, delay));
        }
        out.push_str(&table(&p.delays_columns, rows));

        let _ = write!(out, "\n## {}\n\n", p.functions_heading);
        let rows = p
            .functions
            .iter()
            .zip(FUNCTIONS)
            .map(|(what, names)| {
                let mut row = vec![(*what).to_owned()];
                row.extend(names.iter().map(|name| escape::code_span(name, false)));
                row
            })
            .collect();
        out.push_str(&table(&[p.functions_column, "Rust", "TypeScript", "Python"], rows));
        out
    }

    /// `[1012](codes.md#code-1012)`.
    fn code_link(&self, code: u16) -> String {
        format!("[{code}]({})", escape::destination(&format!("{REFERENCE}#{}", anchor(code))))
    }

    fn delay_row(
        &self,
        p: &AtCloseProse,
        codes: String,
        title: &crate::model::Texts,
        hint: Reconnect,
        delay: Delay,
    ) -> Vec<String> {
        vec![codes, self.cell(title), self.cell(&self.registry.reconnect_label(hint).title), self.delay(p, delay)]
    }

    /// `5-30 s`, `0,5–30 с`.
    fn delay(&self, p: &AtCloseProse, delay: Delay) -> String {
        let seconds = |ms: u32| {
            let text = if ms % 1000 == 0 { (ms / 1000).to_string() } else { format!("{}", f64::from(ms) / 1000.0) };
            text.replace('.', &p.decimal.to_string())
        };
        format!("{}{}{}{}", seconds(delay.min_ms), p.range_dash, seconds(delay.max_ms), p.seconds)
    }
}
