//! The Go driver: every module of a batch as a package of one Go module, with one `main` that
//! imports them all, checked by `gofmt -l` and `go vet` and then run.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use serde_json::{Map, Value, json};
use ws_close_codes_codegen::emit::go::identifier;
use ws_close_codes_codegen::model::naming::upper_camel;
use ws_close_codes_codegen::model::{Answer, Registry};

use super::{Driver, Module, display, run, tool, write};

/// The Go target's driver.
pub struct Go;

impl Driver for Go {
    fn key(&self) -> &'static str {
        "go"
    }

    fn name(&self) -> &'static str {
        "Go"
    }

    fn answers(&self, root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
        answers(root, modules)
    }

    /// `String()` of the code.
    fn extend_answer(
        &self,
        registry: &Registry,
        number: Option<u16>,
        answer: Answer<'_>,
        facts: &mut Map<String, Value>,
    ) {
        let number = number.expect("Go asks about u16 values only");
        facts.insert("display".to_owned(), json!(display(registry, number, answer)));
    }

    fn doc_constant(&self, name: &str) -> String {
        format!("closecodes.{}", upper_camel(name))
    }
}

/// Writes the packages and the driver, vets them and runs the driver; what it printed, or why
/// it failed.
fn answers(root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
    let go = tool("WS_CLOSE_CODES_GO");
    write(&root.join("go.mod"), "module driver\n\ngo 1.22\n");
    let mut main = String::from(HEAD);
    for module in modules {
        let package = root.join(&module.name);
        std::fs::create_dir_all(&package).unwrap_or_else(|error| panic!("{}: {error}", package.display()));
        // The generated file declares the standard package; each module of the batch is its own.
        let source = module.source("go").replacen("\npackage closecodes\n", &format!("\npackage {}\n", module.name), 1);
        write(&package.join(format!("{}.go", module.name)), &source);
        let _ = writeln!(main, "\t\"driver/{}\"", module.name);
    }
    main.push_str(")\n");
    main.push_str(HELPERS);
    main.push_str("\nfunc main() {\n\treports := []any{}\n");
    for module in modules {
        let probes: Vec<String> = module.probes.iter().map(u16::to_string).collect();
        let mut constants = String::new();
        for code in &module.registry.codes {
            for name in std::iter::once(&code.name).chain(&code.aliases) {
                let _ = write!(constants, "{:?}: int({}.{}), ", name, module.name, identifier(name));
            }
        }
        let report = REPORT.replace("PKG", &module.name);
        let _ = writeln!(main, "\treports = append(reports, func() map[string]any {{\n{report}\t}}())");
        let _ = writeln!(
            main,
            "\treports[len(reports)-1].(map[string]any)[\"codes\"] = answers_{}([]int{{{}}})",
            module.name,
            probes.join(", ")
        );
        let _ =
            writeln!(main, "\treports[len(reports)-1].(map[string]any)[\"constants\"] = map[string]int{{{constants}}}");
    }
    main.push_str(
        "\tout, err := json.Marshal(reports)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tos.Stdout.Write(out)\n}\n",
    );
    for module in modules {
        main.push_str(&ANSWERS.replace("PKG", &module.name));
    }
    write(&root.join("main.go"), &main);
    let mut gofmt = Command::new(go.with_file_name("gofmt"));
    gofmt.args(["-d"]).args(modules.iter().map(|module| &module.name)).current_dir(root);
    let unformatted = run(gofmt)?;
    if !unformatted.trim().is_empty() {
        return Err(format!("gofmt would change the generated code:\n{}", unformatted.trim()));
    }
    let mut vet = Command::new(&go);
    vet.args(["vet", "./..."]).current_dir(root).env("GOFLAGS", "-mod=mod").env("GOTOOLCHAIN", "local");
    run(vet)?;
    let mut driver = Command::new(&go);
    driver.args(["run", "."]).current_dir(root).env("GOTOOLCHAIN", "local");
    run(driver)
}

const HEAD: &str = "// Prints every answer of the generated packages as JSON, one object per package.\npackage main\n\nimport (\n\t\"encoding/json\"\n\t\"errors\"\n\t\"math\"\n\t\"os\"\n\n";

const HELPERS: &str = r#"
func opt(s string) any {
	if s == "" {
		return nil
	}
	return s
}
"#;

