package closecodes_test

import (
	"fmt"

	"github.com/ws-close-codes/ws-close-codes/packages/go/closecodes"
)

func Example() {
	code := closecodes.CloseCode(1001)
	fmt.Println(code)
	fmt.Println(code == closecodes.GoingAway, code.Name(), code.IsSendable())
	// Texts in the best locale for a user's language tag.
	locale := closecodes.Negotiate("ru-RU")
	fmt.Println(locale, code.Title(locale) != "", code.Description(locale) != "")
	// Output:
	// 1001 Going Away
	// true GOING_AWAY true
	// ru true true
}

func ExampleCloseCode_IsSendable() {
	// 1006 has a name, but an API reports it locally: it never appears in a Close frame.
	fmt.Println(closecodes.AbnormalClosure.IsSendable())
	// Private codes may be sent.
	fmt.Println(closecodes.CloseCode(4000).IsSendable())
	// Output:
	// false
	// true
}

func ExampleCloseCode_IsBrowserClosable() {
	// A browser's WebSocket.close() accepts 1000 and 3000-4999 only.
	fmt.Println(closecodes.NormalClosure.IsBrowserClosable(), closecodes.GoingAway.IsBrowserClosable())
	// Output: true false
}

func ExampleCloseCode_Reconnect() {
	for _, code := range []closecodes.CloseCode{closecodes.NormalClosure, closecodes.TryAgainLater, 4321} {
		fmt.Println(code, "->", code.Reconnect())
	}
	// Output:
	// 1000 Normal Closure -> never
	// 1013 Try Again Later -> backoff
	// 4321 (Private use) -> unspecified
}

func ExampleCloseCode_Range() {
	r, ok := closecodes.CloseCode(4321).Range()
	fmt.Println(ok, r.ID, uint16(r.Start), uint16(r.End), r.Sendable)
	_, ok = closecodes.CloseCode(999).Range()
	fmt.Println(ok)
	// Output:
	// true private 4000 4999 true
	// true
}

func ExampleNegotiate() {
	for _, tag := range []string{"zh-CN", "zh_TW", "ru", "de-DE"} {
		fmt.Println(tag, "->", closecodes.Negotiate(tag))
	}
	// Output:
	// zh-CN -> zh-Hans
	// zh_TW -> en
	// ru -> ru
	// de-DE -> en
}
