//! The Java emitter: one source file, `CloseCode.java`, for Java 17 and later, whose Javadoc
//! builds with `-Xdoclint:all` and no warning, and which reads naturally from Kotlin.
//!
//! `CloseCode` is an immutable value class for any 0-65535 with a constant per registered name
//! (the name as written); `CloseCode.Locale`, `CloseCode.Reconnect` and `CloseCode.Sender` are
//! enums and `CloseCode.Range` a value class. Registry text reaches the output as literals made by
//! [`string`] and as Javadoc passed through [`doc`]. Java turns `\u{5c}u000a` into a line break
//! before it reads a literal or a comment, so neither ever holds such an escape of a control: a
//! control is an octal escape in a literal, and a backslash in a comment an HTML entity.

use std::fmt::Write as _;
use std::path::Path;

use super::escape::{Literal, one_line, utf16};
use super::{Comments, Header, Layout, NameKind, Output, Target};
use crate::files::Plan;
use crate::model::naming::{screaming_snake, upper_camel};
use crate::model::{Label, Reconnect, Registry, Sender, Texts};

/// The Java target: `CloseCode.java` of the Maven project in `packages/java`, or a file in an
/// application's package (the class is named after the file).
pub struct Java;

/// The package of the standard layout.
const STANDARD_PACKAGE: &str = "io.github.wsclosecodes";

/// The types the generated class nests: a class may not have the name of one of them.
const NESTED: &[&str] = &[
    "Action",
    "Candidate",
    "CloseDescription",
    "Entry",
    "Frame",
    "FrameException",
    "Label",
    "Locale",
    "Range",
    "Reconnect",
    "ReconnectContext",
    "ReconnectStep",
    "Sender",
];

/// Java's keywords and literals: no part of a package name may be one.
const KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "void",
    "volatile",
    "while",
    "true",
    "false",
    "null",
    "_",
];

/// Longest text in one literal: Java's constant pool holds at most 65,535 bytes of modified UTF-8
/// per string (up to 3 bytes a UTF-16 unit), so longer texts are joined at run time.
const MAX_LITERAL_UNITS: usize = 16_000;

/// Registered codes per helper method: a method's bytecode is limited to 64 KiB.
const ENTRIES_PER_METHOD: usize = 64;

impl Target for Java {
    fn starter(&self) -> Option<super::Starter> {
        Some(super::Starter {
            path: "src/main/java/com/example/closecodes/CloseCodes.java",
            keys: &["package = \"com.example.closecodes\""],
            what: "a Java class (Java 17), no dependencies",
            detect: &["pom.xml", "build.gradle", "build.gradle.kts"],
        })
    }

    fn key(&self) -> &'static str {
        "java"
    }

    fn name(&self) -> &'static str {
        "Java"
    }

    fn extension(&self) -> Option<&'static str> {
        Some("java")
    }

    fn standard(&self) -> Output {
        Output {
            path: "packages/java/src/main/java/io/github/wsclosecodes/CloseCode.java".into(),
            layout: Layout::Packages,
            package: Some(STANDARD_PACKAGE.to_owned()),
            book: super::BookOptions::default(),
        }
    }

    /// A Java package: dot-separated identifiers, none a keyword. The file's name (the class's)
    /// must be an identifier too.
    fn package(&self, value: Option<&str>, path: &Path) -> Result<Option<String>, (String, String)> {
        let class = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or("");
        if !is_identifier(class) {
            return Err((
                format!("`{class}` is not a Java class name (the file's name)"),
                "name the file after the class, e.g. `CloseCode.java`".to_owned(),
            ));
        }
        if NESTED.contains(&class) {
            return Err((
                format!("`{class}` is the name of a type the class nests (the file's name)"),
                "name the file after the class, e.g. `CloseCode.java`".to_owned(),
            ));
        }
        let Some(package) = value else {
            return Err((
                "`targets.java` needs a `package`".to_owned(),
                "add e.g. `package = \"com.example.chat\"`".to_owned(),
            ));
        };
        if !package.split('.').all(is_identifier) {
            return Err((
                format!("`{package}` is not a Java package name"),
                "use dot-separated identifiers that are not keywords, e.g. `com.example.chat`".to_owned(),
            ));
        }
        Ok(Some(package.to_owned()))
    }

    fn identifier(&self, name: &str) -> Option<String> {
        Some(name.to_owned())
    }

    fn range_predicate(&self, id: &str) -> Option<String> {
        Some(range_predicate(id))
    }

    /// A range's predicate (`is` and the id) may not be another method of `CloseCode`.
    fn reserved(&self, name: &str, kind: NameKind) -> Option<&'static str> {
        super::predicate_clash(name, kind)
    }

    fn constant(&self, name: &str) -> Option<String> {
        Some(format!("CloseCode.{name}"))
    }

    fn plan(&self, registry: &Registry, header: &Header, output: &Output, plan: &mut Plan) {
        let package = output.package.as_deref().unwrap_or(STANDARD_PACKAGE);
        let class = output.path.file_stem().and_then(|stem| stem.to_str()).unwrap_or("CloseCode");
        plan.file(&output.path, emit(registry, header, package, class));
        if output.layout == Layout::Packages
            && let Some(directory) = output.path.parent()
        {
            plan.directory(directory);
        }
    }
}

