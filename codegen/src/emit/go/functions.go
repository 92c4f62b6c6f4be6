
// index is the position of l in every texts array; an undefined Locale reads the fallback's.
func (l Locale) index() int {
	if int(l) < len(localeTags) {
		return int(l)
	}
	return int(FallbackLocale)
}

// String returns the locale's BCP 47 tag, e.g. "zh-Hans".
func (l Locale) String() string {
	return localeTags[l.index()]
}

// Locales returns every locale, in registry order.
func Locales() []Locale {
	all := make([]Locale, len(localeTags))
	for i := range all {
		all[i] = Locale(i)
	}
	return all
}

// String returns the hint's registry key, e.g. "backoff".
func (r Reconnect) String() string {
	if int(r) < len(reconnectKeys) {
		return reconnectKeys[r]
	}
	return "Reconnect(" + strconv.Itoa(int(r)) + ")"
}

// Title returns the hint's short title in locale l.
func (r Reconnect) Title(l Locale) string {
	if int(r) < len(reconnectLabels) {
		return reconnectLabels[r].title[l.index()]
	}
	return ""
}

// Description returns the hint's full description in locale l.
func (r Reconnect) Description(l Locale) string {
	if int(r) < len(reconnectLabels) {
		return reconnectLabels[r].description[l.index()]
	}
	return ""
}

// Reconnects returns every reconnect hint, in registry order.
func Reconnects() []Reconnect {
	all := make([]Reconnect, len(reconnectKeys))
	for i := range all {
		all[i] = Reconnect(i)
	}
	return all
}

// String returns the sender's registry key, e.g. "either".
func (s Sender) String() string {
	if int(s) < len(senderKeys) {
		return senderKeys[s]
	}
	return "Sender(" + strconv.Itoa(int(s)) + ")"
}

// Title returns the sender's short title in locale l.
func (s Sender) Title(l Locale) string {
	if int(s) < len(senderLabels) {
		return senderLabels[s].title[l.index()]
	}
	return ""
}

// Description returns the sender's full description in locale l.
func (s Sender) Description(l Locale) string {
	if int(s) < len(senderLabels) {
		return senderLabels[s].description[l.index()]
	}
	return ""
}

// Senders returns every sender, in registry order.
func Senders() []Sender {
	all := make([]Sender, len(senderKeys))
	for i := range all {
		all[i] = Sender(i)
	}
	return all
}

// Range is a contiguous block of close codes with a shared meaning (RFC 6455, section 7.4.2).
type Range struct {
	// ID is the range's stable kebab-case id, e.g. "private-use".
	ID string
	// Start is the range's first code.
	Start CloseCode
	// End is the range's last code, inclusive.
	End CloseCode
	// Sendable tells whether the range's unregistered codes may appear in a Close frame.
	Sendable bool
	// Reconnect is the advice for the range's unregistered codes.
	Reconnect Reconnect
	label     label
	delay     [2]uint32
}

// Contains reports whether c lies in the range.
func (r Range) Contains(c CloseCode) bool {
	return r.Start <= c && c <= r.End
}

// Title returns the range's short title in locale l.
func (r Range) Title(l Locale) string {
	return r.label.title[l.index()]
}

// Description returns the range's full description in locale l.
func (r Range) Description(l Locale) string {
	return r.label.description[l.index()]
}

// Ranges returns every range, ascending. A number in none of them is not a valid close code.
func Ranges() []Range {
	return append([]Range(nil), ranges[:]...)
}

// Registered returns every registered code, ascending.
func Registered() []CloseCode {
	all := make([]CloseCode, len(entries))
	for i := range entries {
		all[i] = entries[i].code
	}
	return all
}

// entry returns the registered entry for c, or nil.
func (c CloseCode) entry() *entry {
	// Registered codes come first in labels, in the order of entries.
	if i := int(labelIndex[c]); i < len(entries) {
		return &entries[i]
	}
	return nil
}

// label returns the texts of c in one step: its own for a registered code, its range's for any
// other code in a range, and those of a number outside every range otherwise.
func (c CloseCode) label() *label {
	return labels[labelIndex[c]]
}

