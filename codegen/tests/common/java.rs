//! The Java driver: every module of a batch as a package, compiled by one `javac` run with
//! every lint as an error together with a `Driver` class, then run by `java`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use serde_json::{Map, Value, json};
use ws_close_codes_codegen::model::{Answer, Registry};

use super::{Driver, Module, display, run, tool, write};

/// The Java target's driver.
pub struct Java;

impl Driver for Java {
    fn key(&self) -> &'static str {
        "java"
    }

    fn name(&self) -> &'static str {
        "Java"
    }

    fn answers(&self, root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
        answers(root, modules)
    }

    /// `toString()` of the code.
    fn extend_answer(
        &self,
        registry: &Registry,
        number: Option<u16>,
        answer: Answer<'_>,
        facts: &mut Map<String, Value>,
    ) {
        let number = number.expect("Java asks about u16 values only");
        facts.insert("display".to_owned(), json!(display(registry, number, answer)));
    }

    fn doc_constant(&self, name: &str) -> String {
        format!("CloseCode.{name}")
    }
}

/// Compiles the modules and the driver and runs it; what it printed, or why it failed.
fn answers(root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
    let (javac, java) = (tool("WS_CLOSE_CODES_JAVAC"), tool("WS_CLOSE_CODES_JAVA"));
    let mut sources = Vec::new();
    let mut driver = String::from(HEAD);
    for module in modules {
        let package = root.join("src").join(&module.name);
        std::fs::create_dir_all(&package).unwrap_or_else(|error| panic!("{}: {error}", package.display()));
        // The generated file declares the standard package; each module of the batch is its own.
        let source = module.source("java").replacen(
            "\npackage io.github.wsclosecodes;\n",
            &format!("\npackage {};\n", module.name),
            1,
        );
        let path = package.join("CloseCode.java");
        write(&path, &source);
        sources.push(path);
        let probes: Vec<String> = module.probes.iter().map(u16::to_string).collect();
        let mut constants = String::new();
        for code in &module.registry.codes {
            for name in std::iter::once(&code.name).chain(&code.aliases) {
                let _ = write!(constants, "constants.put({name:?}, {}.CloseCode.{name}.value()); ", module.name);
            }
        }
        let report =
            REPORT.replace("PKG", &module.name).replace("PROBES", &probes.join(", ")).replace("CONSTANTS", &constants);
        driver.push_str(&report);
    }
    driver.push_str("        System.out.print(json(reports));\n    }\n}\n");
    let driver_path = root.join("src/Driver.java");
    write(&driver_path, &driver);
    // The generated classes meet the package's bar: every lint, and doclint on the Javadoc.
    let mut compile = Command::new(&javac);
    compile
        .args([
            "-encoding",
            "UTF-8",
            "--release",
            "17",
            "-Xlint:all",
            "-Werror",
            "-Xdoclint:all/protected",
            "-d",
            "out",
        ])
        .args(&sources)
        .current_dir(root);
    run(compile)?;
    // The driver uses the deprecated aliases on purpose.
    let mut compile = Command::new(&javac);
    compile
        .args([
            "-encoding",
            "UTF-8",
            "--release",
            "17",
            "-Xlint:all,-deprecation",
            "-Werror",
            "-cp",
            "out",
            "-d",
            "out",
        ])
        .arg(&driver_path)
        .current_dir(root);
    run(compile)?;
    let mut program = Command::new(java);
    program.args(["-Dstdout.encoding=UTF-8", "-cp", "out", "Driver"]).current_dir(root);
    run(program)
}

const HEAD: &str = r#"import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Prints every answer of the generated classes as JSON, one object per class. */
public final class Driver {
    private Driver() {
    }