/// An ASCII Java identifier that is not a keyword.
fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        && !KEYWORDS.contains(&text)
}

/// Emits `<class>.java` of `package` for `registry`.
pub fn emit(registry: &Registry, header: &Header, package: &str, class: &str) -> String {
    let mut out = header.comment(Comments::Slashes);
    out.reserve(super::size_estimate(registry));
    ln!(out, "package {package};");
    ln!(out);
    for import in ["ArrayList", "Collections", "List", "Optional"] {
        ln!(out, "import java.util.{import};");
    }
    ln!(out);
    ln!(out, "/**");
    ln!(out, " * A WebSocket close code: any number from 0 to 65535, generated from one registry.");
    ln!(out, " *");
    ln!(out, " * <p>The constants are the registered codes; {{@link #of(int)}} returns them for their numbers, so");
    ln!(
        out,
        " * {{@code ==}} and {{@link #equals(Object)}} agree on them. Every code has a title and a description in"
    );
    ln!(
        out,
        " * each {{@link Locale}}; {{@link #isSendable()}} tells whether it may appear in a Close frame, which is"
    );
    ln!(out, " * a separate question from whether it has a name. Instances are immutable.");
    ln!(out, " */");
    ln!(out, "public final class {class} implements Comparable<{class}> {{");
    constants(&mut out, registry, class);
    locale(&mut out, registry, class);
    let hints: Vec<(&str, &Label)> = Reconnect::ALL.iter().map(|&h| (h.key(), registry.reconnect_label(h))).collect();
    let doc = "What a client should do after a connection closed with a given code.";
    vocabulary(&mut out, registry, "Reconnect", doc, &hints);
    let senders: Vec<(&str, &Label)> = Sender::ALL.iter().map(|&s| (s.key(), registry.sender_label(s))).collect();
    vocabulary(&mut out, registry, "Sender", "Who sends a close code.", &senders);
    out.push_str(&functions(registry, class));
    range_predicates(&mut out, registry);
    tables(&mut out, registry, class);
    sendable(&mut out, registry);
    ln!(out, "}}");
    out
}

fn constants(out: &mut String, registry: &Registry, class: &str) {
    for code in &registry.codes {
        ln!(out);
        ln!(out, "    /**");
        ln!(out, "     * {}: {}.", code.code, doc(code.label.title.get(registry.fallback)));
        match (code.reference.as_ref().map(|texts| texts.get(registry.fallback)), code.url.as_deref()) {
            (Some(reference), Some(url)) => {
                ln!(out, "     *");
                ln!(out, "     * <p>Defined in {}: {}", doc(reference), doc(url));
            }
            (Some(text), None) | (None, Some(text)) => {
                ln!(out, "     *");
                ln!(out, "     * <p>Defined in {}", doc(text));
            }
            (None, None) => {}
        }
        ln!(out, "     */");
        ln!(out, "    public static final {class} {} = new {class}({});", code.name, code.code);
        for alias in &code.aliases {
            ln!(out);
            ln!(out, "    /**");
            ln!(out, "     * Former name of {{@link #{}}} ({}).", code.name, code.code);
            ln!(out, "     *");
            ln!(out, "     * @deprecated use {{@link #{}}}", code.name);
            ln!(out, "     */");
            ln!(out, "    @Deprecated");
            ln!(out, "    public static final {class} {alias} = {};", code.name);
        }
    }
}

