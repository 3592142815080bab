package io.notionbridge.discovery;

import java.util.Optional;
import java.util.Set;

/**
 * Registrable domains that, in a given form of input, say nothing about which company is meant. Keying on them would
 * merge every company that shares them into one CRM entry (the "shorteners" pitfall of peers.md §5, and its cousins).
 * <ul>
 *   <li><b>Shared platforms and link shorteners</b>, when the address has a path: {@code github.com/acme},
 *       {@code linkedin.com/company/acme}, {@code bit.ly/3xYz} name a page on someone else's site. The bare domain
 *       ({@code https://github.com}) is the platform's own company and stays a valid key.</li>
 *   <li><b>Free mail providers</b>, for e-mail input: {@code jane@gmail.com} is a person, not a company.</li>
 * </ul>
 * The lists are deliberately short and obvious, not exhaustive: a platform missing from them still gives one shared
 * {@code domain:} key to every company linked through it. Add it here when one shows up in the CRM.
 */
public final class NonCompanyDomains {

    private static final Set<String> PLATFORMS = Set.of(
            "github.com", "gitlab.com", "bitbucket.org", "linkedin.com", "twitter.com", "x.com", "facebook.com",
            "instagram.com", "youtube.com", "medium.com", "crunchbase.com", "wellfound.com", "angel.co",
            "producthunt.com", "notion.so", "substack.com");

    private static final Set<String> SHORTENERS = Set.of(
            "bit.ly", "t.co", "goo.gl", "tinyurl.com", "ow.ly", "buff.ly", "lnkd.in", "rebrand.ly", "is.gd",
            "cutt.ly", "linktr.ee");

    private static final Set<String> FREE_MAIL = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com",
            "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.ru",
            "yandex.ru", "qq.com", "163.com");

    private NonCompanyDomains() {
    }

    /**
     * Why {@code registrableDomain}, reached from {@code address}, does not identify a company; empty when it does.
     */
    public static Optional<String> reason(String registrableDomain, WebAddress address) {
        if (address.email() && FREE_MAIL.contains(registrableDomain)) {
            return Optional.of(registrableDomain + " is a free mail provider; an address there does not identify a company");
        }
        if (address.hasPath() && PLATFORMS.contains(registrableDomain)) {
            return Optional.of(registrableDomain + " is a shared platform; a page on it is not a company's own website");
        }
        if (address.hasPath() && SHORTENERS.contains(registrableDomain)) {
            return Optional.of(registrableDomain + " is a link shortener; it hides the company's own website");
        }
        return Optional.empty();
    }
}