    /** A JSON value in ASCII: maps, lists, strings, numbers, booleans and null. */
    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : ((String) value).toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c >= 0x20 && c < 0x7f) {
                    out.append(c);
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Map) {
            List<String> fields = new ArrayList<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                fields.add(json(entry.getKey()) + ":" + json(entry.getValue()));
            }
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List) {
            List<String> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(json(item));
            }
            return "[" + String.join(",", items) + "]";
        }
        return value.toString();
    }

    /**
     * Runs the driver.
     *
     * @param arguments none
     */
    public static void main(String[] arguments) {
        List<Object> reports = new ArrayList<>();
"#;

/// The report of the class in package `PKG`.
const REPORT: &str = r#"        {
            PKG.CloseCode.Locale[] locales = PKG.CloseCode.Locale.values();
            Function<Function<PKG.CloseCode.Locale, String>, List<String>> texts = text -> {
                List<String> out = new ArrayList<>();
                for (PKG.CloseCode.Locale locale : locales) {
                    out.add(text.apply(locale));
                }
                return out;
            };
            PKG.CloseCode.Locale fallback = PKG.CloseCode.Locale.FALLBACK;
            Map<String, Object> report = new LinkedHashMap<>();
            List<String> tags = new ArrayList<>();
            List<String> negotiated = new ArrayList<>();
            for (PKG.CloseCode.Locale locale : locales) {
                tags.add(locale.tag());
                negotiated.add(PKG.CloseCode.Locale.negotiate(locale.tag()).tag());
            }
            report.put("locales", tags);
            report.put("fallback", fallback.tag());
            report.put("negotiated", negotiated);
            report.put("invalid", List.of());
            Map<String, Object> reconnect = new LinkedHashMap<>();
            for (PKG.CloseCode.Reconnect hint : PKG.CloseCode.Reconnect.values()) {
                Map<String, Object> label = new LinkedHashMap<>();
                label.put("title", texts.apply(hint::title));
                label.put("description", texts.apply(hint::description));
                label.put("default_title", hint.title(fallback));
                label.put("default_description", hint.description(fallback));
                reconnect.put(hint.key(), label);
            }
            report.put("reconnect", reconnect);
            Map<String, Object> sender = new LinkedHashMap<>();
            for (PKG.CloseCode.Sender who : PKG.CloseCode.Sender.values()) {
                Map<String, Object> label = new LinkedHashMap<>();
                label.put("title", texts.apply(who::title));
                label.put("description", texts.apply(who::description));
                label.put("default_title", who.title(fallback));
                label.put("default_description", who.description(fallback));
                sender.put(who.key(), label);
            }
            report.put("sender", sender);
            List<Object> ranges = new ArrayList<>();
            for (PKG.CloseCode.Range range : PKG.CloseCode.Range.all()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("id", range.id());
                value.put("start", range.start());
                value.put("end", range.end());
                value.put("sendable", range.isSendable());
                value.put("reconnect", range.reconnect().key());
                value.put("title", texts.apply(range::title));
                value.put("description", texts.apply(range::description));
                value.put("default_title", range.title(fallback));
                value.put("default_description", range.description(fallback));
                ranges.add(value);
            }
            report.put("ranges", ranges);
            List<Object> codes = new ArrayList<>();
            for (int number : new int[] {PROBES}) {
                PKG.CloseCode c = PKG.CloseCode.of(number);
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("name", c.name().orElse(null));
                a.put("aliases", c.aliases());
                a.put("iana_name", c.ianaName().orElse(null));
                a.put("reference", c.reference(fallback).isPresent() ? texts.apply(locale -> c.reference(locale).orElseThrow()) : null);
                a.put("url", c.url().orElse(null));
                a.put("range", c.range().map(PKG.CloseCode.Range::id).orElse(null));
                a.put("sendable", c.isSendable());
                a.put("sender", c.sender().map(PKG.CloseCode.Sender::key).orElse(null));
                a.put("reconnect", c.reconnect().key());
                a.put("known", c.isKnown());
                a.put("display", c.toString());
                a.put("browser_closable", c.isBrowserClosable());
                long[] bounds = c.reconnectDelayBounds();
                a.put("delay_bounds", List.of(bounds[0], bounds[1]));
                // The same contexts as the Rust driver's CONTEXTS.
                PKG.CloseCode.ReconnectContext[] contexts = {
                    new PKG.CloseCode.ReconnectContext(true, true, 0, 0.5),
                    new PKG.CloseCode.ReconnectContext(false, true, 0, 0.0),
                    new PKG.CloseCode.ReconnectContext(false, true, 0, 0.5),
                    new PKG.CloseCode.ReconnectContext(false, true, 3, 0.999),
                    new PKG.CloseCode.ReconnectContext(false, true, 40, 0.25),
                    new PKG.CloseCode.ReconnectContext(false, false, 4, 0.75),
                    new PKG.CloseCode.ReconnectContext(false, false, 5, 0.75),
                    new PKG.CloseCode.ReconnectContext(false, true, 1, Double.NaN),
                };
                List<Object> steps = new ArrayList<>();
                for (PKG.CloseCode.ReconnectContext context : contexts) {
                    PKG.CloseCode.ReconnectStep step = c.reconnectStep(context);
                    steps.add(List.of(step.action().key(), step.delayMs()));
                }
                a.put("steps", steps);
                try {
                    PKG.CloseCode.Frame parsed = PKG.CloseCode.Frame.parse(PKG.CloseCode.Frame.of(c, "ok").encode());
                    if (!parsed.code().equals(java.util.Optional.of(c)) || !parsed.reason().equals("ok")) {
                        throw new IllegalStateException("a Close frame that was encoded does not parse back");
                    }
                    a.put("frame", "ok");
                } catch (PKG.CloseCode.FrameException error) {
                    a.put("frame", error.closeCode().value());
                }
                a.put("described", PKG.CloseCode.describeClose(c, "why", fallback,
                        new PKG.CloseCode.ReconnectContext(false, true, 0, 0.0)).toString());
                a.put("title", texts.apply(c::title));
                a.put("description", texts.apply(c::description));
                a.put("default_title", c.title());
                a.put("default_description", c.description());
                codes.add(a);
            }
            report.put("codes", codes);
            Map<String, Object> constants = new LinkedHashMap<>();
            CONSTANTS
            report.put("constants", constants);
            reports.add(report);
        }
"#;
