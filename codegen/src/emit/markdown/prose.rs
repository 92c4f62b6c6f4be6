//! The fixed text of the docs in each locale: headings, column headers, the overview's paragraphs.
//!
//! Everything here is Markdown written for the page as it stands; registry text never passes
//! through it. A registry may declare a locale this module has no text for (an application adding
//! `de`, say): its pages use the English text around the registry's own texts in that locale.

/// The fixed text of the pages in one locale.
#[derive(Debug)]
pub struct Prose {
    /// The book's title (`book.toml` and the overview's heading).
    pub book_title: &'static str,
    /// The heading of the table of contents.
    pub summary_title: &'static str,
    /// The overview page's entry in the table of contents.
    pub overview_title: &'static str,
    /// The title of the page with a section per code.
    pub reference_title: &'static str,
    /// What close codes are: the overview's first paragraphs.
    pub introduction: &'static [&'static str],
    /// The heading of the ranges table.
    pub ranges_heading: &'static str,
    /// What a row of the ranges table says.
    pub ranges_introduction: &'static str,
    /// Columns: numbers, range, may be sent, reconnect hint.
    pub ranges_columns: [&'static str; 4],
    /// The heading of the table of every code.
    pub codes_heading: &'static str,
    /// What the table of every code holds.
    pub codes_introduction: &'static str,
    /// Columns: code, constant, title, may be sent, sent by, reconnect hint.
    pub codes_columns: [&'static str; 6],
    /// The heading of the advice on choosing a code.
    pub choosing_heading: &'static str,
    /// The advice, one list item each.
    pub choosing: &'static [&'static str],
    /// The heading of the browser rule.
    pub browser_heading: &'static str,
    /// The browser rule: `close()` takes only 1000 and 3000-4999.
    pub browser: &'static [&'static str],
    /// The heading of the reconnect hints table.
    pub hints_heading: &'static str,
    /// Columns: hint, meaning.
    pub hints_columns: [&'static str; 2],
    /// The heading of the senders table.
    pub senders_heading: &'static str,
    /// Columns: sender, meaning.
    pub senders_columns: [&'static str; 2],
    /// The reference page's first paragraph.
    pub reference_introduction: &'static str,
    /// Labels of a code's facts, each with its trailing colon.
    pub facts: Facts,
    /// "May be sent": yes.
    pub yes: &'static str,
    /// "May be sent": no.
    pub no: &'static str,
    /// Shown when a code has no aliases.
    pub none: &'static str,
}

/// The labels of the list under each code's description.
#[derive(Debug)]
pub struct Facts {
    /// The name in the IANA registry.
    pub iana_name: &'static str,
    /// Where the code is defined (a link).
    pub reference: &'static str,
    /// May the code appear in a Close frame.
    pub sendable: &'static str,
    /// Who sends it.
    pub sender: &'static str,
    /// What a client should do next.
    pub reconnect: &'static str,
    /// Other names of the constant, still accepted.
    pub aliases: &'static str,
    /// The constant in each language.
    pub constant: &'static str,
}

/// The name of `locale` in itself, for the language switch; the tag itself for other locales.
pub fn language_name(locale: &str) -> &str {
    match locale {
        "en" => "English",
        "zh-Hans" => "简体中文",
        "ru" => "Русский",
        other => other,
    }
}

/// The prose for `locale`, or the English prose when there is none.
pub fn for_locale(locale: &str) -> &'static Prose {
    match locale {
        "zh-Hans" => &ZH_HANS,
        "ru" => &RU,
        _ => &EN,
    }
}

