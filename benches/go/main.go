// The generated Go package against gorilla/websocket and coder/websocket, in one process. Run by
// `cargo xtask bench`: `go run .` in benches/go.
//
// Neither peer exports its close-code check: gorilla's isValidReceivedCloseCode and coder's
// validWireCloseCode are copied below, as theirs, over their exported constants. gorilla exports
// FormatCloseMessage (encoding); it reads a Close payload inside Conn.advanceFrame, whose steps are
// copied below. Every loop runs over all 65,536 codes (or over a mix of payloads); each result is
// the median over the rounds, in ns per call, printed as a `BENCH {json}` line.
package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coder/websocket"
	gorilla "github.com/gorilla/websocket"
	"github.com/ws-close-codes/ws-close-codes/packages/go/closecodes"
)

const (
	codes  = 65536
	rounds = 15
	passes = 40
)

// gorilla/websocket 1.5.3's map and check (conn.go), copied: the function is unexported.
var gorillaValidReceivedCloseCodes = map[int]bool{
	gorilla.CloseNormalClosure:           true,
	gorilla.CloseGoingAway:               true,
	gorilla.CloseProtocolError:           true,
	gorilla.CloseUnsupportedData:         true,
	gorilla.CloseNoStatusReceived:        false,
	gorilla.CloseAbnormalClosure:         false,
	gorilla.CloseInvalidFramePayloadData: true,
	gorilla.ClosePolicyViolation:         true,
	gorilla.CloseMessageTooBig:           true,
	gorilla.CloseMandatoryExtension:      true,
	gorilla.CloseInternalServerErr:       true,
	gorilla.CloseServiceRestart:          true,
	gorilla.CloseTryAgainLater:           true,
	gorilla.CloseTLSHandshake:            false,
}

func gorillaIsValidReceivedCloseCode(code int) bool {
	return gorillaValidReceivedCloseCodes[code] || (code >= 3000 && code <= 4999)
}

// coder/websocket 1.8.14's check (close.go), copied: the function is unexported. 1004 is its
// unexported statusReserved.
func coderValidWireCloseCode(code websocket.StatusCode) bool {
	switch code {
	case 1004, websocket.StatusNoStatusRcvd, websocket.StatusAbnormalClosure, websocket.StatusTLSHandshake:
		return false
	}
	if code >= websocket.StatusNormalClosure && code <= websocket.StatusBadGateway {
		return true
	}
	if code >= 3000 && code <= 4999 {
		return true
	}
	return false
}

var errRefused = errors.New("refused")

// gorilla's reading of a Close payload (Conn.advanceFrame), copied; it refuses a one-byte
// payload earlier, when it reads the frame header's length.
func gorillaParse(payload []byte) (int, string, error) {
	closeCode := gorilla.CloseNoStatusReceived
	closeText := ""
	if len(payload) == 1 {
		return 0, "", errRefused
	}
	if len(payload) >= 2 {
		closeCode = int(binary.BigEndian.Uint16(payload))
		if !gorillaIsValidReceivedCloseCode(closeCode) {
			return 0, "", errRefused
		}
		closeText = string(payload[2:])
		if !utf8.ValidString(closeText) {
			return 0, "", errRefused
		}
	}
	return closeCode, closeText, nil
}

type result struct {
	Suite     string  `json:"suite"`
	Language  string  `json:"language"`
	Role      string  `json:"role"`
	Operation string  `json:"operation,omitempty"`
	Call      string  `json:"call"`
	Inputs    int     `json:"inputs,omitempty"`
	NsPerCall float64 `json:"ns_per_call"`
}

var sink int

// measure times loop (which makes `calls` calls) over the rounds; returns the median ns per call.
func measure(calls int, loop func() int) float64 {
	for i := 0; i < passes; i++ {
		sink += loop()
	}
	samples := make([]float64, 0, rounds)
	for r := 0; r < rounds; r++ {
		start := time.Now()
		for i := 0; i < passes; i++ {
			sink += loop()
		}
		samples = append(samples, float64(time.Since(start).Nanoseconds())/float64(passes*calls))
	}
	sort.Float64s(samples)
	return samples[len(samples)/2]
}

func payload(code uint16, reason string) []byte {
	return append([]byte{byte(code >> 8), byte(code)}, reason...)
}