fn locale(out: &mut String, registry: &Registry, class: &str) {
    ln!(out);
    ln!(out, "    /** A locale every text is written in. */");
    ln!(out, "    public enum Locale {{");
    for (index, tag) in registry.locales.iter().enumerate() {
        let end = if index + 1 == registry.locales.len() { ";" } else { "," };
        ln!(out, "        /** {}. */", doc(tag));
        ln!(out, "        {}({}){end}", screaming_snake(tag), string(tag));
    }
    ln!(out);
    ln!(out, "        /** The locale of every text when none is requested or none matches the request. */");
    ln!(
        out,
        "        public static final Locale FALLBACK = {};",
        screaming_snake(&registry.locales[registry.fallback])
    );
    ln!(out);
    ln!(out, "        private final String tag;");
    ln!(out);
    ln!(out, "        Locale(String tag) {{");
    ln!(out, "            this.tag = tag;");
    ln!(out, "        }}");
    ln!(out);
    ln!(out, "        /**");
    ln!(out, "         * The BCP 47 tag, e.g. {{@code \"zh-Hans\"}}.");
    ln!(out, "         *");
    ln!(out, "         * @return the tag");
    ln!(out, "         */");
    ln!(out, "        public String tag() {{");
    ln!(out, "            return tag;");
    ln!(out, "        }}");
    ln!(out);
    // The examples' answers are the model's for this registry's locales.
    let answer = |header: &str| screaming_snake(&registry.locales[registry.negotiate(header)]);
    let examples = |doc: &str| {
        ["ru;q=0.9, en", "de-DE, zh;q=0.8", "zh-TW,ru;q=0.5"]
            .iter()
            .fold(doc.to_owned(), |doc, header| doc.replace(&format!("{{{header}}}"), &answer(header)))
    };
    for line in examples(NEGOTIATE_DOC).lines() {
        ln!(out, "        {line}");
    }
    ln!(out, "        public static Locale negotiate(String header) {{");
    ln!(out, "            return {class}.negotiate(List.of(header.split(\",\", -1)));");
    ln!(out, "        }}");
    ln!(out);
    for line in examples(NEGOTIATE_LIST_DOC).lines() {
        ln!(out, "        {line}");
    }
    ln!(out, "        public static Locale negotiate(List<String> tags) {{");
    ln!(out, "            return {class}.negotiate(List.copyOf(tags));");
    ln!(out, "        }}");
    ln!(out, "    }}");
    ln!(out);
    ln!(out, "    /** What negotiation trims from both ends of a tag: every Unicode White_Space character. */");
    ln!(out, "    private static final String WHITESPACE = {};", string(super::WHITESPACE));
}