const EN: Prose = Prose {
    book_title: "WebSocket close codes",
    summary_title: "Summary",
    overview_title: "Overview",
    reference_title: "Close code reference",
    introduction: &[
        "An endpoint that closes a WebSocket connection sends a Close frame, which may carry a close code: a 16-bit number saying why the connection is ending, optionally followed by a short reason. The other endpoint answers with a Close frame of its own, and that completes the closing handshake.",
        "Close codes are a registry of their own, defined by RFC 6455 and maintained by IANA; they are not HTTP status codes. Some of them never travel in a Close frame at all: the WebSocket API reports them locally to say how a connection ended, such as 1006 when it dropped without a closing handshake. Whether a code has a name and whether it may be sent are therefore separate questions, and these pages answer both.",
        "These pages are generated from the same registry as the Rust, TypeScript and Python constants listed for each code.",
    ],
    ranges_heading: "Ranges",
    ranges_introduction: "Every number from 0 to 65535 falls in exactly one row of this table. A row says how to treat a number that has no entry of its own; a code listed in the next table follows its entry instead.",
    ranges_columns: ["Numbers", "Range", "May be sent", "Reconnect hint"],
    codes_heading: "Codes in this registry",
    codes_introduction: "*May be sent* says whether the code may appear in a Close frame, and *Reconnect hint* what a client should do after receiving it. Select a code for its full description, where it is defined and its constant in each language.",
    codes_columns: ["Code", "Constant", "Title", "May be sent", "Sent by", "Reconnect hint"],
    choosing_heading: "Choosing a code for an application",
    choosing: &[
        "To end a connection that has done its job, send 1000. A server that is shutting down sends 1001, and one that is restarting sends 1012.",
        "When the protocol already has a code for the problem, use it: 1007 for text that is not valid UTF-8, 1009 for a message that is too big, 1011 for an unexpected failure on your side, and 1008 for any other violation of your policy.",
        "For reasons of your own application, pick codes from 4000-4999. That range is private: your client and server agree on what each code means, and nothing has to be registered.",
        "Use 3000-3999 for codes that a library or framework shares with software it does not control, and register them with IANA first. Other protocols have reused numbers in this range with meanings of their own, so check which meaning a peer follows.",
        "Never send 1005, 1006 or 1015: the WebSocket API reports them locally, and they must not appear in a Close frame. Do not send 1004, numbers below 1000, unassigned numbers in 1016-2999, or anything above 4999 either.",
        "Close codes are not HTTP status codes, even where a meaning is similar: 3003 resembles HTTP 403, but 403 is not a close code.",
        "Decide for each code whether a client should reconnect, back off or ask the user to sign in again, and document it; this registry records a reconnect hint for every code it names.",
        "Keep the reason short: a Close frame's payload is at most 125 bytes, two of which are the code, which leaves 123 bytes of UTF-8 for the reason.",
    ],
    browser_heading: "Closing from a browser",
    browser: &[
        "In a browser, `WebSocket.close(code, reason)` accepts only 1000 and the codes from 3000 to 4999. Any other code throws an `InvalidAccessError`, and a reason longer than 123 bytes of UTF-8 throws a `SyntaxError`. A script in a browser therefore cannot close with 1001, 1008 or 1011: it uses 1000, or a code from 4000-4999 for reasons of its own.",
        "A server may send any code that may appear in a Close frame, and the browser passes it on in the `code` of the `close` event. When the server's Close frame carried no code, the event reports 1005; when the connection ended without a Close frame, it reports 1006.",
    ],
    hints_heading: "Reconnect hints",
    hints_columns: ["Hint", "Meaning"],
    senders_heading: "Who sends a code",
    senders_columns: ["Sender", "Meaning"],
    reference_introduction: "Each section describes one code in this registry: what it means, where it is defined, who sends it, what a client should do after receiving it, and the name of its constant in each language. The ranges and the advice on choosing a code are in the [overview](index.md).",
    facts: Facts {
        iana_name: "IANA name:",
        reference: "Defined in:",
        sendable: "May be sent in a Close frame:",
        sender: "Sent by:",
        reconnect: "Reconnect hint:",
        aliases: "Aliases:",
        constant: "Constant:",
    },
    yes: "yes",
    no: "no",
    none: "none",
};

