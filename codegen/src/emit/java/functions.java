
    /** The number, 0-65535. */
    private final int value;

    private CloseCode(int value) {
        this.value = value;
    }

    /**
     * The close code for a number: the constant for a registered one.
     *
     * @param code a number from 0 to 65535
     * @return the close code
     * @throws IllegalArgumentException if {@code code} is outside 0-65535
     */
    public static CloseCode of(int code) {
        if (code < 0 || code > 65535) {
            throw new IllegalArgumentException("a close code is 0-65535, not " + code);
        }
        Entry entry = entryOf(code);
        return entry != null ? entry.constant : new CloseCode(code);
    }

    /**
     * The number.
     *
     * @return the code, 0-65535
     */
    public int value() {
        return value;
    }

    /**
     * Every registered code, ascending.
     *
     * @return an unmodifiable list
     */
    public static List<CloseCode> registered() {
        List<CloseCode> all = new ArrayList<>(ENTRIES.length);
        for (Entry entry : ENTRIES) {
            all.add(entry.constant);
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * Does the registry define this code?
     *
     * @return whether it has a name
     */
    public boolean isKnown() {
        return entryOf(value) != null;
    }

    /**
     * May this code appear in a Close frame? True exactly for the registered codes that may be
     * sent and for the unassigned codes of the ranges open to applications; false for codes that
     * are only reported locally, even though they have a name.
     *
     * @return whether it may be sent
     */
    public boolean isSendable() {
        return sendable(value);
    }

    /**
     * May {@code code} appear in a Close frame? The answer of {@link #isSendable()} for a number,
     * without making a {@code CloseCode}, for a close handler that receives an {@code int}; false
     * for any number outside 0-65535.
     *
     * <pre>{@code
     * CloseCode.isSendable(4000);  // {sendable 4000}
     * CloseCode.isSendable(1006);  // {sendable 1006}
     * CloseCode.isSendable(70000); // false: not a close code
     * }</pre>
     *
     * @param code any number
     * @return whether it may be sent
     */
    public static boolean isSendable(int code) {
        return sendable(code);
    }

    /**
     * Does a browser's {@code WebSocket.close(code)} accept this code? Only 1000 and 3000-4999
     * (WHATWG WebSockets); any other code makes it throw.
     *
     * @return whether a browser may close with it
     */
    public boolean isBrowserClosable() {
        return value == 1000 || (value >= 3000 && value <= 4999);
    }

    /**
     * The canonical constant name of a registered code, e.g. {@code "BAD_GATEWAY"}.
     *
     * @return the name, or empty for an unregistered code
     */
    public Optional<String> name() {
        Entry entry = entryOf(value);
        return entry == null ? Optional.empty() : Optional.of(entry.name);
    }

    /**
     * Former constant names of a registered code, sorted.
     *
     * @return an unmodifiable list, empty for an unregistered code
     */
    public List<String> aliases() {
        Entry entry = entryOf(value);
        return entry == null ? List.of() : entry.aliases;
    }

    /**
     * The code's name in the IANA registry.
     *
     * @return the name, or empty when it has none
     */
    public Optional<String> ianaName() {
        Entry entry = entryOf(value);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.ianaName);
    }

    /**
     * Where the code is defined, in {@code locale}.
     *
     * @param locale the locale of the text
     * @return the reference, or empty when the registry names no document
     */
    public Optional<String> reference(Locale locale) {
        Entry entry = entryOf(value);
        return entry == null || entry.reference == null ? Optional.empty()
                : Optional.of(entry.reference[locale.ordinal()]);
    }

    /**
     * A link to the code's definition.
     *
     * @return the URL, or empty when there is none
     */
    public Optional<String> url() {
        Entry entry = entryOf(value);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.url);
    }

    /**
     * Who sends a registered code.
     *
     * @return the sender, or empty for an unregistered code
     */
    public Optional<Sender> sender() {
        Entry entry = entryOf(value);
        return entry == null ? Optional.empty() : Optional.of(entry.sender);
    }

    /**
     * What a client should do after a connection closed with this code.
     *
     * @return the reconnect hint
     */
    public Reconnect reconnect() {
        Entry entry = entryOf(value);
        if (entry != null) {
            return entry.reconnect;
        }
        Range range = rangeOf(value);
        return range != null ? range.reconnect : OUT_OF_RANGE_RECONNECT;
    }

    /**
     * The range that holds this code.
     *
     * @return the range, or empty for a number outside every range
     */
    public Optional<Range> range() {
        return Optional.ofNullable(rangeOf(value));
    }

    /**
     * A short title in {@code locale}.
     *
     * @param locale the locale of the text
     * @return the title
     */
    public String title(Locale locale) {
        return title(value, locale);
    }

    /**
     * A short title of {@code code} in {@code locale}: the text of {@link #title(Locale)} for a
     * number, without making a {@code CloseCode}. A number outside 0-65535 gets the title of a
     * number outside every range.
     *
     * <pre>{@code
     * // e.g. in OkHttp's onClosing(webSocket, code, reason), where the code is an int:
     * CloseCode.Locale locale = CloseCode.Locale.negotiate(request.getHeader("Accept-Language"));
     * String title = CloseCode.title(code, locale);
     * }</pre>
     *
     * @param code any number
     * @param locale the locale of the text
     * @return the title
     */
    public static String title(int code, Locale locale) {
        return TITLES[locale.ordinal()][labelOfAny(code)];
    }

    /**
     * A short title in {@link Locale#FALLBACK}.
     *
     * @return the title
     */
    public String title() {
        return title(Locale.FALLBACK);
    }

    /**
     * A full description in {@code locale}.
     *
     * @param locale the locale of the text
     * @return the description
     */
    public String description(Locale locale) {
        return description(value, locale);
    }

    /**
     * A full description of {@code code} in {@code locale}: the text of
     * {@link #description(Locale)} for a number, without making a {@code CloseCode}. A number
     * outside 0-65535 gets the description of a number outside every range, which says that it
     * is not a valid close code.
     *
     * <pre>{@code
     * // e.g. in a Jakarta WebSocket @OnClose method:
     * log.info(CloseCode.description(closeReason.getCloseCode().getCode(), CloseCode.Locale.FALLBACK));
     * }</pre>
     *
     * @param code any number
     * @param locale the locale of the text
     * @return the description
     */
    public static String description(int code, Locale locale) {
        return DESCRIPTIONS[locale.ordinal()][labelOfAny(code)];
    }

    /**
     * A full description in {@link Locale#FALLBACK}.
     *
     * @return the description
     */
    public String description() {
        return description(Locale.FALLBACK);
    }

    /**
     * The number and the IANA name, else the title in {@link Locale#FALLBACK}, e.g.
     * {@code "1000 Normal Closure"}; the title of an unregistered code is in parentheses.
     *
     * @return a description for logs
     */
    @Override
    public String toString() {
        Entry entry = entryOf(value);
        if (entry == null) {
            return value + " (" + title() + ")";
        }
        return value + " " + (entry.ianaName != null ? entry.ianaName : title());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CloseCode && ((CloseCode) other).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(CloseCode other) {
        return Integer.compare(value, other.value);
    }

    /** A title and a description, each in every locale in {@link Locale} order. */
    private static final class Label {
        private final String[] title;
        private final String[] description;

        private Label(String[] title, String[] description) {
            this.title = title;
            this.description = description;
        }
    }

    /** What the registry says about a registered code. */
    private static final class Entry {
        private final CloseCode constant;
        private final String name;
        private final List<String> aliases;
        private final String ianaName;
        private final String[] reference;
        private final String url;
        private final Sender sender;
        private final Reconnect reconnect;
        private final Label label;
        private final long[] delay;

        private Entry(CloseCode constant, String name, List<String> aliases, String ianaName, String[] reference,
                String url, Sender sender, Reconnect reconnect, Label label, long[] delay) {
            this.constant = constant;
            this.name = name;
            this.aliases = aliases;
            this.ianaName = ianaName;
            this.reference = reference;
            this.url = url;
            this.sender = sender;
            this.reconnect = reconnect;
            this.label = label;
            this.delay = delay;
        }
    }

    /** The registered entry for {@code code}, or null. */
    private static Entry entryOf(int code) {
        // The registered codes' labels come first, in ENTRIES order.
        int label = labelOf(code);
        return label < ENTRIES.length ? ENTRIES[label] : null;
    }

    /** The range that holds {@code code}, or null. */
    private static Range rangeOf(int code) {
        for (Range range : RANGES) {
            if (range.start <= code && code <= range.end) {
                return range;
            }
        }
        return null;
    }

    /**
     * A contiguous block of close codes with a shared meaning (RFC 6455, section 7.4.2).
     */
    public static final class Range {
        private final String id;
        private final int start;
        private final int end;
        private final boolean sendable;
        private final Reconnect reconnect;
        private final Label label;
        private final long[] delay;

        private Range(String id, int start, int end, boolean sendable, Reconnect reconnect, Label label, long[] delay) {
            this.id = id;
            this.start = start;
            this.end = end;
            this.sendable = sendable;
            this.reconnect = reconnect;
            this.label = label;
            this.delay = delay;
        }

        /**
         * Every range, ascending. A number in none of them is not a valid close code.
         *
         * @return an unmodifiable list
         */
        public static List<Range> all() {
            return List.of(RANGES);
        }

        /**
         * The range's stable kebab-case id, e.g. {@code "private"}.
         *
         * @return the id
         */
        public String id() {
            return id;
        }

        /**
         * The first code.
         *
         * @return the first code of the range
         */
        public int start() {
            return start;
        }

        /**
         * The last code, inclusive.
         *
         * @return the last code of the range
         */
        public int end() {
            return end;
        }

        /**
         * May the range's unregistered codes appear in a Close frame?
         *
         * @return whether they may be sent
         */
        public boolean isSendable() {
            return sendable;
        }

        /**
         * The advice for the range's unregistered codes.
         *
         * @return the reconnect hint
         */
        public Reconnect reconnect() {
            return reconnect;
        }

        /**
         * Does the range hold {@code code}?
         *
         * @param code a close code
         * @return whether it lies in the range
         */
        public boolean contains(CloseCode code) {
            return start <= code.value && code.value <= end;
        }

        /**
         * A short title in {@code locale}.
         *
         * @param locale the locale of the text
         * @return the title
         */
        public String title(Locale locale) {
            return label.title[locale.ordinal()];
        }

        /**
         * A full description in {@code locale}.
         *
         * @param locale the locale of the text
         * @return the description
         */
        public String description(Locale locale) {
            return label.description[locale.ordinal()];
        }

        @Override
        public String toString() {
            return id + " (" + start + "-" + end + ")";
        }
    }

    /** {@code text} without White_Space at either end (what Rust's {@code str::trim} removes). */
    private static String trimWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && WHITESPACE.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && WHITESPACE.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Are two subtags (null: absent) equal, ignoring the case of ASCII letters only? */
    private static boolean sameSubtag(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x >= 'A' && x <= 'Z') {
                x = (char) (x + ('a' - 'A'));
            }
            if (y >= 'A' && y <= 'Z') {
                y = (char) (y + ('a' - 'A'));
            }
            if (x != y) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetters(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiDigits(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Language, script and region subtags of {@code tag} (null when absent). */
    private static String[] subtags(String tag) {
        String[] found = new String[3];
        boolean first = true;
        for (String part : trimWhitespace(tag).split("[-_]")) {
            if (part.isEmpty()) {
                continue;
            }
            if (first) {
                found[0] = part;
                first = false;
            } else if (found[1] == null && found[2] == null && part.length() == 4 && asciiLetters(part)) {
                found[1] = part;
            } else if (found[2] == null
                    && ((part.length() == 2 && asciiLetters(part)) || (part.length() == 3 && asciiDigits(part)))) {
                found[2] = part;
            }
        }
        return found;
    }

    /** The locale one language tag matches, or null when none does. */
    private static Locale matchTag(String tag) {
        String[] requested = subtags(tag);
        if (requested[0] == null) {
            return null;
        }
        List<Locale> candidates = new ArrayList<>();
        for (Locale locale : Locale.values()) {
            String[] ours = subtags(locale.tag());
            if (!sameSubtag(ours[0], requested[0])) {
                continue;
            }
            if (sameSubtag(ours[1], requested[1]) && sameSubtag(ours[2], requested[2])) {
                return locale;
            }
            candidates.add(locale);
        }
        if (sameSubtag(requested[0], "zh")) {
            String script = requested[1];
            if (script == null) {
                boolean traditional = sameSubtag(requested[2], "TW") || sameSubtag(requested[2], "HK")
                        || sameSubtag(requested[2], "MO");
                script = traditional ? "Hant" : "Hans";
            }
            for (Locale locale : candidates) {
                if (sameSubtag(subtags(locale.tag())[1], script)) {
                    return locale;
                }
            }
            return null;
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /**
     * A q-value ({@code 0}, {@code 0.5}, {@code 0.125}, {@code 1}, {@code 1.000}; RFC 9110, section
     * 12.4.2) in thousandths, or -1 when {@code text} is not one.
     */
    private static int parseQuality(String text) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (fraction.length() > 3 || !asciiDigits(fraction)) {
            return -1;
        }
        int thousandths = 0;
        for (int place = 0; place < 3; place++) {
            thousandths = thousandths * 10 + (place < fraction.length() ? fraction.charAt(place) - '0' : 0);
        }
        if (whole.equals("0")) {
            return thousandths;
        }
        return whole.equals("1") && thousandths == 0 ? 1000 : -1;
    }

    /** One item of a request that matched a locale. */
    private record Candidate(Locale locale, int quality, int position) {
    }

    /**
     * The matched locale and q-value of one item of an {@code Accept-Language} header, or null for
     * an empty item, one with a malformed q-value, one that matches no locale, and {@code *;q=0}
     * (a text has to be shown all the same). {@code *} stands for the fallback; other parameters
     * are ignored.
     */
    private static Candidate parseItem(String item, int position) {
        String[] parts = item.split(";", -1);
        String tag = trimWhitespace(parts[0]);
        if (tag.isEmpty()) {
            return null;
        }
        int quality = -1;
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String name = equals < 0 ? parts[i] : parts[i].substring(0, equals);
            String value = equals < 0 ? "" : parts[i].substring(equals + 1);
            if (quality < 0 && sameSubtag(trimWhitespace(name), "q")) {
                quality = parseQuality(trimWhitespace(value));
                if (quality < 0) {
                    return null;
                }
            }
        }
        if (quality < 0) {
            quality = 1000;
        }
        if (tag.equals("*")) {
            return quality == 0 ? null : new Candidate(Locale.FALLBACK, quality, position);
        }
        Locale locale = matchTag(tag);
        return locale == null ? null : new Candidate(locale, quality, position);
    }

    /** The highest q-value of {@code pool}, the earlier item on a tie; null when it is empty. */
    private static Candidate best(List<Candidate> pool) {
        Candidate found = null;
        for (Candidate candidate : pool) {
            if (found == null || candidate.quality() > found.quality()) {
                found = candidate;
            }
        }
        return found;
    }

    /** The rule of {@link Locale#negotiate(String)} over the items of a header. */
    private static Locale negotiate(List<String> items) {
        boolean[] excluded = new boolean[Locale.values().length];
        List<Candidate> candidates = new ArrayList<>();
        for (int position = 0; position < items.size(); position++) {
            Candidate candidate = parseItem(items.get(position), position);
            if (candidate == null) {
                continue;
            }
            if (candidate.quality() == 0) {
                excluded[candidate.locale().ordinal()] = true;
            } else {
                candidates.add(candidate);
            }
        }
        candidates.removeIf(candidate -> excluded[candidate.locale().ordinal()]);
        Candidate winner = best(candidates);
        if (winner != null && winner.locale() == Locale.FALLBACK) {
            List<Candidate> earlier = new ArrayList<>();
            for (Candidate candidate : candidates) {
                if (candidate.position() < winner.position() && candidate.locale() != Locale.FALLBACK) {
                    earlier.add(candidate);
                }
            }
            Candidate found = best(earlier);
            return (found != null ? found : winner).locale();
        }
        if (winner != null) {
            return winner.locale();
        }
        if (!excluded[Locale.FALLBACK.ordinal()]) {
            return Locale.FALLBACK;
        }
        for (Locale locale : Locale.values()) {
            if (!excluded[locale.ordinal()]) {
                return locale;
            }
        }
        return Locale.FALLBACK;
    }

    /** The longest Close frame payload: a control frame carries at most 125 bytes. */
    public static final int MAX_PAYLOAD_BYTES = 125;

    /** The longest close reason in UTF-8 bytes: the payload less the two-byte code. */
    public static final int MAX_REASON_BYTES = 123;

    /**
     * The payload of a Close frame: a sendable code and a UTF-8 reason of at most
     * {@value #MAX_REASON_BYTES} bytes, or neither (an empty payload). Instances are immutable.
     */
    public static final class Frame {
        private final CloseCode code;
        private final String reason;
        /** The payload the frame was read from or will be written as; never handed out itself. */
        private final byte[] payload;

        private Frame(CloseCode code, String reason, byte[] payload) {
            this.code = code;
            this.reason = reason;
            this.payload = payload;
        }

        /**
         * Reads a received Close frame payload: empty, or a sendable code in network byte order
         * followed by a UTF-8 reason, 125 bytes at most in all.
         *
         * @param payload the payload as received
         * @return the frame
         * @throws FrameException if the payload is not a valid Close frame payload
         */
        public static Frame parse(byte[] payload) throws FrameException {
            if (payload.length == 0) {
                return new Frame(null, "", new byte[0]);
            }
            if (payload.length == 1) {
                throw new FrameException("a Close frame payload of one byte", 1002);
            }
            if (payload.length > MAX_PAYLOAD_BYTES) {
                throw new FrameException("a Close frame payload of " + payload.length + " bytes (at most 125)", 1002);
            }
            int number = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
            if (!sendable(number)) {
                throw new FrameException("close code " + number + " may not be sent", 1002);
            }
            String reason = reasonOf(payload);
            if (reason == null) {
                throw new FrameException("a close reason that is not valid UTF-8", 1007);
            }
            return new Frame(CloseCode.of(number), reason, payload.clone());
        }

        /**
         * The reason of a payload (its bytes after the code), or null when they are not UTF-8.
         * Checked here rather than by a {@code CharsetDecoder} that reports malformed input, which
         * would be made for every call and throw for a malformed reason; the rule is the same.
         */
        private static String reasonOf(byte[] payload) {
            int at = 2;
            while (at < payload.length && payload[at] >= 0) {
                at++;
            }
            if (at == payload.length) {
                // ASCII only: every byte is its character.
                return new String(payload, 2, payload.length - 2, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            if (!isUtf8(payload, at)) {
                return null;
            }
            // Well-formed, so decoding replaces nothing.
            return new String(payload, 2, payload.length - 2, java.nio.charset.StandardCharsets.UTF_8);
        }

        /**
         * Are the bytes of {@code bytes} from {@code at} on well-formed UTF-8 (the Unicode
         * Standard, table 3-7): no overlong form, no surrogate, nothing above U+10FFFF, no
         * sequence cut short?
         */
        private static boolean isUtf8(byte[] bytes, int at) {
            while (at < bytes.length) {
                int lead = bytes[at] & 0xff;
                if (lead < 0x80) {
                    at++;
                    continue;
                }
                int size;
                int low = 0x80;
                int high = 0xbf;
                if (lead >= 0xc2 && lead <= 0xdf) {
                    size = 2;
                } else if (lead >= 0xe0 && lead <= 0xef) {
                    size = 3;
                    if (lead == 0xe0) {
                        low = 0xa0;
                    } else if (lead == 0xed) {
                        high = 0x9f;
                    }
                } else if (lead >= 0xf0 && lead <= 0xf4) {
                    size = 4;
                    if (lead == 0xf0) {
                        low = 0x90;
                    } else if (lead == 0xf4) {
                        high = 0x8f;
                    }
                } else {
                    return false;
                }
                if (bytes.length - at < size) {
                    return false;
                }
                int second = bytes[at + 1] & 0xff;
                if (second < low || second > high) {
                    return false;
                }
                for (int next = at + 2; next < at + size; next++) {
                    if ((bytes[next] & 0xc0) != 0x80) {
                        return false;
                    }
                }
                at += size;
            }
            return true;
        }

        /**
         * The payload of a Close frame to send.
         *
         * @param code a sendable code
         * @param reason at most {@value #MAX_REASON_BYTES} bytes in UTF-8 (see {@link #truncateReason})
         * @return the frame
         * @throws FrameException if the code may not be sent, the reason is too long, or it holds a
         *     lone surrogate (which has no UTF-8 form)
         */
        public static Frame of(CloseCode code, String reason) throws FrameException {
            if (!code.isSendable()) {
                throw new FrameException("close code " + code.value + " may not be sent", 1002);
            }
            return new Frame(code, reason, payloadOf(code.value, reason));
        }

        /**
         * The code in network byte order followed by {@code reason} in UTF-8, encoded once:
         * {@link #of} needs its length and {@link #encode} the bytes. A lone surrogate has no
         * UTF-8 form and is refused with 1007, as in the other languages (where
         * {@link String#getBytes(java.nio.charset.Charset)} would write {@code ?} for it).
         */
        private static byte[] payloadOf(int code, String reason) throws FrameException {
            int length = reason.length();
            byte[] out;
            int at = 0;
            if (length <= MAX_REASON_BYTES) {
                // ASCII, the common case, is written as it is checked, without an encoder.
                out = new byte[2 + length];
                while (at < length) {
                    char c = reason.charAt(at);
                    if (c >= 0x80) {
                        break;
                    }
                    out[2 + at] = (byte) c;
                    at++;
                }
            } else {
                out = null;
            }
            if (out == null || at < length) {
                for (int i = at; i < length; i++) {
                    char c = reason.charAt(i);
                    if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(reason.charAt(i + 1))) {
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        throw new FrameException("a close reason with a lone surrogate", 1007);
                    }
                }
                byte[] text = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (text.length > MAX_REASON_BYTES) {
                    throw new FrameException("a close reason of " + text.length + " bytes (at most 123)", 1002);
                }
                out = new byte[2 + text.length];
                System.arraycopy(text, 0, out, 2, text.length);
            }
            out[0] = (byte) (code >> 8);
            out[1] = (byte) code;
            return out;
        }

        /**
         * The frame's code.
         *
         * @return the code, or empty for an empty payload
         */
        public Optional<CloseCode> code() {
            return Optional.ofNullable(code);
        }

        /**
         * The frame's reason.
         *
         * @return the reason, empty when there is none
         */
        public String reason() {
            return reason;
        }

        /**
         * The payload: the code in network byte order and the reason in UTF-8, or nothing.
         *
         * @return a new array
         */
        public byte[] encode() {
            return payload.clone();
        }
    }

    /** Why a payload is not a valid Close frame payload, or why a frame cannot be built. */
    public static final class FrameException extends Exception {
        private static final long serialVersionUID = 1L;

        /** The code to close the connection with. */
        private final int closeCode;

        private FrameException(String message, int closeCode) {
            super(message);
            this.closeCode = closeCode;
        }

        /**
         * The code to close the connection with after receiving such a payload: 1007 for a reason
         * that is not UTF-8, 1002 (protocol error) otherwise.
         *
         * @return the close code
         */
        public CloseCode closeCode() {
            return CloseCode.of(closeCode);
        }
    }

    /**
     * Shortens {@code reason} to at most {@value #MAX_REASON_BYTES} bytes of UTF-8 without splitting
     * a character, so that it fits in a Close frame.
     *
     * @param reason any text
     * @return the text, or its longest prefix that fits
     */
    public static String truncateReason(String reason) {
        byte[] bytes = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        int end = MAX_REASON_BYTES;
        while (end > 0 && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * How many attempts in a row may fail before a connection that never opened stops
     * reconnecting (a browser reports a refused handshake as 1006 before {@code open}).
     */
    public static final int MAX_ATTEMPTS_BEFORE_OPEN = 5;

    /** The first step of the exponential backoff, in milliseconds. */
    public static final long BASE_DELAY_MS = 1000;

    /** What to do after a close. */
    public enum Action {
        /** Do not reconnect. */
        STOP,
        /** Reconnect after the delay. */
        RETRY,
        /** Obtain fresh credentials, then reconnect after the delay. */
        REAUTHENTICATE;

        /**
         * The name the conformance vectors use, e.g. {@code "retry"}.
         *
         * @return the key
         */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What a client knows about a close besides its code.
     *
     * @param closedByClient did the client itself close the connection (or ask to)?
     * @param everOpened did the connection ever open?
     * @param attempt how many attempts in a row already failed (0 for the first reconnect)
     * @param random a random number in [0, 1); anything else (NaN too) counts as 0
     */
    public record ReconnectContext(boolean closedByClient, boolean everOpened, int attempt, double random) {
    }

    /**
     * The decision after a close.
     *
     * @param action what to do
     * @param delayMs how long to wait first, in milliseconds (0 for {@link Action#STOP})
     */
    public record ReconnectStep(Action action, long delayMs) {
    }

    /**
     * The shortest and longest delay before reconnecting after this code, in milliseconds: the
     * code's own bounds, else its range's, else the default.
     *
     * @return {@code {min, max}}
     */
    public long[] reconnectDelayBounds() {
        Entry entry = entryOf(value);
        if (entry != null) {
            return entry.delay.clone();
        }
        Range range = rangeOf(value);
        return (range != null ? range.delay : OUT_OF_RANGE_DELAY).clone();
    }

    /**
     * What to do after a connection closed with this code: stop when the client closed it or the
     * hint is {@link Reconnect#NEVER}, or when a connection that never opened failed
     * {@value #MAX_ATTEMPTS_BEFORE_OPEN} times in a row; otherwise wait
     * {@code min + floor(random * (ceiling - min))} ms, where
     * {@code ceiling = min(max, min + BASE_DELAY_MS * 2^min(attempt, 20))}, then reauthenticate or retry.
     *
     * @param context what the client knows about the close
     * @return the decision
     */
    public ReconnectStep reconnectStep(ReconnectContext context) {
        Reconnect hint = reconnect();
        if (context.closedByClient() || hint == Reconnect.NEVER) {
            return new ReconnectStep(Action.STOP, 0);
        }
        if (!context.everOpened() && Integer.compareUnsigned(context.attempt(), MAX_ATTEMPTS_BEFORE_OPEN) >= 0) {
            return new ReconnectStep(Action.STOP, 0);
        }
        long[] bounds = reconnectDelayBounds();
        int exponent = Integer.compareUnsigned(context.attempt(), 20) < 0 ? context.attempt() : 20;
        long ceiling = Math.min(bounds[1], bounds[0] + (BASE_DELAY_MS << exponent));
        double random = context.random() >= 0 && context.random() < 1 ? context.random() : 0;
        long delay = bounds[0] + (long) Math.floor(random * (double) (ceiling - bounds[0]));
        return new ReconnectStep(hint == Reconnect.REAUTHENTICATE ? Action.REAUTHENTICATE : Action.RETRY, delay);
    }

    /**
     * Everything a close handler needs to report a close and decide what to do next.
     *
     * @param code the close code, as received
     * @param name the canonical constant name of a registered code
     * @param title a short title of the code
     * @param description a full description of the code
     * @param reason the reason the peer gave, as received (may be empty)
     * @param hint the code's reconnect hint
     * @param step what to do next
     * @param locale the locale of the title and the description
     */
    public record CloseDescription(CloseCode code, Optional<String> name, String title, String description,
            String reason, Reconnect hint, ReconnectStep step, Locale locale) {
        /**
         * {@code "Title (code)"}, followed by {@code ": reason"} when the peer gave one.
         *
         * @return the description for a log line or a status bar
         */
        @Override
        public String toString() {
            return title + " (" + code.value + ")" + (reason.isEmpty() ? "" : ": " + reason);
        }
    }

    /**
     * Describes a close with {@code code} and {@code reason} in {@code locale}, with the reconnect
     * step for {@code context}.
     *
     * @param code the close code, as received
     * @param reason the reason the peer gave (may be empty)
     * @param locale the locale of the texts
     * @param context what the client knows about the close
     * @return the description
     */
    public static CloseDescription describeClose(CloseCode code, String reason, Locale locale,
            ReconnectContext context) {
        return new CloseDescription(code, code.name(), code.title(locale), code.description(locale), reason,
                code.reconnect(), code.reconnectStep(context), locale);
    }
