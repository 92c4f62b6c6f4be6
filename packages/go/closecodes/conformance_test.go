package closecodes_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ws-close-codes/ws-close-codes/packages/go/closecodes"
)

// vectors is conformance/vectors.json: what every language's API answers for each code.
type vectors struct {
	Locales     []string    `json:"locales"`
	Fallback    string      `json:"fallback"`
	Runs        []run       `json:"runs"`
	Negotiation [][2]string `json:"negotiation"`
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
	browser := c == 1000 || (c >= 3000 && c <= 4999)
	if c.IsBrowserClosable() != browser {
		fail("IsBrowserClosable()", c.IsBrowserClosable(), browser)
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
