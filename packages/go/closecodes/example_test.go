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

func ExampleCloseCode_IsPrivate() {
	// One predicate per range: IsPrivate is the 4000-4999 range of codes applications agree on.
	for _, code := range []closecodes.CloseCode{4000, 4999, 5000, closecodes.NormalClosure} {
		fmt.Println(int(code), code.IsPrivate(), code.IsRegistered(), code.IsProtocol())
	}
	// Output:
	// 4000 true false false
	// 4999 true false false
	// 5000 false false false
	// 1000 false false true
}

func ExampleNegotiate_acceptLanguage() {
	// An Accept-Language header: the highest q-value wins, q=0 rules a locale out, and the
	// fallback (en) never outranks a locale the client lists before it.
	for _, header := range []string{"ru;q=0.9, en", "en, ru", "de-DE, zh;q=0.8, ru;q=0.5", "ru;q=0, *"} {
		fmt.Printf("%q -> %v\n", header, closecodes.Negotiate(header))
	}
	// Output:
	// "ru;q=0.9, en" -> ru
	// "en, ru" -> en
	// "de-DE, zh;q=0.8, ru;q=0.5" -> zh-Hans
	// "ru;q=0, *" -> en
}

func ExampleNegotiateList() {
	// Tags one by one, e.g. from a user's settings; each may carry a q-value.
	fmt.Println(closecodes.NegotiateList([]string{"zh-TW", "ru;q=0.5"}))
	fmt.Println(closecodes.NegotiateList(nil))
	// Output:
	// ru
	// en
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