/// The report of package `PKG`, except its codes and constants.
const REPORT: &str = r#"		texts := func(f func(PKG.Locale) string) []string {
			out := []string{}
			for _, l := range PKG.Locales() {
				out = append(out, f(l))
			}
			return out
		}
		label := func(title, description func(PKG.Locale) string) map[string]any {
			return map[string]any{"title": texts(title), "description": texts(description), "default_title": title(PKG.FallbackLocale), "default_description": description(PKG.FallbackLocale)}
		}
		locales, negotiated := []string{}, []string{}
		for _, l := range PKG.Locales() {
			locales = append(locales, l.String())
			negotiated = append(negotiated, PKG.Negotiate(l.String()).String())
		}
		reconnect, sender := map[string]any{}, map[string]any{}
		for _, r := range PKG.Reconnects() {
			reconnect[r.String()] = label(r.Title, r.Description)
		}
		for _, s := range PKG.Senders() {
			sender[s.String()] = label(s.Title, s.Description)
		}
		ranges := []any{}
		for _, r := range PKG.Ranges() {
			value := label(r.Title, r.Description)
			value["id"], value["start"], value["end"], value["sendable"], value["reconnect"] = r.ID, int(r.Start), int(r.End), r.Sendable, r.Reconnect.String()
			ranges = append(ranges, value)
		}
		return map[string]any{"locales": locales, "fallback": PKG.FallbackLocale.String(), "negotiated": negotiated, "invalid": []any{}, "reconnect": reconnect, "sender": sender, "ranges": ranges}
"#;

/// `answers_PKG`: what package `PKG` answers for each probed code.
const ANSWERS: &str = r#"
func answers_PKG(probes []int) []any {
	texts := func(f func(PKG.Locale) string) []string {
		out := []string{}
		for _, l := range PKG.Locales() {
			out = append(out, f(l))
		}
		return out
	}
	all := []any{}
	for _, n := range probes {
		c := PKG.CloseCode(n)
		a := map[string]any{"title": texts(c.Title), "description": texts(c.Description), "default_title": c.Title(PKG.FallbackLocale), "default_description": c.Description(PKG.FallbackLocale)}
		aliases := c.Aliases()
		if aliases == nil {
			aliases = []string{}
		}
		a["name"], a["aliases"], a["iana_name"], a["url"] = opt(c.Name()), aliases, opt(c.IANAName()), opt(c.URL())
		a["reference"] = nil
		if c.Reference(PKG.FallbackLocale) != "" {
			a["reference"] = texts(c.Reference)
		}
		a["range"] = nil
		if r, ok := c.Range(); ok {
			a["range"] = r.ID
		}
		a["sender"] = nil
		if s, ok := c.Sender(); ok {
			a["sender"] = s.String()
		}
		a["sendable"], a["reconnect"], a["known"] = c.IsSendable(), c.Reconnect().String(), c.IsKnown()
		a["display"], a["browser_closable"] = c.String(), c.IsBrowserClosable()
		low, high := c.ReconnectDelayBounds()
		a["delay_bounds"] = []uint32{low, high}
		// The same contexts as the Rust driver's CONTEXTS.
		contexts := []PKG.ReconnectContext{{ClosedByClient: true, EverOpened: true, Attempt: 0, Random: 0.5}, {EverOpened: true, Attempt: 0, Random: 0}, {EverOpened: true, Attempt: 0, Random: 0.5}, {EverOpened: true, Attempt: 3, Random: 0.999}, {EverOpened: true, Attempt: 40, Random: 0.25}, {Attempt: 4, Random: 0.75}, {Attempt: 5, Random: 0.75}, {EverOpened: true, Attempt: 1, Random: math.NaN()}}
		steps := []any{}
		for _, context := range contexts {
			step := c.ReconnectStep(context)
			steps = append(steps, []any{step.Action.String(), step.DelayMS})
		}
		a["steps"] = steps
		if frame, err := PKG.NewCloseFrame(c, "ok"); err == nil {
			parsed, err := PKG.ParseCloseFrame(frame.Encode())
			if code, _ := parsed.Code(); err != nil || code != c || parsed.Reason() != "ok" {
				panic("a Close frame that was encoded does not parse back")
			}
			a["frame"] = "ok"
		} else {
			var problem *PKG.CloseFrameError
			if !errors.As(err, &problem) {
				panic(err)
			}
			a["frame"] = int(problem.CloseCode())
		}
		a["described"] = PKG.DescribeClose(c, "why", PKG.FallbackLocale, PKG.ReconnectContext{EverOpened: true}).String()
		all = append(all, a)
	}
	return all
}
"#;