const ZH_HANS: Prose = Prose {
    book_title: "WebSocket 关闭码",
    summary_title: "目录",
    overview_title: "概述",
    reference_title: "关闭码参考",
    introduction: &[
        "关闭 WebSocket 连接的端点会发送一个关闭帧，其中可以携带一个关闭码：一个说明连接为何结束的 16 位数字，后面还可以附上一段简短的原因。另一个端点以自己的关闭帧作答，关闭握手随之完成。",
        "关闭码是一个独立的注册表，由 RFC 6455 定义、由 IANA 维护；它们不是 HTTP 状态码。其中有些关闭码根本不会出现在关闭帧中：WebSocket API 在本地报告它们，用来说明连接是如何结束的，例如连接未经关闭握手就中断时报告 1006。因此，一个关闭码有没有名称，和它能不能被发送，是两个独立的问题，这些页面对两者分别作答。",
        "这些页面与每个关闭码所列的 Rust、TypeScript 和 Python 常量生成自同一个注册表。",
    ],
    ranges_heading: "范围",
    ranges_introduction: "0 到 65535 之间的每个数值都恰好属于此表中的一行。每一行说明没有单独条目的数值应如何对待；下一个表中列出的关闭码则以其自身条目为准。",
    ranges_columns: ["数值", "范围", "可否发送", "重连建议"],
    codes_heading: "本注册表中的关闭码",
    codes_introduction: "“可否发送”表示该关闭码能否出现在关闭帧中，“重连建议”表示客户端收到它之后应如何处理。点击关闭码可查看完整说明、定义出处以及它在各语言中的常量。",
    codes_columns: ["关闭码", "常量", "标题", "可否发送", "发送方", "重连建议"],
    choosing_heading: "为应用选择关闭码",
    choosing: &[
        "连接完成任务后要结束时，发送 1000。正在关闭的服务器发送 1001，正在重启的服务器发送 1012。",
        "如果协议已经为某个问题定义了关闭码，就使用它：文本不是有效的 UTF-8 时用 1007，消息过大时用 1009，己方出现意外故障时用 1011，其他违反策略的情况用 1008。",
        "应用自身的原因请使用 4000-4999 范围内的关闭码。该范围供私有使用：每个关闭码的含义由你的客户端和服务器约定，无需注册。",
        "3000-3999 范围用于库或框架与其无法控制的软件共享的关闭码，使用前应先向 IANA 注册。其他协议曾以各自的含义复用此范围内的数值，因此请确认对端遵循的是哪种含义。",
        "绝不要发送 1005、1006 或 1015：它们由 WebSocket API 在本地报告，不得出现在关闭帧中。同样不要发送 1004、小于 1000 的数值、1016-2999 中尚未分配的数值，以及大于 4999 的任何数值。",
        "关闭码不是 HTTP 状态码，即使含义相近也是如此：3003 与 HTTP 403 类似，但 403 并不是关闭码。",
        "为每个关闭码确定客户端应当重新连接、退避后重连，还是请用户重新登录，并写进文档；本注册表为其中的每个关闭码都记录了重连建议。",
        "原因应尽量简短：关闭帧的负载最多 125 字节，其中 2 字节是关闭码，留给原因的 UTF-8 文本最多 123 字节。",
    ],
    browser_heading: "在浏览器中关闭连接",
    browser: &[
        "在浏览器中，`WebSocket.close(code, reason)` 只接受 1000 以及 3000 到 4999 之间的关闭码。其他关闭码会抛出 `InvalidAccessError`，超过 123 字节 UTF-8 的原因会抛出 `SyntaxError`。因此，浏览器中的脚本无法用 1001、1008 或 1011 关闭连接：它应使用 1000，或为自身的原因使用 4000-4999 范围内的关闭码。",
        "服务器可以发送任何允许出现在关闭帧中的关闭码，浏览器会通过 `close` 事件的 `code` 属性把它传给应用。如果服务器的关闭帧没有携带关闭码，该事件报告 1005；如果连接在没有关闭帧的情况下结束，则报告 1006。",
    ],
    hints_heading: "重连建议",
    hints_columns: ["建议", "含义"],
    senders_heading: "由谁发送",
    senders_columns: ["发送方", "含义"],
    reference_introduction: "下面每一节说明本注册表中的一个关闭码：它的含义、定义出处、由谁发送、客户端收到后应如何处理，以及它在各语言中的常量名。范围划分和选择关闭码的建议见[概述](index.md)。",
    facts: Facts {
        iana_name: "IANA 名称：",
        reference: "定义出处：",
        sendable: "可否在关闭帧中发送：",
        sender: "发送方：",
        reconnect: "重连建议：",
        aliases: "别名：",
        constant: "常量：",
    },
    yes: "可以",
    no: "不可以",
    none: "无",
};