/// The Javadoc of `Locale.negotiate(String)`.
const NEGOTIATE_DOC: &str = r#"/**
 * The best locale for an {@code Accept-Language} header, a list of tags joined with {@code ,}, or
 * one tag such as {@code "zh-CN"}, {@code "ru_RU"} or {@code "en-US"}.
 *
 * <p>Each tag is matched on its own: separators {@code -} and {@code _} and any letter case are
 * accepted; a locale with the same language, script and region wins; Chinese takes its script
 * from the tag or else the region ({@code zh}, {@code zh-CN}, {@code zh-SG} are Simplified;
 * {@code zh-TW}, {@code zh-HK}, {@code zh-MO} are Traditional); otherwise the first locale of the
 * same language. Of the matches, the highest q-value wins and the earlier tag on a tie;
 * {@code q=0} rules a locale out, and {@code *} stands for {@link #FALLBACK}. The fallback never
 * outranks a locale listed before it: it can always be shown, so naming it says "this one too".
 * An empty item, or one with a malformed q-value, is skipped. When nothing matches,
 * {@link #FALLBACK} (or, when the request ruled that out, the first locale it did not).
 *
 * <pre>{@code
 * Locale.negotiate("ru;q=0.9, en");    // {ru;q=0.9, en}
 * Locale.negotiate("de-DE, zh;q=0.8"); // {de-DE, zh;q=0.8}
 * Locale.negotiate(request.getHeader("Accept-Language"));
 * }</pre>
 *
 * @param header an {@code Accept-Language} header or a language tag
 * @return the locale
 */"#;

/// The Javadoc of `Locale.negotiate(List<String>)`.
const NEGOTIATE_LIST_DOC: &str = r#"/**
 * The best locale for a list of tags, each of which may carry a q-value; the rule of
 * {@link #negotiate(String)}.
 *
 * <pre>{@code
 * Locale.negotiate(List.of("zh-TW", "ru;q=0.5")); // {zh-TW,ru;q=0.5}
 * }</pre>
 *
 * @param tags language tags such as {@code "ru-RU"} or {@code "en;q=0.5"}
 * @return the locale
 */"#;

/// An enum of a closed vocabulary (`Reconnect`, `Sender`) with its registry keys and texts.
fn vocabulary(out: &mut String, registry: &Registry, name: &str, enum_doc: &str, members: &[(&str, &Label)]) {
    ln!(out);
    ln!(out, "    /** {enum_doc} */");
    ln!(out, "    public enum {name} {{");
    for (index, (key, label)) in members.iter().enumerate() {
        let end = if index + 1 == members.len() { ";" } else { "," };
        ln!(out, "        /** {}. */", doc(label.title.get(registry.fallback)));
        ln!(out, "        {}({}, {}){end}", screaming_snake(key), string(key), label_literal(label));
    }
    ln!(out);
    ln!(out, "        private final String key;");
    ln!(out, "        private final Label label;");
    ln!(out);
    ln!(out, "        {name}(String key, Label label) {{");
    ln!(out, "            this.key = key;");
    ln!(out, "            this.label = label;");
    ln!(out, "        }}");
    ln!(out);
    ln!(out, "        /**");
    ln!(out, "         * The registry's key, e.g. {{@code \"{}\"}}.", members[0].0);
    ln!(out, "         *");
    ln!(out, "         * @return the key");
    ln!(out, "         */");
    ln!(out, "        public String key() {{");
    ln!(out, "            return key;");
    ln!(out, "        }}");
    for (method, field, what) in [("title", "title", "short title"), ("description", "description", "full description")]
    {
        ln!(out);
        ln!(out, "        /**");
        ln!(out, "         * A {what} in {{@code locale}}.");
        ln!(out, "         *");
        ln!(out, "         * @param locale the locale of the text");
        ln!(out, "         * @return the {method}");
        ln!(out, "         */");
        ln!(out, "        public String {method}(Locale locale) {{");
        ln!(out, "            return label.{field}[locale.ordinal()];");
        ln!(out, "        }}");
    }
    ln!(out, "    }}");
}

/// `isPrivate()` and the like: one method per range, named after its id.
fn range_predicates(out: &mut String, registry: &Registry) {
    for range in &registry.ranges {
        let test = match (range.start, range.end) {
            (0, u16::MAX) => "true".to_owned(),
            (0, end) => format!("value <= {end}"),
            (start, u16::MAX) => format!("value >= {start}"),
            (start, end) => format!("value >= {start} && value <= {end}"),
        };
        ln!(out);
        ln!(out, "    /**");
        ln!(out, "     * Is this code in the {}-{} range ({{@code {}}})?", range.start, range.end, doc(&range.id));
        ln!(out, "     *");
        ln!(out, "     * @return whether it lies in the range");
        ln!(out, "     */");
        ln!(out, "    public boolean {}() {{", range_predicate(&range.id));
        ln!(out, "        return {test};");
        ln!(out, "    }}");
    }
}

/// `isPrivate` for the range id `private`: the name of its predicate method.
fn range_predicate(id: &str) -> String {
    format!("is{}", upper_camel(id))
}

/// The ranges, the texts of a number outside every range and the registered entries.
fn tables(out: &mut String, registry: &Registry, class: &str) {
    ln!(out);
    ln!(out, "    /** Every range, ascending. */");
    ln!(out, "    private static final Range[] RANGES = {{");
    for range in &registry.ranges {
        ln!(
            out,
            "        new Range({}, {}, {}, {}, Reconnect.{}, {}, {}),",
            string(&range.id),
            range.start,
            range.end,
            range.sendable,
            screaming_snake(range.reconnect.key()),
            label_literal(&range.label),
            delay_literal(range.delay.unwrap_or(crate::behaviour::DEFAULT_DELAY))
        );
    }
    ln!(out, "    }};");
    ln!(out);
    ln!(out, "    /** The texts of a number outside every range. */");
    ln!(out, "    private static final Label OUT_OF_RANGE = {};", label_literal(&registry.out_of_range));
    ln!(out);
    ln!(out, "    /** The reconnect delay bounds of a number outside every range, in milliseconds. */");
    ln!(
        out,
        "    private static final long[] OUT_OF_RANGE_DELAY = {};",
        delay_literal(crate::behaviour::DEFAULT_DELAY)
    );
    ln!(out);
    ln!(out, "    /** The reconnect hint for a number outside every range. */");
    ln!(
        out,
        "    private static final Reconnect OUT_OF_RANGE_RECONNECT = Reconnect.{};",
        screaming_snake(registry.out_of_range_reconnect.key())
    );
    ln!(out);
    ln!(out, "    /** The registered codes, ascending. */");
    ln!(out, "    private static final Entry[] ENTRIES = entries();");
    ln!(out);
    ln!(out, "    private static Entry[] entries() {{");
    ln!(out, "        List<Entry> all = new ArrayList<>();");
    let chunks: Vec<_> = registry.codes.chunks(ENTRIES_PER_METHOD).collect();
    for index in 0..chunks.len() {
        ln!(out, "        entries{index}(all);");
    }
    ln!(out, "        return all.toArray(new Entry[0]);");
    ln!(out, "    }}");
    for (index, chunk) in chunks.iter().enumerate() {
        ln!(out);
        ln!(out, "    private static void entries{index}(List<Entry> all) {{");
        for code in *chunk {
            let aliases: Vec<String> = code.aliases.iter().map(|alias| string(alias)).collect();
            let optional = |text: &Option<String>| text.as_deref().map_or_else(|| "null".to_owned(), string);
            ln!(
                out,
                "        all.add(new Entry({}, {}, List.of({}), {}, {}, {}, Sender.{}, Reconnect.{}, {}, {}));",
                code.name,
                string(&code.name),
                aliases.join(", "),
                optional(&code.iana_name),
                code.reference.as_ref().map_or_else(|| "null".to_owned(), texts_literal),
                optional(&code.url),
                screaming_snake(code.sender.key()),
                screaming_snake(code.reconnect.key()),
                label_literal(&code.label),
                delay_literal(registry.answer(code.code).delay)
            );
        }
        ln!(out, "    }}");
    }
    label_tables(out, registry);
    let _ = class;
}

/// `LABEL_INDEX` (the label of each integer 0-65535, in the narrowest array that holds the
/// indices), `TITLES` and `DESCRIPTIONS` (the texts by locale, then label), filled when the class
/// loads from `LABEL_PIECES`, so that `title` and `description` are two array loads and `entryOf`
/// one load and a comparison, instead of a binary search of the entries and a walk of the ranges.
/// Written after `ENTRIES`, which the class initializer must have filled first.
fn label_tables(out: &mut String, registry: &Registry) {
    let count = registry.codes.len() + registry.ranges.len() + 1;
    let (array, read) = match count {
        0..=0xFF => ("byte", "LABEL_INDEX[code] & 0xFF"),
        0x100..=0xFFFF => ("char", "LABEL_INDEX[code]"),
        _ => ("int", "LABEL_INDEX[code]"),
    };
    ln!(out);
    ln!(out, "    /**");
    ln!(out, "     * Every integer 0-65535 in stretches that share one label: first, last, and the index of the");
    ln!(
        out,
        "     * label (the registered codes' in {{@code ENTRIES}} order, the ranges', then {{@code OUT_OF_RANGE}})."
    );
    ln!(out, "     */");
    ln!(out, "    private static final int[] LABEL_PIECES = {{");
    for (first, last, label) in super::label_pieces(registry) {
        ln!(out, "        {first}, {last}, {label},");
    }
    ln!(out, "    }};");
    ln!(out);
    ln!(out, "    /** The index of the label of each integer 0-65535, filled from {{@code LABEL_PIECES}}. */");
    ln!(out, "    private static final {array}[] LABEL_INDEX = new {array}[65536];");
    ln!(out);
    ln!(out, "    /** The title of each label, by locale and then label. */");
    ln!(out, "    private static final String[][] TITLES = new String[Locale.values().length][{count}];");
    ln!(out);
    ln!(out, "    /** The description of each label, by locale and then label. */");
    ln!(out, "    private static final String[][] DESCRIPTIONS = new String[Locale.values().length][{count}];");
    ln!(out);
    ln!(out, "    static {{");
    ln!(out, "        for (int at = 0; at < LABEL_PIECES.length; at += 3) {{");
    ln!(out, "            for (int code = LABEL_PIECES[at]; code <= LABEL_PIECES[at + 1]; code++) {{");
    ln!(out, "                LABEL_INDEX[code] = ({array}) LABEL_PIECES[at + 2];");
    ln!(out, "            }}");
    ln!(out, "        }}");
    ln!(out, "        Label[] labels = new Label[{count}];");
    ln!(out, "        for (int i = 0; i < ENTRIES.length; i++) {{");
    ln!(out, "            labels[i] = ENTRIES[i].label;");
    ln!(out, "        }}");
    ln!(out, "        for (int i = 0; i < RANGES.length; i++) {{");
    ln!(out, "            labels[ENTRIES.length + i] = RANGES[i].label;");
    ln!(out, "        }}");
    ln!(out, "        labels[labels.length - 1] = OUT_OF_RANGE;");
    ln!(out, "        for (Locale locale : Locale.values()) {{");
    ln!(out, "            for (int i = 0; i < labels.length; i++) {{");
    ln!(out, "                TITLES[locale.ordinal()][i] = labels[i].title[locale.ordinal()];");
    ln!(out, "                DESCRIPTIONS[locale.ordinal()][i] = labels[i].description[locale.ordinal()];");
    ln!(out, "            }}");
    ln!(out, "        }}");
    ln!(out, "    }}");
    ln!(out);
    ln!(out, "    /** The index of the label of {{@code code}}, 0-65535: the code's own, its range's, or the last. */");
    ln!(out, "    private static int labelOf(int code) {{");
    ln!(out, "        return {read};");
    ln!(out, "    }}");
    ln!(out);
    ln!(out, "    /** The index of the label of any number: outside 0-65535, that of a number outside every range. */");
    ln!(out, "    private static int labelOfAny(int code) {{");
    ln!(out, "        // The test the JIT also needs to leave out the bounds check of LABEL_INDEX.");
    ln!(out, "        return code >= 0 && code < LABEL_INDEX.length ? labelOf(code) : {};", count - 1);
    ln!(out, "    }}");
}

/// `sendable(int)`: the sendable codes as comparisons, or a binary search over their runs.
fn sendable(out: &mut String, registry: &Registry) {
    let runs = super::sendable_runs(registry);
    ln!(out);
    if runs.len() > super::INLINE_RUNS {
        let flat: Vec<String> = runs.iter().flat_map(|(start, end)| [start.to_string(), end.to_string()]).collect();
        ln!(out, "    /** First and last code of each run of sendable codes, ascending. */");
        ln!(out, "    private static final int[] SENDABLE_RUNS = {{{}}};", flat.join(", "));
        ln!(out);
        ln!(out, "    private static boolean sendable(int code) {{");
        ln!(out, "        int low = 0;");
        ln!(out, "        int high = SENDABLE_RUNS.length / 2 - 1;");
        ln!(out, "        while (low <= high) {{");
        ln!(out, "            int middle = (low + high) >>> 1;");
        ln!(out, "            if (code < SENDABLE_RUNS[2 * middle]) {{");
        ln!(out, "                high = middle - 1;");
        ln!(out, "            }} else if (code > SENDABLE_RUNS[2 * middle + 1]) {{");
        ln!(out, "                low = middle + 1;");
        ln!(out, "            }} else {{");
        ln!(out, "                return true;");
        ln!(out, "            }}");
        ln!(out, "        }}");
        ln!(out, "        return false;");
        ln!(out, "    }}");
        return;
    }
    let tests: Vec<String> = runs
        .iter()
        .map(
            |&(start, end)| {
                if start == end { format!("code == {start}") } else { format!("(code >= {start} && code <= {end})") }
            },
        )
        .collect();
    let test = if tests.is_empty() { "false".to_owned() } else { tests.join(" || ") };
    ln!(out, "    private static boolean sendable(int code) {{");
    ln!(out, "        return {test};");
    ln!(out, "    }}");
}

/// `new long[] {min, max}`: reconnect delay bounds in milliseconds.
fn delay_literal(delay: crate::model::Delay) -> String {
    format!("new long[] {{{}, {}}}", delay.min_ms, delay.max_ms)
}

/// `new Label(new String[] {...}, new String[] {...})`.
fn label_literal(label: &Label) -> String {
    format!("new Label({}, {})", texts_literal(&label.title), texts_literal(&label.description))
}

fn texts_literal(texts: &Texts) -> String {
    let list: Vec<String> = texts.iter().map(string).collect();
    format!("new String[] {{{}}}", list.join(", "))
}

/// How Java writes a character that is not printable: an octal escape below U+0100 (a `\u{5c}u`
/// escape of a control would become the control itself before the lexer runs), else UTF-16 units
/// as `\uXXXX`, which stand for characters a literal may hold.
const LITERAL: Literal = Literal {
    unprintable: |out, c| match u32::from(c) {
        n @ ..=0xFF => {
            let _ = write!(out, "\\{n:03o}");
        }
        _ => utf16(out, c),
    },
};

/// A Java expression of type `String` that evaluates to exactly `text`, whatever it holds: one
/// literal, or for a text too long for one, literals joined at run time.
pub fn string(text: &str) -> String {
    if text.len() <= MAX_LITERAL_UNITS {
        return LITERAL.quote(text);
    }
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = rest.len().min(MAX_LITERAL_UNITS);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        parts.push(LITERAL.quote(&rest[..end]));
        rest = &rest[end..];
    }
    format!("String.join(\"\", {})", parts.join(", "))
}

/// Registry text made safe for Javadoc: one line of printable characters as HTML text, which can
/// neither close the comment, start a tag, nor hold a `\u{5c}u` escape.
pub fn doc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    for c in one_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => out.push_str("&#64;"),
            '\\' => out.push_str("&#92;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '/' if previous == '*' => out.push_str("&#47;"),
            c => out.push(c),
        }
        previous = c;
    }
    out
}

