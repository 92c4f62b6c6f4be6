// Package gateway is the chat service's WebSocket gateway in Go: it admits a connection or closes
// it with one of the chat's own close codes, generated from close-codes.toml like the Rust
// server's, the TypeScript client's and the Python worker's.
package gateway

import (
	"net/http"
	"time"

	"github.com/gorilla/websocket"

	"example.com/chat/gateway/closecodes"
)

// Admission decides whether a connection may join a room: a zero CloseCode admits it.
type Admission func(r *http.Request) closecodes.CloseCode

// Handler upgrades every request and then either greets the client or closes the connection
// with the code admit returns, and that code's English title as the reason.
func Handler(admit Admission) http.Handler {
	upgrader := websocket.Upgrader{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		code := admit(r)
		if code == 0 {
			_ = conn.WriteMessage(websocket.TextMessage, []byte("welcome"))
			code = closecodes.NormalClosure
		}
		// A reason longer than a Close frame holds would make the frame invalid.
		reason := closecodes.TruncateReason(code.Title(closecodes.LocaleEn))
		frame, err := closecodes.NewCloseFrame(code, reason)
		if err != nil {
			// Never happens for the chat's own codes, which are all sendable.
			frame, _ = closecodes.NewCloseFrame(closecodes.InternalError, "")
		}
		_ = conn.WriteControl(websocket.CloseMessage, frame.Encode(), time.Now().Add(time.Second))
		_, _, _ = conn.ReadMessage() // wait for the client's Close frame
	})
}

// Admit is the gateway's rule: a session token is required, and a room holds at most limit
// members (members reports how many it has now).
func Admit(limit int, members func(room string) int) Admission {
	return func(r *http.Request) closecodes.CloseCode {
		switch {
		case r.URL.Query().Get("token") == "":
			return closecodes.SessionExpired
		case members(r.URL.Query().Get("room")) >= limit:
			return closecodes.RoomFull
		default:
			return 0
		}
	}
}