const RU: Prose = Prose {
    book_title: "Коды закрытия WebSocket",
    summary_title: "Содержание",
    overview_title: "Обзор",
    reference_title: "Справочник кодов закрытия",
    introduction: &[
        "Конечная точка, закрывающая соединение WebSocket, отправляет кадр закрытия, в котором может быть код закрытия: 16-битное число, объясняющее, почему соединение завершается, а за ним при желании короткий текст причины. Другая конечная точка отвечает своим кадром закрытия, и на этом закрывающее рукопожатие завершается.",
        "Коды закрытия образуют отдельный реестр: их определяет RFC 6455, а ведёт IANA. Это не коды состояния HTTP. Некоторые из них вообще не передаются в кадре закрытия: WebSocket API сообщает их приложению локально, чтобы описать, как завершилось соединение, например 1006, если оно оборвалось без закрывающего рукопожатия. Поэтому есть ли у кода имя и можно ли его отправлять — два разных вопроса, и эти страницы отвечают на оба.",
        "Эти страницы созданы из того же реестра, что и константы Rust, TypeScript и Python, указанные для каждого кода.",
    ],
    ranges_heading: "Диапазоны",
    ranges_introduction: "Каждое число от 0 до 65535 попадает ровно в одну строку этой таблицы. Строка говорит, как обращаться с числом, у которого нет собственной записи; для кодов из следующей таблицы действует их собственная запись.",
    ranges_columns: ["Числа", "Диапазон", "Можно отправлять", "Переподключение"],
    codes_heading: "Коды в этом реестре",
    codes_introduction: "*Можно отправлять* говорит, допустим ли код в кадре закрытия, а *Переподключение* — что делать клиенту, получившему его. Выберите код, чтобы увидеть его полное описание, источник и константу в каждом языке.",
    codes_columns: ["Код", "Константа", "Название", "Можно отправлять", "Кто отправляет", "Переподключение"],
    choosing_heading: "Как выбрать код для приложения",
    choosing: &[
        "Чтобы закрыть соединение, которое выполнило свою задачу, отправьте 1000. Сервер, который останавливается, отправляет 1001, а тот, что перезапускается, — 1012.",
        "Если для проблемы в протоколе уже есть код, используйте его: 1007 для текста, который не является допустимым UTF-8, 1009 для слишком большого сообщения, 1011 для непредвиденного сбоя на вашей стороне и 1008 для любого другого нарушения вашей политики.",
        "Для причин, относящихся к вашему приложению, берите коды из диапазона 4000-4999. Он предназначен для частного использования: смысл каждого кода согласуют ваши клиент и сервер, и регистрировать ничего не нужно.",
        "Диапазон 3000-3999 предназначен для кодов, которые библиотека или фреймворк разделяет с чужими программами; такие коды сначала регистрируют в IANA. Другие протоколы уже использовали числа из этого диапазона в собственных значениях, поэтому проверьте, какого значения придерживается другая сторона.",
        "Никогда не отправляйте 1005, 1006 и 1015: их сообщает WebSocket API локально, и в кадре закрытия они появляться не должны. Не отправляйте также 1004, числа меньше 1000, неназначенные числа из 1016-2999 и любые числа больше 4999.",
        "Коды закрытия — это не коды состояния HTTP, даже если смысл похож: 3003 напоминает HTTP 403, но 403 не является кодом закрытия.",
        "Для каждого кода решите, должен ли клиент переподключиться, выждать с нарастающей задержкой или попросить пользователя войти снова, и опишите это; этот реестр указывает рекомендацию о переподключении для каждого кода, который в нём есть.",
        "Делайте причину короткой: полезная нагрузка кадра закрытия не больше 125 байт, два из них занимает код, так что на причину остаётся не больше 123 байт UTF-8.",
    ],
    browser_heading: "Закрытие соединения из браузера",
    browser: &[
        "В браузере `WebSocket.close(code, reason)` принимает только 1000 и коды от 3000 до 4999. Любой другой код вызывает исключение `InvalidAccessError`, а причина длиннее 123 байт UTF-8 — исключение `SyntaxError`. Поэтому скрипт в браузере не может закрыть соединение с кодом 1001, 1008 или 1011: он использует 1000 или, для собственных причин, код из диапазона 4000-4999.",
        "Сервер может отправить любой код, допустимый в кадре закрытия, и браузер передаёт его приложению в свойстве `code` события `close`. Если в кадре закрытия от сервера не было кода, событие сообщает 1005, а если соединение завершилось без кадра закрытия — 1006.",
    ],
    hints_heading: "Рекомендации о переподключении",
    hints_columns: ["Рекомендация", "Значение"],
    senders_heading: "Кто отправляет код",
    senders_columns: ["Отправитель", "Значение"],
    reference_introduction: "Каждый раздел ниже описывает один код из этого реестра: что он означает, где определён, кто его отправляет, что делать клиенту, получившему его, и как называется его константа в каждом языке. Диапазоны и советы по выбору кода приведены в [обзоре](index.md).",
    facts: Facts {
        iana_name: "Имя в IANA:",
        reference: "Где определён:",
        sendable: "Можно отправлять в кадре закрытия:",
        sender: "Кто отправляет:",
        reconnect: "Переподключение:",
        aliases: "Псевдонимы:",
        constant: "Константа:",
    },
    yes: "да",
    no: "нет",
    none: "нет",
};