/// The methods and nested classes: the same for every registry but for the answers in their
/// examples (`{sendable 4000}`). They mirror `Registry::answer` and `Registry::negotiate` of the
/// model.
const FUNCTIONS: &str = include_str!("java/functions.java");

/// [`FUNCTIONS`] for `class`, with the examples' answers for `registry`.
fn functions(registry: &Registry, class: &str) -> String {
    let mut text = FUNCTIONS.replace("CloseCode", class);
    for number in EXAMPLE_NUMBERS {
        text = text.replace(&format!("{{sendable {number}}}"), &registry.answer(number).sendable.to_string());
    }
    text
}

/// The numbers whose answers the examples of [`FUNCTIONS`] show.
const EXAMPLE_NUMBERS: [u16; 2] = [1006, 4000];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_octal_escapes_and_others_utf16() {
        assert_eq!(string("a\"\\\n\u{0}\u{85}"), r#""a\"\\\n\000\205""#);
        assert_eq!(string("\u{2028}\u{e0001}"), r#""\u2028\uDB40\uDC01""#);
        assert_eq!(string("\\u000a stays text"), r#""\\u000a stays text""#);
    }

    #[test]
    fn long_texts_are_joined_at_run_time() {
        let text = "é".repeat(MAX_LITERAL_UNITS);
        let joined = string(&text);
        assert!(joined.starts_with("String.join(\"\", \""));
        assert_eq!(joined.matches('é').count(), MAX_LITERAL_UNITS);
    }

    #[test]
    fn a_class_may_not_be_named_after_a_nested_type() {
        assert!(Java.package(Some("com.example"), Path::new("src/Range.java")).is_err());
        assert!(Java.package(Some("com.example"), Path::new("src/Codes.java")).is_ok());
    }

    #[test]
    fn range_predicates_may_not_clash_with_methods() {
        assert!(Java.reserved("SENDABLE", NameKind::RangeId).is_some());
        assert!(Java.reserved("BROWSER_CLOSABLE", NameKind::RangeId).is_some());
        assert!(Java.reserved("PRIVATE", NameKind::RangeId).is_none());
        assert!(Java.reserved("SENDABLE", NameKind::Code).is_none());
    }

    #[test]
    fn every_example_answer_has_its_number() {
        let mut rest = FUNCTIONS;
        let mut found = 0;
        while let Some(at) = rest.find("{sendable ") {
            let end = at + rest[at..].find('}').expect("closed placeholder");
            let number: u16 = rest[at + "{sendable ".len()..end].parse().expect("a number");
            assert!(EXAMPLE_NUMBERS.contains(&number), "{number} is not in EXAMPLE_NUMBERS");
            rest = &rest[end..];
            found += 1;
        }
        assert_eq!(found, EXAMPLE_NUMBERS.len());
    }

    #[test]
    fn javadoc_cannot_close_tag_or_escape() {
        assert_eq!(doc("a */ <b> @x {@link} \\u000a"), "a *&#47; &lt;b&gt; &#64;x &#123;&#64;link&#125; &#92;u000a");
    }
}