func main() {
	ru := closecodes.Negotiate("ru")
	payloads := [][]byte{
		{},
		payload(1000, ""),
		payload(1001, "going away"),
		payload(4001, "сессия истекла"),
		payload(3000, "未授权"),
		payload(1011, strings.Repeat("x", 123)),
		{0x03},
		payload(1005, ""),
		payload(999, "reserved"),
		append(payload(1000, ""), 0xff, 0xfe),
	}
	type message struct {
		code   uint16
		reason string
	}
	messages := []message{
		{1000, ""}, {1001, "going away"}, {4001, "сессия истекла"}, {3000, "未授权"},
		{1011, strings.Repeat("x", 123)}, {1006, ""}, {1000, strings.Repeat("x", 124)},
	}
	// The answers must agree, or the comparison would be of different things.
	for code := 0; code < codes; code++ {
		if closecodes.CloseCode(code).IsSendable() != coderValidWireCloseCode(websocket.StatusCode(code)) {
			fmt.Fprintf(os.Stderr, "ws-close-codes and coder/websocket disagree on %d\n", code)
			os.Exit(1)
		}
	}
	for _, p := range payloads {
		_, ours := closecodes.ParseCloseFrame(p)
		_, _, theirs := gorillaParse(p)
		if (ours == nil) != (theirs == nil) {
			fmt.Fprintf(os.Stderr, "ws-close-codes and gorilla disagree on %x\n", p)
			os.Exit(1)
		}
	}
	debug.SetGCPercent(400)
	results := []result{
		{Suite: "lookup", Role: "ours", Call: "closecodes.CloseCode(c).IsSendable()", NsPerCall: measure(codes, func() int {
			n := 0
			for c := 0; c < codes; c++ {
				if closecodes.CloseCode(c).IsSendable() {
					n++
				}
			}
			return n
		})},
		{Suite: "lookup", Role: "ours", Call: "closecodes.CloseCode(c).Title(ru)", NsPerCall: measure(codes, func() int {
			n := 0
			for c := 0; c < codes; c++ {
				n += len(closecodes.CloseCode(c).Title(ru))
			}
			return n
		})},
		{Suite: "lookup", Role: "ours", Call: "closecodes.CloseCode(c).Description(ru)", NsPerCall: measure(codes, func() int {
			n := 0
			for c := 0; c < codes; c++ {
				n += len(closecodes.CloseCode(c).Description(ru))
			}
			return n
		})},
		{Suite: "lookup", Role: "peer", Call: "validWireCloseCode(c) (coder/websocket's, copied)", NsPerCall: measure(codes, func() int {
			n := 0
			for c := 0; c < codes; c++ {
				if coderValidWireCloseCode(websocket.StatusCode(c)) {
					n++
				}
			}
			return n
		})},
		{Suite: "lookup", Role: "peer", Call: "isValidReceivedCloseCode(c) (gorilla/websocket's, copied)", NsPerCall: measure(codes, func() int {
			n := 0
			for c := 0; c < codes; c++ {
				if gorillaIsValidReceivedCloseCode(c) {
					n++
				}
			}
			return n
		})},
		{Suite: "codec", Role: "ours", Operation: "parse", Call: "closecodes.ParseCloseFrame(payload)", Inputs: len(payloads), NsPerCall: measure(len(payloads), func() int {
			n := 0
			for _, p := range payloads {
				if frame, err := closecodes.ParseCloseFrame(p); err == nil {
					n += len(frame.Reason())
				}
			}
			return n
		})},
		{Suite: "codec", Role: "peer", Operation: "parse", Call: "Conn.advanceFrame's steps (gorilla's, copied)", Inputs: len(payloads), NsPerCall: measure(len(payloads), func() int {
			n := 0
			for _, p := range payloads {
				if _, text, err := gorillaParse(p); err == nil {
					n += len(text)
				}
			}
			return n
		})},
		{Suite: "codec", Role: "ours", Operation: "encode", Call: "closecodes.NewCloseFrame(code, reason) + Encode()", Inputs: len(messages), NsPerCall: measure(len(messages), func() int {
			n := 0
			for _, m := range messages {
				if frame, err := closecodes.NewCloseFrame(closecodes.CloseCode(m.code), m.reason); err == nil {
					n += len(frame.Encode())
				}
			}
			return n
		})},
		{Suite: "codec", Role: "peer", Operation: "encode", Call: "gorilla.FormatCloseMessage(code, reason)", Inputs: len(messages), NsPerCall: measure(len(messages), func() int {
			n := 0
			for _, m := range messages {
				n += len(gorilla.FormatCloseMessage(int(m.code), m.reason))
			}
			return n
		})},
	}
	for _, r := range results {
		r.Language = "go"
		line, _ := json.Marshal(r)
		fmt.Printf("go %-60s %9.2f ns/call\nBENCH %s\n", r.Call, r.NsPerCall, line)
	}
	peer, _ := json.Marshal(map[string]string{
		"suite": "peer", "language": "go", "peer": "coder/websocket", "version": "1.8.14 (and gorilla/websocket 1.5.3)",
		"runtime": runtime.Version(),
	})
	fmt.Printf("BENCH %s\n", peer)
	if sink == -1 {
		fmt.Println(sink)
	}
}
