package io.notionbridge.discovery;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK Companies House company number in its canonical 8-character form, the value of a {@code companies_house:}
 * key. Companies House never changes a company's number, which makes it the most stable key there is.
 *
 * <p>Accepted forms (case, spaces and hyphens are ignored):
 * <ul>
 *   <li>digits only, England and Wales: zero-padded on the left to 8 ({@code 445790} gives {@code 00445790}), because
 *       spreadsheets strip the leading zeros;</li>
 *   <li>a known 2-character prefix and up to 6 digits, zero-padded after the prefix ({@code sc 12345} gives
 *       {@code SC012345}, {@code R0123} gives {@code R0000123});</li>
 *   <li>the few forms that end in letters, as they are: registered societies {@code IP}/{@code SP}/{@code RS} with 6
 *       letters or digits, and {@code SL12345A}. They are never padded, since their digits are not a plain number.</li>
 * </ul>
 * The prefixes are those seen in Companies House's bulk data (checked against 13.6 million numbers by
 * chguide.co.uk/general/company-number.html): SC Scotland, NI Northern Ireland, OC/SO/NC limited liability
 * partnerships, R0 pre-partition Northern Ireland, FC/SF/NF overseas companies, OE overseas entities, LP/SL/NL limited
 * partnerships, and others.
 */
public final class CompaniesHouseNumber {

    /** Prefixes followed by 6 digits. */
    static final Set<String> PREFIXES = Set.of(
            "AC", "CE", "CS", "FC", "FE", "GE", "GS", "IC", "IP", "LP", "NC", "NF", "NI", "NL", "NO", "NP", "OC", "OE",
            "PC", "R0", "RC", "RS", "SA", "SC", "SE", "SF", "SG", "SI", "SL", "SO", "SP", "SR", "SZ", "ZC");

    private static final Pattern DIGITS = Pattern.compile("\\d{1,8}");
    private static final Pattern PREFIXED = Pattern.compile("([A-Z][A-Z0-9])(\\d{1,6})");
    private static final Pattern LETTER_SUFFIXED = Pattern.compile("(IP|SP|RS)[A-Z0-9]{6}|SL\\d{5}A");

    private CompaniesHouseNumber() {
    }

    /** The canonical 8-character number, or why {@code input} is not a company number. */
    public static Normalized normalize(String input) {
        if (input == null || input.isBlank()) {
            return Normalized.rejected("no Companies House number given");
        }
        String n = input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (DIGITS.matcher(n).matches()) {
            if (n.chars().allMatch(c -> c == '0')) {
                return Normalized.rejected("'" + input.strip() + "' is all zeros, not a Companies House number");
            }
            return Normalized.of(pad(n, 8));
        }
        Matcher prefixed = PREFIXED.matcher(n);
        if (prefixed.matches() && PREFIXES.contains(prefixed.group(1))) {
            return Normalized.of(prefixed.group(1) + pad(prefixed.group(2), 6));
        }
        if (LETTER_SUFFIXED.matcher(n).matches()) {
            return Normalized.of(n);
        }
        if (n.matches("[A-Z][A-Z0-9]\\d+") && !PREFIXES.contains(n.substring(0, 2))) {
            return Normalized.rejected("'" + input.strip() + "' has an unknown Companies House prefix '"
                    + n.substring(0, 2) + "'");
        }
        return Normalized.rejected("'" + input.strip() + "' is not a Companies House number: expected up to 8 digits,"
                + " or a 2-letter prefix such as SC, NI or OC and up to 6 digits");
    }

    private static String pad(String digits, int width) {
        return "0".repeat(width - digits.length()) + digits;
    }
}
