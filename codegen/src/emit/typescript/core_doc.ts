/**
 * The part of every entry point of the package that is the same in every locale: constants,
 * facts, the lookups that read no text, negotiation, Close frames and the reconnect policy.
 * Not an entry point itself: import `ws-close-codes`, or `ws-close-codes/<locale>` for one
 * locale's texts, which export everything public here again.
 *
 * @internal
 */
