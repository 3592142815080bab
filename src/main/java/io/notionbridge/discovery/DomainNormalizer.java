package io.notionbridge.discovery;

import java.util.Locale;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import com.ibm.icu.text.IDNA;

/**
 * Turns a website, domain or e-mail address into the company's <em>registrable domain</em>, the value of a
 * {@code domain:} key.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>Take the input apart ({@link WebAddress}): scheme, {@code mailto:}, user info, port, path, query and fragment
 *       are dropped; surrounding spaces are trimmed, spaces inside the host are an error.</li>
 *   <li>IP addresses (v4, v6, bracketed) are refused: they say nothing about a company.</li>
 *   <li>UTS-46 <em>non-transitional</em> processing to ASCII (ICU4J), with the STD3 rules, BiDi and CONTEXTJ checks.
 *       This maps case, full-width letters and ideographic full stops, and keeps {@code ß} as {@code ß}:
 *       {@code faß.de} becomes {@code xn--fa-hia.de}, a different registrable domain from {@code fass.de}. The
 *       JDK's {@code java.net.IDN} is IDNA2003 and would map it to {@code fass.de}: a wrong merge.</li>
 *   <li>The trailing dot of a fully qualified name is removed, and the name lower-cased.</li>
 *   <li>Guava {@link InternetDomainName#topPrivateDomain()}, which honours the <em>private</em> part of the public
 *       suffix list: {@code acme.github.io} and {@code foo.blogspot.com} stay their own companies, and
 *       {@code shop.acme.co.uk} becomes {@code acme.co.uk}. A host that is itself a public suffix (registry or
 *       private, such as {@code co.uk}, {@code github.io}, {@code s3-eu-west-1.amazonaws.com}) or that is not under
 *       any known suffix ({@code localhost}, {@code intranet.corp}) has no registrable domain.</li>
 *   <li>{@link NonCompanyDomains} refuses pages on shared platforms, link shorteners and free mail addresses.</li>
 * </ol>
 * {@code www.} needs no rule of its own: it is always a label below the registrable domain, so the suffix step drops
 * it, except when it <em>is</em> the registrable label ({@code www.github.io} is a GitHub Pages site named "www").
 *
 * <p><b>One form: ASCII (punycode).</b> {@code bücher.de}, {@code BÜCHER.de} and {@code xn--bcher-kva.de} all give
 * {@code xn--bcher-kva.de}. The ASCII form is what DNS, URLs, e-mail and HTTP {@code Host} headers carry, so keys
 * compare byte for byte with what other systems store; it has no Unicode normalisation forms (NFC/NFD) of its own to
 * get wrong in a database column or a Notion property; and it is plain ASCII in logs and shells. The Unicode form for
 * display can always be derived from it with UTS-46 {@code toUnicode}.
 *
 * <p>Known limitations (by design, string rules cannot know ownership): marketing domains ({@code getstripe.com} vs
 * {@code stripe.com}) and regional variants ({@code novonordisk-us.com}) stay distinct keys, and product subdomains
 * ({@code aws.amazon.com}) merge into their parent ({@code amazon.com}). An explicit {@code canonical_key} fixes a
 * single company by hand. Thread-safe.
 */
public final class DomainNormalizer {

    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.USE_STD3_RULES | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

    private DomainNormalizer() {
    }

    /** The registrable domain of a website, domain or e-mail address, in ASCII, or why there is none. */
    public static Normalized normalize(String input) {
        if (input == null || input.isBlank()) {
            return Normalized.rejected("no website or domain given");
        }
        WebAddress address = WebAddress.parse(input);
        Normalized host = asciiHost(address.host(), input);
        if (!host.isPresent()) {
            return host;
        }
        Normalized domain = registrableDomain(host.orElseThrow());
        if (!domain.isPresent()) {
            return domain;
        }
        return NonCompanyDomains.reason(domain.orElseThrow(), address)
                .map(Normalized::rejected)
                .orElse(domain);
    }

    /**
     * A domain typed as the value of an explicit {@code domain:} key: it must be a bare host that already is a
     * registrable domain; case, a trailing dot and the Unicode form are accepted and normalised.
     */
    public static Normalized normalizeKeyValue(String value) {
        if (value == null || value.isBlank()) {
            return Normalized.rejected("the domain is empty");
        }
        String v = value.strip();
        if (v.matches(".*[/@:?#\\s].*")) {
            return Normalized.rejected("'" + v + "' is not a bare domain (no scheme, path, port, user or spaces)");
        }
        Normalized host = asciiHost(v, v);
        if (!host.isPresent()) {
            return host;
        }
        Normalized domain = registrableDomain(host.orElseThrow());
        if (domain.isPresent() && !domain.orElseThrow().equals(host.orElseThrow())) {
            return Normalized.rejected("'" + v + "' is not a registrable domain; use domain:" + domain.orElseThrow());
        }
        return domain;
    }

    /** The host in lower-case ASCII without a trailing dot, or why it is not a usable domain name. */
    private static Normalized asciiHost(String host, String input) {
        if (host.isBlank()) {
            return Normalized.rejected("no host in '" + input.strip() + "'");
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            return Normalized.rejected("'" + host + "' contains spaces");
        }
        if (isIpAddress(host)) {
            return Normalized.rejected("'" + host + "' is an IP address, not a domain");
        }
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(host, ascii, info);
        if (info.hasErrors()) {
            return Normalized.rejected("'" + host + "' is not a valid domain name (UTS-46: " + info.getErrors() + ")");
        }
        String name = ascii.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (isIpAddress(name)) {
            return Normalized.rejected("'" + host + "' is an IP address, not a domain");
        }
        return Normalized.of(name);
    }

    private static Normalized registrableDomain(String asciiHost) {
        if (!InternetDomainName.isValid(asciiHost)) {
            return Normalized.rejected("'" + asciiHost + "' is not a valid domain name");
        }
        InternetDomainName name = InternetDomainName.from(asciiHost);
        if (name.isPublicSuffix()) {
            return Normalized.rejected("'" + asciiHost + "' is itself a public suffix shared by many owners,"
                    + " not a company's domain");
        }
        if (!name.isUnderPublicSuffix()) {
            return Normalized.rejected("'" + asciiHost + "' is not under a known public suffix");
        }
        return Normalized.of(name.topPrivateDomain().toString());
    }

    private static boolean isIpAddress(String host) {
        return InetAddresses.isInetAddress(host) || InetAddresses.isUriInetAddress(host);
    }
}