// IsKnown reports whether the registry defines c.
func (c CloseCode) IsKnown() bool {
	return c.entry() != nil
}

// IsSendable reports whether c may appear in a Close frame: true exactly for the registered
// codes that may be sent and for the unassigned codes of the ranges open to applications; false
// for codes that are only reported locally, even though they have a name.
func (c CloseCode) IsSendable() bool {
	return isSendable(c)
}

// IsBrowserClosable reports whether a browser's WebSocket.close(code) accepts c: 1000 and
// 3000-4999 (WHATWG WebSockets); any other code makes it throw an InvalidAccessError.
func (c CloseCode) IsBrowserClosable() bool {
	return c == 1000 || (c >= 3000 && c <= 4999)
}

// rangeIndex returns the index of the range that holds c in ranges, or -1.
func rangeIndex(c CloseCode) int {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i].End >= c })
	if i < len(ranges) && ranges[i].Start <= c {
		return i
	}
	return -1
}

// Range returns the range that holds c, and false for a number outside every range.
func (c CloseCode) Range() (Range, bool) {
	if i := rangeIndex(c); i >= 0 {
		return ranges[i], true
	}
	return Range{}, false
}

// Name returns the canonical constant name of a registered code, e.g. "BAD_GATEWAY", and ""
// for any other code.
func (c CloseCode) Name() string {
	if e := c.entry(); e != nil {
		return e.name
	}
	return ""
}

// Aliases returns the former constant names of a registered code, sorted; none for any other
// code.
func (c CloseCode) Aliases() []string {
	if e := c.entry(); e != nil {
		return append([]string(nil), e.aliases...)
	}
	return nil
}

// IANAName returns the code's name in the IANA registry, and "" when it has none.
func (c CloseCode) IANAName() string {
	if e := c.entry(); e != nil {
		return e.ianaName
	}
	return ""
}

// Reference returns where the code is defined, in locale l, and "" when the registry names no
// document.
func (c CloseCode) Reference(l Locale) string {
	if e := c.entry(); e != nil {
		return e.reference[l.index()]
	}
	return ""
}

// URL returns a link to the code's definition, and "" when there is none.
func (c CloseCode) URL() string {
	if e := c.entry(); e != nil {
		return e.url
	}
	return ""
}

// Sender returns who sends a registered code, and false for any other code.
func (c CloseCode) Sender() (Sender, bool) {
	if e := c.entry(); e != nil {
		return e.sender, true
	}
	return 0, false
}

// Reconnect returns what a client should do after a connection closed with c.
func (c CloseCode) Reconnect() Reconnect {
	if e := c.entry(); e != nil {
		return e.reconnect
	}
	if i := rangeIndex(c); i >= 0 {
		return ranges[i].Reconnect
	}
	return outOfRangeReconnect
}

// Title returns the code's short title in locale l.
func (c CloseCode) Title(l Locale) string {
	return titles[l][labelIndex[c]]
}

// Description returns the code's full description in locale l.
func (c CloseCode) Description(l Locale) string {
	return descriptions[l][labelIndex[c]]
}

// String returns the number and the code's IANA name, else its title in the fallback locale,
// e.g. "1000 Normal Closure"; the title of an unregistered code is in parentheses.
func (c CloseCode) String() string {
	number := strconv.Itoa(int(c))
	if e := c.entry(); e != nil {
		if e.ianaName != "" {
			return number + " " + e.ianaName
		}
		return number + " " + e.label.title[FallbackLocale]
	}
	return number + " (" + c.Title(FallbackLocale) + ")"
}

// subtags are the parts of a language tag that negotiation looks at.
type subtags struct {
	language, script, region string
}

// parseSubtags returns the language, script and region subtags of tag, as written; "-" and "_"
// both separate, and White_Space around the tag is ignored.
func parseSubtags(tag string) subtags {
	var s subtags
	parts := strings.FieldsFunc(strings.TrimFunc(tag, unicode.IsSpace), func(r rune) bool { return r == '-' || r == '_' })
	for i, part := range parts {
		switch {
		case i == 0:
			s.language = part
		case s.script == "" && s.region == "" && len(part) == 4 && asciiLetters(part):
			s.script = part
		case s.region == "" && ((len(part) == 2 && asciiLetters(part)) || (len(part) == 3 && asciiDigits(part))):
			s.region = part
		}
	}
	return s
}

