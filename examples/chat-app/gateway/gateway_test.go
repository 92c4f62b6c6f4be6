package gateway_test

import (
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/websocket"

	"example.com/chat/gateway"
	"example.com/chat/gateway/closecodes"
)

// dial connects to the gateway and returns the close code and reason it ends the connection with.
func dial(t *testing.T, url string) (closecodes.CloseCode, string) {
	t.Helper()
	conn, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for {
		if _, _, err = conn.ReadMessage(); err != nil {
			break
		}
	}
	var closed *websocket.CloseError
	if !errors.As(err, &closed) {
		t.Fatalf("the connection ended without a Close frame: %v", err)
	}
	return closecodes.CloseCode(closed.Code), closed.Text
}

func TestTheGatewayClosesWithTheChatsOwnCodes(t *testing.T) {
	members := map[string]int{"full": 2, "quiet": 0}
	server := httptest.NewServer(gateway.Handler(gateway.Admit(2, func(room string) int { return members[room] })))
	defer server.Close()
	base := "ws" + strings.TrimPrefix(server.URL, "http") + "/"
	cases := []struct {
		query     string
		code      closecodes.CloseCode
		reconnect closecodes.Reconnect
	}{
		{"?room=quiet", closecodes.SessionExpired, closecodes.ReconnectReauthenticate},
		{"?token=t&room=full", closecodes.RoomFull, closecodes.ReconnectBackoff},
		{"?token=t&room=quiet", closecodes.NormalClosure, closecodes.ReconnectNever},
	}
	for _, c := range cases {
		code, reason := dial(t, base+c.query)
		if code != c.code || reason != c.code.Title(closecodes.LocaleEn) {
			t.Errorf("%s: closed with %v %q, want %v", c.query, code, reason, c.code)
		}
		if code.Reconnect() != c.reconnect || !code.IsSendable() {
			t.Errorf("%s: %v advises %v, want %v", c.query, code, code.Reconnect(), c.reconnect)
		}
	}
	// The chat's own codes are known with their registry names, in every locale.
	if closecodes.RoomFull.Name() != "ROOM_FULL" || closecodes.RoomFull.Title(closecodes.LocaleRu) == "" {
		t.Errorf("ROOM_FULL is not registered: %v", closecodes.RoomFull)
	}
}
