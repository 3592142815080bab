package io.notionbridge.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * The weak fallback key {@code name_loc:<slug>}: a company name and an optional location made into one slug, so that
 * "ACME Limited, London" and "Acme Ltd" + "london" meet.
 *
 * <p>Steps: {@code &} becomes "and"; the text is transliterated to lower-case ASCII with ICU
 * ({@code Any-Latin; Latin-ASCII; Lower}: {@code Société} gives {@code societe}, {@code Ørsted} {@code orsted},
 * {@code Straße} {@code strasse}); dotted abbreviations are closed up ({@code S.A.} gives {@code sa}); apostrophes go,
 * other punctuation splits words; legal-form suffixes are stripped from the end of the name, repeatedly
 * ({@code Müller GmbH & Co. KG} gives {@code muller}), though never its first word; words are joined with {@code -};
 * the location's slug, when given, is appended after a {@code -}.
 *
 * <p>Names are not unique (two "Acme Ltd" in London) and change, hence "weak": such a key never auto-merges on its own
 * authority in the CRM.
 */
public final class NameLocationSlug {

    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    private static final Pattern INITIALISM = Pattern.compile("\\b[a-z](?:\\.[a-z])+\\.?(?![a-z0-9])");
    private static final Pattern APOSTROPHES = Pattern.compile("['`\u2019]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    /** Legal forms, as word sequences, stripped from the end of a name. */
    private static final List<List<String>> LEGAL_FORMS = List.of(
            List.of("gmbh", "and", "co", "kg"), List.of("and", "co"), List.of("sa", "de", "cv"),
            List.of("s", "de", "rl"), List.of("s", "a"), List.of("a", "s"), List.of("n", "v"), List.of("b", "v"),
            List.of("ltd"), List.of("limited"), List.of("inc"), List.of("incorporated"), List.of("llc"),
            List.of("llp"), List.of("lp"), List.of("plc"), List.of("corp"), List.of("corporation"), List.of("co"),
            List.of("company"), List.of("gmbh"), List.of("ag"), List.of("kg"), List.of("ug"), List.of("sas"),
            List.of("sa"), List.of("sarl"), List.of("srl"), List.of("spa"), List.of("bv"), List.of("nv"),
            List.of("pty"), List.of("pte"), List.of("pvt"), List.of("private"), List.of("oy"), List.of("oyj"),
            List.of("ab"), List.of("as"), List.of("asa"), List.of("aps"), List.of("kk"), List.of("se"),
            List.of("lda"), List.of("sl"), List.of("sro"));

    private NameLocationSlug() {
    }

    /** The slug of {@code companyName}, followed by that of {@code location} when it has one; or why there is none. */
    public static Normalized normalize(String companyName, String location) {
        if (companyName == null || companyName.isBlank()) {
            return Normalized.rejected("no company name given");
        }
        List<String> name = words(companyName);
        stripLegalForms(name);
        if (name.isEmpty()) {
            return Normalized.rejected("'" + companyName.strip() + "' has no letters or digits");
        }
        List<String> all = new ArrayList<>(name);
        if (location != null) {
            all.addAll(words(location));
        }
        return Normalized.of(String.join("-", all));
    }

    /** The lower-case ASCII words of {@code text}. */
    static List<String> words(String text) {
        String t;
        synchronized (TO_ASCII) {
            t = TO_ASCII.transliterate(text.replace("&", " and "));
        }
        t = INITIALISM.matcher(t).replaceAll(m -> m.group().replace(".", ""));
        t = APOSTROPHES.matcher(t).replaceAll("");
        t = NON_ALNUM.matcher(t).replaceAll(" ").strip();
        return t.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(t.split(" ")));
    }

    private static void stripLegalForms(List<String> words) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (List<String> form : LEGAL_FORMS) {
                int start = words.size() - form.size();
                if (start >= 1 && words.subList(start, words.size()).equals(form)) {
                    words.subList(start, words.size()).clear();
                    stripped = true;
                    break;
                }
            }
        }
    }
}