func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i] | 0x20; b < 'a' || b > 'z' {
			return false
		}
	}
	return true
}

func asciiDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sameSubtag compares two subtags, ignoring the case of ASCII letters only (so that no other
// character, such as the Kelvin sign, matches a letter).
func sameSubtag(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// matchTag returns the locale one language tag matches, and false when none does.
//
// Separators "-" and "_" and any letter case are accepted. A locale with the same language,
// script and region wins; Chinese takes its script from the tag or else the region (zh, zh-CN,
// zh-SG are Simplified; zh-TW, zh-HK, zh-MO are Traditional) and matches only a locale of that
// script; otherwise the first locale of the same language.
func matchTag(tag string) (Locale, bool) {
	requested := parseSubtags(tag)
	if requested.language == "" {
		return 0, false
	}
	var candidates []Locale
	for i, ours := range localeTags {
		s := parseSubtags(ours)
		if !sameSubtag(s.language, requested.language) {
			continue
		}
		if sameSubtag(s.script, requested.script) && sameSubtag(s.region, requested.region) {
			return Locale(i), true
		}
		candidates = append(candidates, Locale(i))
	}
	if sameSubtag(requested.language, "zh") {
		script := requested.script
		if script == "" {
			script = "Hans"
			for _, region := range []string{"TW", "HK", "MO"} {
				if sameSubtag(requested.region, region) {
					script = "Hant"
				}
			}
		}
		for _, l := range candidates {
			if sameSubtag(parseSubtags(localeTags[l]).script, script) {
				return l, true
			}
		}
		return 0, false
	}
	if len(candidates) > 0 {
		return candidates[0], true
	}
	return 0, false
}

// parseQuality returns a q-value ("0", "0.5", "0.125", "1", "1.000"; RFC 9110, section 12.4.2)
// in thousandths, and false when text is not one.
func parseQuality(text string) (int, bool) {
	whole, fraction, _ := strings.Cut(text, ".")
	if len(fraction) > 3 || !asciiDigits(fraction) {
		return 0, false
	}
	thousandths := 0
	for place := 0; place < 3; place++ {
		thousandths *= 10
		if place < len(fraction) {
			thousandths += int(fraction[place] - '0')
		}
	}
	switch {
	case whole == "0":
		return thousandths, true
	case whole == "1" && thousandths == 0:
		return 1000, true
	}
	return 0, false
}

// parseItem returns the tag (or "*") and the q-value in thousandths of one item of an
// Accept-Language header, and false for an empty item or one with a malformed q-value. Other
// parameters are ignored.
func parseItem(item string) (string, int, bool) {
	parts := strings.Split(item, ";")
	tag := strings.TrimSpace(parts[0])
	if tag == "" {
		return "", 0, false
	}
	quality := -1
	for _, parameter := range parts[1:] {
		name, value, _ := strings.Cut(parameter, "=")
		if quality < 0 && sameSubtag(strings.TrimSpace(name), "q") {
			q, ok := parseQuality(strings.TrimSpace(value))
			if !ok {
				return "", 0, false
			}
			quality = q
		}
	}
	if quality < 0 {
		quality = 1000
	}
	return tag, quality, true
}

// candidate is one item of a request that matched a locale.
type candidate struct {
	locale   Locale
	quality  int
	position int
}

// bestCandidate returns the candidate with the highest q-value, the earlier one on a tie, among
// those that keep says to look at; false when there is none.
func bestCandidate(candidates []candidate, keep func(candidate) bool) (candidate, bool) {
	var found candidate
	ok := false
	for _, c := range candidates {
		if keep(c) && (!ok || c.quality > found.quality) {
			found, ok = c, true
		}
	}
	return found, ok
}

// Negotiate returns the best locale for an Accept-Language header such as "ru;q=0.9, en", a list
// of tags joined with ",", or one tag such as "zh-CN", "ru_RU" or "en-US".
//
// Each tag is matched on its own: separators "-" and "_" and any letter case are accepted; a
// locale with the same language, script and region wins; Chinese takes its script from the tag
// or else the region (zh, zh-CN, zh-SG are Simplified; zh-TW, zh-HK, zh-MO are Traditional);
// otherwise the first locale of the same language. Of the matches, the highest q-value wins and
// the earlier tag on a tie; "q=0" rules a locale out, and "*" stands for [FallbackLocale]. The
// fallback never outranks a locale listed before it: it can always be shown, so naming it says
// "this one too". An empty item, or one with a malformed q-value, is skipped. When nothing
// matches, [FallbackLocale] (or, when the request ruled that out, the first locale it did not).
func Negotiate(header string) Locale {
	return negotiateItems(strings.Split(header, ","))
}

// NegotiateList returns the best locale for a list of tags, each of which may carry a q-value,
// such as []string{"zh-TW", "ru;q=0.5"}; the rule is that of [Negotiate].
func NegotiateList(tags []string) Locale {
	return negotiateItems(tags)
}

// negotiateItems is the rule of [Negotiate] over the items of a header.
func negotiateItems(items []string) Locale {
	excluded := make([]bool, len(localeTags))
	var candidates []candidate
	for position, item := range items {
		tag, quality, ok := parseItem(item)
		if !ok || (tag == "*" && quality == 0) {
			// "*;q=0" means "nothing else"; a text has to be shown all the same.
			continue
		}
		locale := FallbackLocale
		if tag != "*" {
			if locale, ok = matchTag(tag); !ok {
				continue
			}
		}
		if quality == 0 {
			excluded[locale] = true
		} else {
			candidates = append(candidates, candidate{locale, quality, position})
		}
	}
	allowed := func(c candidate) bool { return !excluded[c.locale] }
	winner, ok := bestCandidate(candidates, allowed)
	switch {
	case ok && winner.locale == FallbackLocale:
		earlier := func(c candidate) bool {
			return allowed(c) && c.position < winner.position && c.locale != FallbackLocale
		}
		if found, ok := bestCandidate(candidates, earlier); ok {
			return found.locale
		}
		return winner.locale
	case ok:
		return winner.locale
	case !excluded[FallbackLocale]:
		return FallbackLocale
	}
	for i := range localeTags {
		if !excluded[i] {
			return Locale(i)
		}
	}
	return FallbackLocale
}

// MaxPayloadBytes is the longest Close frame payload: a control frame carries at most 125 bytes.
const MaxPayloadBytes = 125

// MaxReasonBytes is the longest close reason in UTF-8 bytes: the payload less the two-byte code.
const MaxReasonBytes = 123

// CloseFrame is the payload of a Close frame: a sendable code and a UTF-8 reason of at most
// [MaxReasonBytes] bytes, or neither (an empty payload).
type CloseFrame struct {
	code    CloseCode
	hasCode bool
	reason  string
}

// closeFrameProblem is what is wrong with a payload or a frame to be built.
type closeFrameProblem uint8

const (
	oneByte closeFrameProblem = iota
	payloadTooLong
	notSendable
	invalidUTF8
	reasonTooLong
)

// CloseFrameError tells why a payload is not a valid Close frame payload, or why a frame cannot
// be built; [CloseFrameError.CloseCode] is the code to fail the connection with.
type CloseFrameError struct {
	problem closeFrameProblem
	length  int
	code    CloseCode
}

// Error describes the problem.
func (e *CloseFrameError) Error() string {
	switch e.problem {
	case oneByte:
		return "a Close frame payload of one byte"
	case payloadTooLong:
		return "a Close frame payload of " + strconv.Itoa(e.length) + " bytes (at most 125)"
	case notSendable:
		return "close code " + strconv.Itoa(int(e.code)) + " may not be sent"
	case invalidUTF8:
		return "a close reason that is not valid UTF-8"
	default:
		return "a close reason of " + strconv.Itoa(e.length) + " bytes (at most 123)"
	}
}

// CloseCode is the code to close the connection with after receiving such a payload: 1007 for a
// reason that is not UTF-8, 1002 (protocol error) otherwise.
func (e *CloseFrameError) CloseCode() CloseCode {
	if e.problem == invalidUTF8 {
		return 1007
	}
	return 1002
}

// The errors that carry no number, made once: refusing a payload allocates nothing for them.
// Their fields are unexported, so no caller can change them.
var (
	errOneByte     = &CloseFrameError{problem: oneByte, length: 1}
	errInvalidUTF8 = &CloseFrameError{problem: invalidUTF8}
)

// ParseCloseFrame reads a received Close frame payload: empty, or a sendable code in network
// byte order followed by a UTF-8 reason, 125 bytes at most in all.
func ParseCloseFrame(payload []byte) (CloseFrame, error) {
	switch {
	case len(payload) == 0:
		return CloseFrame{}, nil
	case len(payload) == 1:
		return CloseFrame{}, errOneByte
	case len(payload) > MaxPayloadBytes:
		return CloseFrame{}, &CloseFrameError{problem: payloadTooLong, length: len(payload)}
	}
	code := CloseCode(payload[0])<<8 | CloseCode(payload[1])
	if !code.IsSendable() {
		return CloseFrame{}, &CloseFrameError{problem: notSendable, code: code}
	}
	if !utf8.Valid(payload[2:]) {
		return CloseFrame{}, errInvalidUTF8
	}
	return CloseFrame{code: code, hasCode: true, reason: string(payload[2:])}, nil
}

// NewCloseFrame builds the payload of a Close frame to send: code must be sendable and reason
// valid UTF-8 of at most [MaxReasonBytes] bytes (see [TruncateReason]); a reason that is not
// UTF-8 is refused as the peer would refuse it, with 1007.
func NewCloseFrame(code CloseCode, reason string) (CloseFrame, error) {
	if !code.IsSendable() {
		return CloseFrame{}, &CloseFrameError{problem: notSendable, code: code}
	}
	if !utf8.ValidString(reason) {
		return CloseFrame{}, errInvalidUTF8
	}
	if len(reason) > MaxReasonBytes {
		return CloseFrame{}, &CloseFrameError{problem: reasonTooLong, length: len(reason)}
	}
	return CloseFrame{code: code, hasCode: true, reason: reason}, nil
}

// Code returns the frame's code, and false for an empty payload.
func (f CloseFrame) Code() (CloseCode, bool) {
	return f.code, f.hasCode
}

// Reason returns the frame's reason ("" when there is none).
func (f CloseFrame) Reason() string {
	return f.reason
}

// Encode returns the payload: the code in network byte order and the reason, or nothing.
func (f CloseFrame) Encode() []byte {
	if !f.hasCode {
		return []byte{}
	}
	// One allocation of the final size.
	payload := make([]byte, 2+len(f.reason))
	payload[0], payload[1] = byte(f.code>>8), byte(f.code)
	copy(payload[2:], f.reason)
	return payload
}

// TruncateReason shortens reason to at most [MaxReasonBytes] bytes without splitting a
// character, so that it fits in a Close frame.
func TruncateReason(reason string) string {
	if len(reason) <= MaxReasonBytes {
		return reason
	}
	end := MaxReasonBytes
	for end > 0 && !utf8.RuneStart(reason[end]) {
		end--
	}
	return reason[:end]
}

// MaxAttemptsBeforeOpen is how many attempts in a row may fail before a connection that never
// opened stops reconnecting (a browser reports a refused handshake as 1006 before open).
const MaxAttemptsBeforeOpen = 5

// BaseDelayMS is the first step of the exponential backoff, in milliseconds.
const BaseDelayMS = 1000

// ReconnectContext is what a client knows about a close besides its code.
type ReconnectContext struct {
	// ClosedByClient tells whether the client itself closed the connection (or asked to).
	ClosedByClient bool
	// EverOpened tells whether the connection ever opened.
	EverOpened bool
	// Attempt is how many attempts in a row already failed (0 for the first reconnect).
	Attempt uint32
	// Random is a random number in [0, 1) from the caller; anything else (NaN too) counts as 0.
	Random float64
}

// StepAction is what to do after a close.
type StepAction uint8

// StepStop means: do not reconnect.
const StepStop StepAction = 0

// StepRetry means: reconnect after the delay.
const StepRetry StepAction = 1

// StepReauthenticate means: obtain fresh credentials, then reconnect after the delay.
const StepReauthenticate StepAction = 2

// String returns "stop", "retry" or "reauthenticate".
func (a StepAction) String() string {
	switch a {
	case StepStop:
		return "stop"
	case StepRetry:
		return "retry"
	case StepReauthenticate:
		return "reauthenticate"
	}
	return "StepAction(" + strconv.Itoa(int(a)) + ")"
}

// ReconnectStep is the decision after a close: an action and a delay in milliseconds (0 for
// [StepStop]).
type ReconnectStep struct {
	// Action is what to do.
	Action StepAction
	// DelayMS is how long to wait first, in milliseconds.
	DelayMS uint32
}

// ReconnectDelayBounds returns the shortest and longest delay before reconnecting after c, in
// milliseconds: the code's own bounds, else its range's, else the default.
func (c CloseCode) ReconnectDelayBounds() (uint32, uint32) {
	if e := c.entry(); e != nil {
		return e.delay[0], e.delay[1]
	}
	if i := rangeIndex(c); i >= 0 {
		return ranges[i].delay[0], ranges[i].delay[1]
	}
	return outOfRangeDelay[0], outOfRangeDelay[1]
}

// ReconnectStep decides what to do after a connection closed with c: stop when the client closed
// it or the hint is never, or when a connection that never opened failed MaxAttemptsBeforeOpen
// times in a row; otherwise wait min + floor(random * (ceiling - min)) milliseconds, where ceiling
// is min(max, min + BaseDelayMS * 2^min(attempt, 20)), then reauthenticate or retry.
func (c CloseCode) ReconnectStep(context ReconnectContext) ReconnectStep {
	hint := c.Reconnect()
	if context.ClosedByClient || hint == ReconnectNever {
		return ReconnectStep{Action: StepStop}
	}
	if !context.EverOpened && context.Attempt >= MaxAttemptsBeforeOpen {
		return ReconnectStep{Action: StepStop}
	}
	low, high := c.ReconnectDelayBounds()
	growth := uint64(BaseDelayMS) << min(context.Attempt, 20)
	ceiling := min(uint64(high), uint64(low)+growth)
	random := context.Random
	if !(random >= 0 && random < 1) {
		random = 0
	}
	delay := low + uint32(math.Floor(random*float64(ceiling-uint64(low))))
	if hint == ReconnectReauthenticate {
		return ReconnectStep{Action: StepReauthenticate, DelayMS: delay}
	}
	return ReconnectStep{Action: StepRetry, DelayMS: delay}
}

// CloseDescription is everything a close handler needs to report a close and decide what to do
// next.
type CloseDescription struct {
	// Code is the close code, as received.
	Code CloseCode
	// Name is the canonical constant name of a registered code, else "".
	Name string
	// Title is a short title of the code.
	Title string
	// Description is a full description of the code.
	Description string
	// Reason is the reason the peer gave, as received (may be empty).
	Reason string
	// Hint is the code's reconnect hint.
	Hint Reconnect
	// Step is what to do next.
	Step ReconnectStep
	// Locale is the locale of Title and Description.
	Locale Locale
}

// DescribeClose describes a close with code and reason in locale l, with the reconnect step for
// context.
func DescribeClose(code CloseCode, reason string, l Locale, context ReconnectContext) CloseDescription {
	return CloseDescription{
		Code:        code,
		Name:        code.Name(),
		Title:       code.Title(l),
		Description: code.Description(l),
		Reason:      reason,
		Hint:        code.Reconnect(),
		Step:        code.ReconnectStep(context),
		Locale:      l,
	}
}

// String returns "Title (code)", followed by ": reason" when the peer gave one.
func (d CloseDescription) String() string {
	text := d.Title + " (" + strconv.Itoa(int(d.Code)) + ")"
	if d.Reason != "" {
		text += ": " + d.Reason
	}
	return text
}
