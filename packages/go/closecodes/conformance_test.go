package closecodes_test

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/ws-close-codes/ws-close-codes/packages/go/closecodes"
)

// vectors is conformance/vectors.json: what every language's API answers for each code.
type vectors struct {
	Locales     []string    `json:"locales"`
	Fallback    string      `json:"fallback"`
	Runs        []run       `json:"runs"`
	Negotiation [][2]string `json:"negotiation"`
	AcceptLang  [][2]string `json:"accept_language"`
	Payloads    payloads    `json:"close_payloads"`
}

// payloads are the Close frame cases: parse, encode and truncate.
type payloads struct {
	Parse []struct {
		Payload string  `json:"payload"`
		Code    *int    `json:"code"`
		Reason  *string `json:"reason"`
		Error   *int    `json:"error"`
	} `json:"parse"`
	Encode []struct {
		Code    int     `json:"code"`
		Reason  string  `json:"reason"`
		Payload *string `json:"payload"`
		Error   *int    `json:"error"`
	} `json:"encode"`
	Truncate []struct {
		Reason    string `json:"reason"`
		Truncated string `json:"truncated"`
	} `json:"truncate"`
}

// run is a block of consecutive codes with the same answers.
type run struct {
	First       int      `json:"first"`
	Last        int      `json:"last"`
	Name        *string  `json:"name"`
	Aliases     []string `json:"aliases"`
	IANAName    *string  `json:"iana_name"`
	Range       *string  `json:"range"`
	Sendable    bool     `json:"sendable"`
	Browser     bool     `json:"browser_closable"`
	Sender      *string  `json:"sender"`
	Reconnect   string   `json:"reconnect"`
	Title       []string `json:"title"`
	Description []string `json:"description"`
}

func loadVectors(t *testing.T) vectors {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "conformance", "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestConformanceLocales(t *testing.T) {
	v := loadVectors(t)
	var tags []string
	for _, l := range closecodes.Locales() {
		tags = append(tags, l.String())
	}
	if !reflect.DeepEqual(tags, v.Locales) {
		t.Fatalf("Locales() = %v, want %v", tags, v.Locales)
	}
	if closecodes.FallbackLocale.String() != v.Fallback {
		t.Fatalf("FallbackLocale = %v, want %v", closecodes.FallbackLocale, v.Fallback)
	}
}

func TestConformanceNegotiation(t *testing.T) {
	v := loadVectors(t)
	if len(v.Negotiation) == 0 {
		t.Fatal("no negotiation vectors")
	}
	for _, pair := range v.Negotiation {
		if got := closecodes.Negotiate(pair[0]).String(); got != pair[1] {
			t.Errorf("Negotiate(%q) = %q, want %q", pair[0], got, pair[1])
		}
	}
}

func TestConformanceAcceptLanguage(t *testing.T) {
	v := loadVectors(t)
	if len(v.AcceptLang) == 0 {
		t.Fatal("no accept_language vectors")
	}
	for _, pair := range v.AcceptLang {
		if got := closecodes.Negotiate(pair[0]).String(); got != pair[1] {
			t.Errorf("Negotiate(%q) = %q, want %q", pair[0], got, pair[1])
		}
		// The header's items as a list negotiate to the same locale.
		items := strings.Split(pair[0], ",")
		if got := closecodes.NegotiateList(items).String(); got != pair[1] {
			t.Errorf("NegotiateList(%q) = %q, want %q", items, got, pair[1])
		}
	}
	t.Logf("checked %d Accept-Language headers, each as a header and as a list", len(v.AcceptLang))
}

// rangePredicates returns each range's predicate method, found by its name ("Is" and the id in
// UpperCamelCase), by range id.
func rangePredicates(t *testing.T) map[string]func(closecodes.CloseCode) bool {
	t.Helper()
	predicates := map[string]func(closecodes.CloseCode) bool{}
	for _, r := range closecodes.Ranges() {
		name := "Is"
		for _, word := range strings.Split(r.ID, "-") {
			name += strings.ToUpper(word[:1]) + word[1:]
		}
		method, ok := reflect.TypeOf(closecodes.CloseCode(0)).MethodByName(name)
		if !ok {
			t.Fatalf("range %q has no predicate %s", r.ID, name)
		}
		predicates[r.ID] = func(c closecodes.CloseCode) bool {
			return method.Func.Call([]reflect.Value{reflect.ValueOf(c)})[0].Bool()
		}
	}
	return predicates
}

