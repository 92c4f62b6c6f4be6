package closecodes_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	coder "github.com/coder/websocket"
	"github.com/gorilla/websocket"

	"github.com/ws-close-codes/ws-close-codes/packages/go/closecodes"
)

// A gorilla/websocket server closes with a CloseCode; a coder/websocket client reads it back.
// Both libraries take and give plain integers (gorilla's int, coder's StatusCode), so a
// conversion is all it takes in either direction.
func Example_gorillaAndCoder() {
	upgrader := websocket.Upgrader{}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		// gorilla: a CloseCode is an int for FormatCloseMessage.
		message := websocket.FormatCloseMessage(int(closecodes.TryAgainLater), "maintenance")
		_ = conn.WriteControl(websocket.CloseMessage, message, time.Now().Add(time.Second))
		_, _, _ = conn.ReadMessage() // wait for the client's Close frame
	}))
	defer server.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	client, _, err := coder.Dial(ctx, "ws"+strings.TrimPrefix(server.URL, "http"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, _, err = client.Read(ctx)
	// coder: CloseStatus gives a StatusCode, which converts to a CloseCode.
	code := closecodes.CloseCode(coder.CloseStatus(err))
	fmt.Println(code, code.Reconnect())
	// The library's own constants are the same numbers.
	fmt.Println(code == closecodes.CloseCode(coder.StatusTryAgainLater), int(code) == websocket.CloseTryAgainLater)
	_ = client.Close(coder.StatusCode(closecodes.NormalClosure), "")
	// Output:
	// 1013 Try Again Later backoff
	// true true
}
