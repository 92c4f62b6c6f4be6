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
    /// The cells of a range whose every number has an entry of its own: see those entries.
    pub ranges_per_code: &'static str,
    /// The heading of the table of every code.
    pub codes_heading: &'static str,
    /// What the table of every code holds.
    pub codes_introduction: &'static str,
    /// Columns: code, title, may be sent, sent by, reconnect hint (the constants are on the
    /// reference page: long names in code spans cannot wrap and made the table too wide).
    pub codes_columns: [&'static str; 5],
    /// The heading of the advice on choosing a code.
    pub choosing_heading: &'static str,
    /// The advice, one list item each.
    pub choosing: &'static [&'static str],
    /// The heading of what a page sees and may do in a browser.
    pub browser_heading: &'static str,
    /// `close()` takes only 1000 and 3000-4999, every failure before `open` is 1006, and how a
    /// server tells a page why it was turned away; one paragraph each.
    pub browser: &'static [&'static str],
    /// The heading of what popular libraries accept.
    pub interop_heading: &'static str,
    /// The paragraph before the list of libraries.
    pub interop_introduction: &'static str,
    /// Which libraries reject which registered codes, one list item each.
    pub interop: &'static [&'static str],
    /// What to send to a peer one does not know.
    pub interop_advice: &'static str,
    /// The heading of the reconnect hints table.
    pub hints_heading: &'static str,
    /// When a hint applies: only when the peer closed the connection.
    pub hints_introduction: &'static str,
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
        "Close codes are a registry of their own, defined by RFC 6455 and maintained by IANA; they are not HTTP status codes. Some of them never travel in a Close frame: the WebSocket implementation reports them locally to say how a connection ended, such as 1006 when no valid Close frame arrived. Whether a code has a name and whether it may be sent are therefore separate questions, and these pages answer both.",
        "These pages are generated from the same registry as the Rust, TypeScript and Python constants listed for each code.",
    ],
    ranges_heading: "Ranges",
    ranges_introduction: "Every number from 0 to 65535 falls in exactly one row of this table. A row says how to treat a number that has no entry of its own; a code listed in the next table follows its entry instead. Every number in 1000-1015 has an entry, so that row points to them.",
    ranges_columns: ["Numbers", "Range", "May be sent", "Reconnect hint"],
    ranges_per_code: "see each code",
    codes_heading: "Codes in this registry",
    codes_introduction: "*May be sent* says whether the code may appear in a Close frame, and *Reconnect hint* what a client should do when the peer closed the connection with it. Select a code for its full description, where it is defined and its constant in each language.",
    codes_columns: ["Code", "Title", "May be sent", "Sent by", "Reconnect hint"],
    choosing_heading: "Choosing a code for an application",
    choosing: &[
        "To end a connection that has done its job, send 1000. A server that is shutting down sends 1001, and one that is restarting sends 1012.",
        "When the protocol already has a code for the problem, use it: 1007 for text that is not valid UTF-8, 1009 for a message that is too big, 1011 for an unexpected failure on your side, and 1008 for any other violation of your policy.",
        "For reasons of your own application, pick codes from 4000-4999. That range is private: your client and server agree on what each code means, and nothing has to be registered.",
        "Use 3000-3999 for codes that a library or framework shares with software it does not control, and register them with IANA first. Other protocols have reused numbers in this range with meanings of their own, so check which meaning a peer follows.",
        "Never send 1005, 1006 or 1015: they are reported locally and must not appear in a Close frame. Do not send 1004, numbers below 1000, unassigned numbers in 1016-2999, or anything above 4999 either.",
        "Close codes are not HTTP status codes, even where a meaning is similar: 3003 resembles HTTP 403, but 403 is not a close code.",
        "Decide for each code whether a client should stay away, reconnect with backoff or ask the user to sign in again first, and document it; this registry gives a reconnect hint for every code it lists.",
        "Keep the reason short: a Close frame's payload is at most 125 bytes, two of which are the code, which leaves 123 bytes of UTF-8 for the reason.",
    ],
    browser_heading: "WebSocket in a browser",
    browser: &[
        "In a browser, `WebSocket.close(code, reason)` accepts only 1000 and the codes from 3000 to 4999; any other code throws an `InvalidAccessError`. The reason may be at most 123 bytes of UTF-8 (a Close frame's payload is at most 125 bytes, two of which hold the code); a longer one throws a `SyntaxError`. A page therefore cannot close with 1001, 1008 or 1011: it uses 1000, or a code from 4000-4999 for reasons of its own.",
        "Every failure before the `open` event reaches the page as 1006 with no detail: a DNS error, a refused connection, a TLS error, an HTTP 401 or 403 answer to the upgrade request, or no common subprotocol. So 1015 never reaches a page. The `error` event fires first, then `close`, and `wasClean` is false for 1006.",
        "A server may send any code that may appear in a Close frame, and the browser passes it on in the `code` of the `close` event. A Close frame without a code is reported as 1005; a page that called `close()` with no argument also sees 1005 when the server echoes the empty frame. Numbers that must not be sent (0, 999, 1004, 1016-2999, 5000 or 65535) are passed on unchanged too, with `wasClean` true, where other libraries fail the connection.",
        "To tell a browser why it was turned away, accept the upgrade request and then close with a code: 3000 when it must sign in again, 3003 when it may not have access, or a code of your own from 4000-4999. An HTTP 401 or 403 answer to the upgrade request reaches the page only as 1006.",
        "A page that called `close()` itself does not reconnect, whatever code its `close` event carries.",
    ],
    interop_heading: "Interoperability",
    interop_introduction: "A code registered with IANA is not accepted everywhere. These popular libraries reject some registered codes when they receive them (checked in their sources):",
    interop: &[
        "tungstenite (Rust), fastwebsockets, gorilla/websocket (Go) and autobahn-python reject 1014 (Bad Gateway); tungstenite hands its application 1002 instead.",
        "uWebSockets rejects 1012, 1013 and 1014, and every code from 3000 to 3999.",
        "websockets (Python), ws (Node), coder/websocket (Go) and tokio-websockets (Rust) accept exactly the codes that may be sent: 1000-1003, 1007-1014 and 3000-4999. They fail the connection with 1002 on any other number, which a browser passes to the page unchanged.",
        "aiohttp accepted 1006 in a Close frame, because its list of allowed codes was derived from its list of names: whether a code has a name and whether it may be sent are separate questions.",
    ],
    interop_advice: "To a peer you do not know, send only codes that every library accepts: 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010 (from a client) and 1011, or a code from 4000-4999 that both sides agreed on. Send 1011 instead of 1014, and when the peer may be uWebSockets, send no code from 1012-1014 or 3000-3999.",
    hints_heading: "Reconnect hints",
    hints_introduction: "A reconnect hint applies only when the peer closed the connection. A client that called `close()` itself never reconnects, whatever code its `close` event carries (often 1005, when the server echoes an empty Close frame).",
    hints_columns: ["Hint", "Meaning"],
    senders_heading: "Who sends a code",
    senders_columns: ["Sender", "Meaning"],
    reference_introduction: "Each section describes one code in this registry: what it means, where it is defined, who sends it, what a client should do when the peer closed the connection with it, and the name of its constant in each language. The ranges and the advice on choosing a code are in the [overview](index.md).",
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
        "关闭 WebSocket 连接的端点会发送关闭帧，其中可以带一个关闭码：一个说明连接为何结束的 16 位整数，后面还可以跟一段简短的原因。另一个端点以自己的关闭帧回应，关闭握手即告完成。",
        "关闭码有自己的注册表，由 RFC 6455 定义、IANA 维护；它们不是 HTTP 状态码。有些关闭码从不出现在关闭帧中，而是由 WebSocket 实现在本地报告，说明连接是如何结束的，例如没有收到有效的关闭帧时报告 1006。因此，一个关闭码有没有名称，和它能不能发送，是两个不同的问题，本文档对两者分别作答。",
        "本文档与各关闭码下列出的 Rust、TypeScript 和 Python 常量由同一个注册表生成。",
    ],
    ranges_heading: "范围",
    ranges_introduction: "0 到 65535 之间的每个数值都恰好落在此表的一行中。每一行说明没有单独条目的数值该如何处理；下一个表中列出的关闭码以各自的条目为准。1000–1015 中的每个数值都有自己的条目，因此这一行只指向各关闭码的条目。",
    ranges_columns: ["数值", "范围", "可否发送", "重连建议"],
    ranges_per_code: "见各关闭码",
    codes_heading: "本注册表中的关闭码",
    codes_introduction: "“可否发送”表示该关闭码能否出现在关闭帧中，“重连建议”表示对端以该关闭码关闭连接后，客户端应如何处理。点击关闭码，可查看完整说明、定义出处以及它在各语言中的常量。",
    codes_columns: ["关闭码", "标题", "可否发送", "发送方", "重连建议"],
    choosing_heading: "为应用选择关闭码",
    choosing: &[
        "连接完成任务、需要结束时，发送 1000。正在停机的服务器发送 1001，正在重启的服务器发送 1012。",
        "如果协议已经为某个问题规定了关闭码，就用它：文本不是有效的 UTF-8 用 1007，消息过大用 1009，己方出现意外故障用 1011，其他违反策略的情况用 1008。",
        "出于应用自身的原因关闭连接时，请使用 4000–4999 中的关闭码。该范围供私有使用：每个关闭码的含义由你的客户端和服务器约定，无需注册。",
        "如果库或框架要与它无法控制的软件共用关闭码，请使用 3000–3999，并先在 IANA 注册。其他协议曾以各自的含义复用此范围内的数值，请确认对端遵循的是哪种含义。",
        "绝不要发送 1005、1006 或 1015：它们在本地报告，不得出现在关闭帧中。同样不要发送 1004、小于 1000 的数值、1016–2999 中未分配的数值，以及大于 4999 的任何数值。",
        "关闭码不是 HTTP 状态码，即使含义相近也是如此：3003 与 HTTP 403 类似，但 403 不是关闭码。",
        "为每个关闭码确定客户端应当不再连接、退避后重新连接，还是先请用户重新登录，并写进文档；本注册表为它列出的每个关闭码都给出了重连建议。",
        "原因要简短：关闭帧的负载最多 125 字节，其中 2 字节是关闭码，留给原因的 UTF-8 文本最多 123 字节。",
    ],
    browser_heading: "浏览器中的 WebSocket",
    browser: &[
        "在浏览器中，`WebSocket.close(code, reason)` 只接受 1000 以及 3000 到 4999 的关闭码，传入其他关闭码会抛出 `InvalidAccessError`。原因最多为 123 字节的 UTF-8 文本（关闭帧的负载最多 125 字节，其中 2 字节是关闭码），原因更长会抛出 `SyntaxError`。因此，页面无法用 1001、1008 或 1011 关闭连接：它应使用 1000，或为自己的原因使用 4000–4999 中的关闭码。",
        "在 `open` 事件之前发生的任何失败，页面看到的都是不带任何细节的 1006：DNS 错误、连接被拒、TLS 错误、服务器对升级请求返回 HTTP 401 或 403，或者没有双方都支持的子协议。所以 1015 永远不会到达页面。浏览器先触发 `error` 事件，再触发 `close` 事件；对于 1006，`wasClean` 为 false。",
        "服务器可以发送任何允许出现在关闭帧中的关闭码，浏览器会通过 `close` 事件的 `code` 属性把它交给页面。不带关闭码的关闭帧报告为 1005；如果页面调用了不带参数的 `close()`，而服务器回送了空的关闭帧，页面看到的也是 1005。对于不得发送的数值（0、999、1004、1016–2999、5000 或 65535），浏览器同样原样交给页面，且 `wasClean` 为 true，而其他库会使连接失败。",
        "要让浏览器知道被拒绝的原因，服务器应先接受升级请求，再以关闭码关闭连接：需要重新登录时用 3000，无权访问时用 3003，或者使用自己在 4000–4999 中定义的关闭码。如果对升级请求返回 HTTP 401 或 403，页面只能看到 1006。",
        "页面自己调用了 `close()` 时，无论 `close` 事件带的是哪个关闭码，都不重新连接。",
    ],
    interop_heading: "互操作性",
    interop_introduction: "在 IANA 注册过的关闭码并非处处都被接受。下列常用库收到某些已注册的关闭码时会拒绝（均已对照其源代码核实）：",
    interop: &[
        "tungstenite（Rust）、fastwebsockets、gorilla/websocket（Go）和 autobahn-python 拒绝 1014（Bad Gateway）；tungstenite 还会改为向应用报告 1002。",
        "uWebSockets 拒绝 1012、1013、1014 以及 3000 到 3999 的所有关闭码。",
        "websockets（Python）、ws（Node）、coder/websocket（Go）和 tokio-websockets（Rust）接受的关闭码正好就是所有可以发送的关闭码：1000–1003、1007–1014 和 3000–4999。收到其他数值时，它们以 1002 使连接失败，而浏览器会把该数值原样交给页面。",
        "aiohttp 曾接受关闭帧中的 1006，因为它允许的关闭码列表是从名称列表推导出来的：关闭码有没有名称，和它能不能发送，是两个不同的问题。",
    ],
    interop_advice: "面对不了解的对端，请只发送所有库都接受的关闭码：1000、1001、1002、1003、1007、1008、1009、1010（由客户端发送）和 1011，或者 4000–4999 中双方约定好的关闭码。用 1011 代替 1014；如果对端可能是 uWebSockets，不要发送 1012–1014 和 3000–3999 中的关闭码。",
    hints_heading: "重连建议",
    hints_introduction: "重连建议只适用于对端关闭连接的情况。客户端自己调用了 `close()` 时，无论 `close` 事件带的是哪个关闭码（服务器回送空的关闭帧时，常常是 1005），都不重新连接。",
    hints_columns: ["建议", "含义"],
    senders_heading: "由谁发送",
    senders_columns: ["发送方", "含义"],
    reference_introduction: "下面每一节介绍本注册表中的一个关闭码：它的含义、定义出处、由谁发送、对端以它关闭连接后客户端应如何处理，以及它在各语言中的常量名。范围划分和选择关闭码的建议见[概述](index.md)。",
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
        "Конечная точка, которая закрывает соединение WebSocket, отправляет кадр закрытия. В нём может быть код закрытия — 16-битное число, объясняющее, почему соединение завершается, — а после кода может идти короткая причина. Другая сторона отвечает своим кадром закрытия, и на этом закрывающее рукопожатие завершается.",
        "Коды закрытия — отдельный реестр: их определяет RFC 6455, а ведёт IANA. Это не коды состояния HTTP. Некоторые коды вообще не передаются в кадре закрытия: реализация WebSocket сообщает их локально, чтобы описать, как завершилось соединение, например 1006, если корректный кадр закрытия так и не пришёл. Поэтому есть ли у кода имя и можно ли его отправлять — разные вопросы, и здесь даны ответы на оба.",
        "Эти страницы созданы из того же реестра, что и константы Rust, TypeScript и Python, указанные для каждого кода.",
    ],
    ranges_heading: "Диапазоны",
    ranges_introduction: "Каждое число от 0 до 65535 попадает ровно в одну строку этой таблицы. Строка говорит, как обращаться с числом, у которого нет собственной записи; для кодов из следующей таблицы действует их запись. У каждого числа из 1000–1015 есть своя запись, поэтому строка этого диапазона отсылает к ним.",
    ranges_columns: ["Числа", "Диапазон", "Можно отправлять", "Рекомендация о переподключении"],
    ranges_per_code: "см. записи кодов",
    codes_heading: "Коды в этом реестре",
    codes_introduction: "*Можно отправлять* — допустим ли код в кадре закрытия; *Рекомендация о переподключении* — что делать клиенту, если другая сторона закрыла соединение с этим кодом. Выберите код, чтобы увидеть полное описание, источник и константу для каждого языка программирования.",
    codes_columns: ["Код", "Название", "Можно отправлять", "Кто отправляет", "Рекомендация о переподключении"],
    choosing_heading: "Как выбрать код для приложения",
    choosing: &[
        "Чтобы закрыть соединение, которое выполнило свою задачу, отправьте 1000. Сервер, который останавливается, отправляет 1001, а тот, что перезапускается, — 1012.",
        "Если в протоколе уже есть код для проблемы, используйте его: 1007 — для текста, который не является допустимым UTF-8, 1009 — для слишком большого сообщения, 1011 — для непредвиденного сбоя на вашей стороне, 1008 — для любого другого нарушения вашей политики.",
        "Для причин, относящихся к вашему приложению, берите коды из диапазона 4000–4999. Он предназначен для частного использования: смысл каждого кода согласуют ваши клиент и сервер, регистрировать ничего не нужно.",
        "Диапазон 3000–3999 — для кодов, которые библиотека или фреймворк использует совместно с программами, которые не контролирует; такие коды нужно сначала зарегистрировать в IANA. Другие протоколы уже использовали числа из этого диапазона по-своему, поэтому проверьте, какого значения придерживается другая сторона.",
        "Никогда не отправляйте 1005, 1006 и 1015: они сообщаются локально и не должны появляться в кадре закрытия. Не отправляйте также 1004, числа меньше 1000, неназначенные числа из 1016–2999 и любые числа больше 4999.",
        "Коды закрытия — не коды состояния HTTP, даже если смысл похож: 3003 напоминает HTTP 403, но 403 кодом закрытия не является.",
        "Для каждого кода решите, что делать клиенту: не переподключаться, переподключиться с нарастающей задержкой или сначала попросить пользователя войти снова, — и опишите это; этот реестр даёт рекомендацию о переподключении для каждого своего кода.",
        "Причина должна быть короткой: полезная нагрузка кадра закрытия — не больше 125 байт, два из них занимает код, так что на причину остаётся не больше 123 байт UTF-8.",
    ],
    browser_heading: "WebSocket в браузере",
    browser: &[
        "В браузере `WebSocket.close(code, reason)` принимает только 1000 и коды от 3000 до 4999; любой другой код вызывает исключение `InvalidAccessError`. Причина может занимать не больше 123 байт UTF-8 (полезная нагрузка кадра закрытия — не больше 125 байт, два из них занимает код); более длинная вызывает `SyntaxError`. Поэтому страница не может закрыть соединение с кодом 1001, 1008 или 1011: она использует 1000 или, для собственных причин, код из диапазона 4000–4999.",
        "Любая неудача до события `open` доходит до страницы как 1006 без подробностей: ошибка DNS, отказ в соединении, ошибка TLS, ответ HTTP 401 или 403 на запрос обновления протокола, отсутствие общего подпротокола. Поэтому 1015 до страницы не доходит никогда. Сначала срабатывает событие `error`, затем `close`; для 1006 `wasClean` равно false.",
        "Сервер может отправить любой код, допустимый в кадре закрытия, и браузер передаёт его странице в свойстве `code` события `close`. Кадр закрытия без кода сообщается как 1005; страница, вызвавшая `close()` без аргументов, тоже видит 1005, когда сервер возвращает ей пустой кадр. Числа, которые отправлять нельзя (0, 999, 1004, 1016–2999, 5000 или 65535), браузер тоже передаёт без изменений и с `wasClean`, равным true, тогда как другие библиотеки в этом случае прерывают соединение.",
        "Чтобы браузер узнал причину отказа, примите запрос обновления протокола и затем закройте соединение с кодом: 3000 — если нужно войти снова; 3003 — если доступ запрещён; или собственным кодом из 4000–4999. Ответ HTTP 401 или 403 на запрос обновления протокола страница увидит только как 1006.",
        "Страница, которая сама вызвала `close()`, не переподключается, какой бы код ни пришёл в событии `close`.",
    ],
    interop_heading: "Совместимость",
    interop_introduction: "Код из реестра IANA принимают не везде. Следующие популярные библиотеки отклоняют некоторые зарегистрированные коды при получении (проверено по их исходному коду):",
    interop: &[
        "tungstenite (Rust), fastwebsockets, gorilla/websocket (Go) и autobahn-python отклоняют 1014 (Bad Gateway); tungstenite вдобавок передаёт приложению вместо него 1002.",
        "uWebSockets отклоняет 1012, 1013, 1014 и все коды от 3000 до 3999.",
        "websockets (Python), ws (Node), coder/websocket (Go) и tokio-websockets (Rust) принимают ровно те коды, которые можно отправлять: 1000–1003, 1007–1014 и 3000–4999. На любое другое число они прерывают соединение с кодом 1002, а браузер передаёт такое число странице без изменений.",
        "aiohttp принимал 1006 в кадре закрытия, потому что список допустимых кодов у него получался из списка имён: есть ли у кода имя и можно ли его отправлять — разные вопросы.",
    ],
    interop_advice: "Если другая сторона вам незнакома, отправляйте ей только коды, которые принимают все библиотеки: 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010 (от клиента) и 1011 — или заранее согласованный код из 4000–4999. Вместо 1014 отправляйте 1011; если на другой стороне может оказаться uWebSockets, не отправляйте коды из 1012–1014 и 3000–3999.",
    hints_heading: "Рекомендации о переподключении",
    hints_introduction: "Рекомендация о переподключении действует, только если соединение закрыла другая сторона. Клиент, который сам вызвал `close()`, не переподключается, какой бы код ни пришёл в событии close (часто это 1005, если сервер вернул пустой кадр закрытия).",
    hints_columns: ["Рекомендация", "Значение"],
    senders_heading: "Кто отправляет код",
    senders_columns: ["Отправитель", "Значение"],
    reference_introduction: "Каждый раздел ниже описывает один код из этого реестра: что он означает, где определён, кто его отправляет, что делать клиенту, если другая сторона закрыла соединение с этим кодом, и как называется его константа в каждом языке. Диапазоны и советы по выбору кода приведены в [обзоре](index.md).",
    facts: Facts {
        iana_name: "Имя в IANA:",
        reference: "Где определён:",
        sendable: "Можно отправлять в кадре закрытия:",
        sender: "Кто отправляет:",
        reconnect: "Рекомендация о переподключении:",
        aliases: "Псевдонимы:",
        constant: "Константа:",
    },
    yes: "да",
    no: "нет",
    none: "нет",
};