func TestConformanceRangePredicates(t *testing.T) {
	v := loadVectors(t)
	predicates := rangePredicates(t)
	checked := 0
	for _, r := range v.Runs {
		for n := r.First; n <= r.Last; n++ {
			for id, predicate := range predicates {
				if want := r.Range != nil && *r.Range == id; predicate(closecodes.CloseCode(n)) != want {
					t.Fatalf("code %d: predicate of range %q = %v, want %v", n, id, !want, want)
				}
				checked++
			}
		}
	}
	if checked != 65536*len(predicates) {
		t.Fatalf("checked %d answers, want %d", checked, 65536*len(predicates))
	}
	t.Logf("checked %d predicates on every code", len(predicates))
}

func TestConformanceEveryCode(t *testing.T) {
	v := loadVectors(t)
	checked := 0
	next := 0
	for _, r := range v.Runs {
		if r.First != next || r.Last < r.First {
			t.Fatalf("runs do not cover every code: %d-%d after %d", r.First, r.Last, next-1)
		}
		for n := r.First; n <= r.Last; n++ {
			checkCode(t, closecodes.CloseCode(n), r)
			checked++
		}
		next = r.Last + 1
	}
	if checked != 65536 {
		t.Fatalf("checked %d codes, want 65536", checked)
	}
	t.Logf("checked %d codes against conformance/vectors.json", checked)
}

func checkCode(t *testing.T, c closecodes.CloseCode, r run) {
	t.Helper()
	fail := func(what string, got, want any) {
		t.Helper()
		t.Fatalf("code %d: %s = %#v, want %#v", int(c), what, got, want)
	}
	if c.Name() != orEmpty(r.Name) {
		fail("Name()", c.Name(), orEmpty(r.Name))
	}
	if c.IsKnown() != (r.Name != nil) {
		fail("IsKnown()", c.IsKnown(), r.Name != nil)
	}
	if aliases := c.Aliases(); len(aliases) != len(r.Aliases) || (len(aliases) > 0 && !reflect.DeepEqual(aliases, r.Aliases)) {
		fail("Aliases()", aliases, r.Aliases)
	}
	if c.IANAName() != orEmpty(r.IANAName) {
		fail("IANAName()", c.IANAName(), orEmpty(r.IANAName))
	}
	found, ok := c.Range()
	if ok != (r.Range != nil) || (ok && found.ID != *r.Range) || (ok && !found.Contains(c)) {
		fail("Range()", found.ID, orEmpty(r.Range))
	}
	if c.IsSendable() != r.Sendable {
		fail("IsSendable()", c.IsSendable(), r.Sendable)
	}
	sender, known := c.Sender()
	if known != (r.Sender != nil) || (known && sender.String() != *r.Sender) {
		fail("Sender()", sender.String(), orEmpty(r.Sender))
	}
	if c.Reconnect().String() != r.Reconnect {
		fail("Reconnect()", c.Reconnect().String(), r.Reconnect)
	}
	for i, l := range closecodes.Locales() {
		if c.Title(l) != r.Title[i] {
			fail("Title("+l.String()+")", c.Title(l), r.Title[i])
		}
		if c.Description(l) != r.Description[i] {
			fail("Description("+l.String()+")", c.Description(l), r.Description[i])
		}
	}
	if c.IsBrowserClosable() != r.Browser {
		fail("IsBrowserClosable()", c.IsBrowserClosable(), r.Browser)
	}
}

func TestRegisteredConstantsMatchTheirNames(t *testing.T) {
	cases := map[closecodes.CloseCode]string{
		closecodes.NormalClosure:    "NORMAL_CLOSURE",
		closecodes.GoingAway:        "GOING_AWAY",
		closecodes.ProtocolError:    "PROTOCOL_ERROR",
		closecodes.NoStatusReceived: "NO_STATUS_RECEIVED",
		closecodes.AbnormalClosure:  "ABNORMAL_CLOSURE",
		closecodes.PolicyViolation:  "POLICY_VIOLATION",
		closecodes.InternalError:    "INTERNAL_ERROR",
		closecodes.TlsHandshake:     "TLS_HANDSHAKE",
	}
	for code, name := range cases {
		if code.Name() != name {
			t.Errorf("%d.Name() = %q, want %q", int(code), code.Name(), name)
		}
	}
}

// errorCode is the close code a failed parse or build asks for, or nil.
func errorCode(t *testing.T, err error) *int {
	t.Helper()
	if err == nil {
		return nil
	}
	var problem *closecodes.CloseFrameError
	if !errors.As(err, &problem) {
		t.Fatalf("error %v is not a *CloseFrameError", err)
	}
	code := int(problem.CloseCode())
	return &code
}

func TestConformanceClosePayloads(t *testing.T) {
	p := loadVectors(t).Payloads
	if len(p.Parse) == 0 || len(p.Encode) == 0 || len(p.Truncate) == 0 {
		t.Fatal("no Close frame vectors")
	}
	for _, c := range p.Parse {
		payload, err := hex.DecodeString(c.Payload)
		if err != nil {
			t.Fatal(err)
		}
		frame, err := closecodes.ParseCloseFrame(payload)
		if got := errorCode(t, err); !reflect.DeepEqual(got, c.Error) {
			t.Errorf("ParseCloseFrame(%s): error code %v, want %v", c.Payload, got, c.Error)
			continue
		}
		if err != nil {
			continue
		}
		code, ok := frame.Code()
		if ok != (c.Code != nil) || (ok && int(code) != *c.Code) || frame.Reason() != *c.Reason {
			t.Errorf("ParseCloseFrame(%s) = %v %q, want %v %q", c.Payload, code, frame.Reason(), c.Code, *c.Reason)
		}
		if hex.EncodeToString(frame.Encode()) != c.Payload {
			t.Errorf("ParseCloseFrame(%s).Encode() = %x", c.Payload, frame.Encode())
		}
	}
	for _, c := range p.Encode {
		frame, err := closecodes.NewCloseFrame(closecodes.CloseCode(c.Code), c.Reason)
		if got := errorCode(t, err); !reflect.DeepEqual(got, c.Error) {
			t.Errorf("NewCloseFrame(%d, %q): error code %v, want %v", c.Code, c.Reason, got, c.Error)
			continue
		}
		if err == nil && hex.EncodeToString(frame.Encode()) != *c.Payload {
			t.Errorf("NewCloseFrame(%d, %q).Encode() = %x, want %s", c.Code, c.Reason, frame.Encode(), *c.Payload)
		}
	}
	for _, c := range p.Truncate {
		if got := closecodes.TruncateReason(c.Reason); got != c.Truncated {
			t.Errorf("TruncateReason(%q) = %q, want %q", c.Reason, got, c.Truncated)
		}
	}
	t.Logf("checked %d parse, %d encode and %d truncate cases", len(p.Parse), len(p.Encode), len(p.Truncate))
}

// A Go string may hold bytes that are not UTF-8, which a peer refuses with 1007: NewCloseFrame
// refuses them first, as TypeScript and Python refuse a lone surrogate, before measuring them.
func TestNewCloseFrameRefusesAReasonThatIsNotUTF8(t *testing.T) {
	for _, reason := range []string{"\xff", "ok\xbf", "\xed\xa0\x80", "\xe4\xb8", strings.Repeat("x", 200) + "\xc3"} {
		_, err := closecodes.NewCloseFrame(4000, reason)
		if code := errorCode(t, err); code == nil || *code != 1007 {
			t.Errorf("NewCloseFrame(4000, %q): error code %v, want 1007", reason, code)
		}
		if err != nil && err.Error() != "a close reason that is not valid UTF-8" {
			t.Errorf("NewCloseFrame(4000, %q): %v", reason, err)
		}
	}
	if _, err := closecodes.NewCloseFrame(4000, strings.Repeat("é", 62)); errorCode(t, err) == nil || *errorCode(t, err) != 1002 {
		t.Errorf("a valid reason of 124 bytes: %v, want 1002", err)
	}
}

func TestConformanceReconnectSteps(t *testing.T) {
	var v struct {
		Reconnect struct {
			Randoms  []float64 `json:"randoms"`
			Attempts uint32    `json:"attempts"`
			Cases    []struct {
				Code     int       `json:"code"`
				Bounds   [2]uint32 `json:"delay_bounds"`
				Contexts []struct {
					ClosedByClient bool     `json:"closed_by_client"`
					EverOpened     bool     `json:"ever_opened"`
					Steps          []string `json:"steps"`
				} `json:"contexts"`
			} `json:"cases"`
		} `json:"reconnect"`
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "conformance", "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	r := v.Reconnect
	if len(r.Cases) == 0 {
		t.Fatal("no reconnect vectors")
	}
	steps := 0
	for _, c := range r.Cases {
		code := closecodes.CloseCode(c.Code)
		if low, high := code.ReconnectDelayBounds(); low != c.Bounds[0] || high != c.Bounds[1] {
			t.Errorf("%d: ReconnectDelayBounds() = %d, %d, want %v", c.Code, low, high, c.Bounds)
		}
		for _, context := range c.Contexts {
			i := 0
			for attempt := uint32(0); attempt < r.Attempts; attempt++ {
				for _, random := range r.Randoms {
					step := code.ReconnectStep(closecodes.ReconnectContext{ClosedByClient: context.ClosedByClient, EverOpened: context.EverOpened, Attempt: attempt, Random: random})
					got := step.Action.String()
					if step.Action != closecodes.StepStop {
						got += ":" + strconv.Itoa(int(step.DelayMS))
					}
					if got != context.Steps[i] {
						t.Errorf("%d %+v attempt %d random %v: %s, want %s", c.Code, context, attempt, random, got, context.Steps[i])
					}
					i++
					steps++
				}
			}
		}
	}
	t.Logf("checked %d reconnect steps", steps)
}
