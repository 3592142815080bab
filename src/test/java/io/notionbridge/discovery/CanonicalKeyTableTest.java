package io.notionbridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real-world inputs, one hint at a time, through {@link CanonicalKeyBuilder}. {@code expected} is the key, or
 * {@code !text} when no key may be built and the reason must contain {@code text}. The pitfalls of
 * {@code peers.md} §5 are all here, the documented limitations included (marketing and regional domains stay distinct,
 * product subdomains merge into their parent).
 */
class CanonicalKeyTableTest {

    @ParameterizedTest(name = "[{index}] {0} \"{1}\" -> {3} ({4})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "", textBlock = """
        # hint  | input                                  | location      | expected                            | note
        website | https://WWW.Acme.AI./pricing?x#y       |               | domain:acme.ai                      | scheme, case, www, trailing dot, path, query, fragment
        website | WWW.Acme.AI.                           |               | domain:acme.ai                      | peers 5: case + trailing dot (httpclient5/crawler-commons gave null)
        website | acme.ai/pricing                        |               | domain:acme.ai                      | scheme-less with path (java.net.URI has no host)
        website | //acme.ai                              |               | domain:acme.ai                      | protocol-relative
        website | http://user@acme.ai:8080               |               | domain:acme.ai                      | user info and port
        website | https://user:s3cret@acme.ai:8443/login |               | domain:acme.ai                      | user:password and port
        website | "   https://acme.ai   "                |               | domain:acme.ai                      | surrounding spaces
        website | HTTPS://Acme.ai#contact                |               | domain:acme.ai                      | upper-case scheme, fragment only
        website | acme.ai?ref=producthunt                |               | domain:acme.ai                      | query only
        website | ftp://files.acme.ai/pub                |               | domain:acme.ai                      | other scheme, subdomain
        website | shop.acme.co.uk                        |               | domain:acme.co.uk                   | peers 5: multi-label public suffix
        website | https://www.bbc.co.uk/news             |               | domain:bbc.co.uk                    | www under co.uk
        website | www.acme.com.au                        |               | domain:acme.com.au                  | com.au
        website | acme.github.io                         |               | domain:acme.github.io               | peers 5: private suffix keeps the tenant
        website | https://acme.github.io/docs/           |               | domain:acme.github.io               | private suffix with path
        website | foo.blogspot.com                       |               | domain:foo.blogspot.com             | peers 5: private suffix (ICANN mode gave blogspot.com)
        website | acme.herokuapp.com                     |               | domain:acme.herokuapp.com           | private suffix
        website | https://acme.vercel.app/               |               | domain:acme.vercel.app              | private suffix
        website | s3-eu-west-1.amazonaws.com             |               | !is itself a public suffix          | peers 5: the host IS a private suffix
        website | github.io                              |               | !is itself a public suffix          | private suffix alone
        website | co.uk                                  |               | !is itself a public suffix          | registry suffix alone
        website | bücher.de                              |               | domain:xn--bcher-kva.de             | peers 5: IDN in Unicode
        website | xn--bcher-kva.de                       |               | domain:xn--bcher-kva.de             | peers 5: the same IDN in punycode, same key
        website | https://BÜCHER.de/                     |               | domain:xn--bcher-kva.de             | IDN with upper-case umlaut
        website | faß.de                                 |               | domain:xn--fa-hia.de                | peers 5: UTS-46 non-transitional keeps ß (IDNA2003 gave fass.de)
        website | fass.de                                |               | domain:fass.de                      | a different company from faß.de
        website | https://www.münchen.de                 |               | domain:xn--mnchen-3ya.de            | IDN city site
        website | ＡＣＭＥ．ＡＩ                          |               | domain:acme.ai                      | full-width letters and dot (UTS-46 mapping)
        website | 10.0.0.1                               |               | !IP address                         | peers 5: IPv4 (Guava threw)
        website | http://192.168.1.10:8080/admin         |               | !IP address                         | IPv4 URL with port
        website | http://[2001:db8::1]:8080/             |               | !IP address                         | bracketed IPv6
        website | ::1                                    |               | !IP address                         | bare IPv6
        website | localhost                              |               | !not under a known public suffix    | no public suffix
        website | http://localhost:3000                  |               | !not under a known public suffix    | dev server
        website | intranet.corp                          |               | !not under a known public suffix    | private TLD
        website | ""                                     |               | !no identity hint given             | empty
        website | "   "                                  |               | !no identity hint given             | spaces only
        website | acme .ai                               |               | !contains spaces                    | space inside the host
        website | -acme.com                              |               | !not a valid domain name            | leading hyphen
        website | acme..com                              |               | !not a valid domain name            | empty label
        website | acme_corp.com                          |               | !not a valid domain name            | underscore (STD3)
        website | mailto:jane@acme.ai                    |               | domain:acme.ai                      | mailto
        website | Jane.Doe@Acme.AI                       |               | domain:acme.ai                      | bare e-mail
        website | mailto:jane@gmail.com?subject=Hi       |               | !free mail provider                 | free mail is a person, not a company
        website | https://bit.ly/3xYzAbc                 |               | !link shortener                     | peers 5: shorteners
        website | https://www.linkedin.com/company/acme  |               | !shared platform                    | a page on a platform
        website | https://github.com/Acme-Inc            |               | github:acme-inc                     | a GitHub address as website gives the github key
        website | https://github.com                     |               | domain:github.com                   | the platform's own site is GitHub the company
        website | getstripe.com                          |               | domain:getstripe.com                | peers 5 limitation: marketing domain stays distinct
        website | stripe.com                             |               | domain:stripe.com                   | ... from the main domain
        website | novonordisk-us.com                     |               | domain:novonordisk-us.com           | peers 5 limitation: regional variant stays distinct
        website | aws.amazon.com                         |               | domain:amazon.com                   | peers 5 limitation: product subdomain merges into parent
        website | careers.google.com                     |               | domain:google.com                   | peers 5: a mere page subdomain
        domain  | Acme.AI.                               |               | domain:acme.ai                      | domain hint
        domain  | jane@acme.ai                           |               | domain:acme.ai                      | e-mail in the domain hint
        ch      | 1234567                                |               | companies_house:01234567            | peers 5: leading zero stripped by a spreadsheet
        ch      | 445790                                 |               | companies_house:00445790            | Tesco PLC without its zeros
        ch      | 00445790                               |               | companies_house:00445790            | already canonical
        ch      | SC123456                               |               | companies_house:SC123456            | Scotland
        ch      | sc 12345                               |               | companies_house:SC012345            | lower case, space, short
        ch      | NI 61234                               |               | companies_house:NI061234            | Northern Ireland, short
        ch      | OC301234                               |               | companies_house:OC301234            | LLP
        ch      | so300123                               |               | companies_house:SO300123            | Scottish LLP
        ch      | R0123                                  |               | companies_house:R0000123            | pre-partition NI, padded after R0
        ch      | SL12345A                               |               | companies_house:SL12345A            | ends in a letter, kept as is
        ch      | IP29871R                               |               | companies_house:IP29871R            | registered society
        ch      | 123456789                              |               | !not a Companies House number       | 9 digits
        ch      | XX123456                               |               | !unknown Companies House prefix     | unknown prefix
        ch      | 00000000                               |               | !all zeros                          | zero
        ch      | SC1234567                              |               | !not a Companies House number       | 7 digits after a prefix
        github  | Acme-Inc                               |               | github:acme-inc                     | login, case folded
        github  | @acme                                  |               | github:acme                         | @handle
        github  | https://github.com/Acme-Inc/repo       |               | github:acme-inc                     | repository URL
        github  | github.com/acme                        |               | github:acme                         | scheme-less
        github  | https://github.com/orgs/acme/people    |               | github:acme                         | orgs page
        github  | https://api.github.com/orgs/Acme       |               | github:acme                         | API URL
        github  | git@github.com:acme/widgets.git        |               | github:acme                         | SSH clone address
        github  | acme--inc                              |               | !not a valid GitHub login           | double hyphen
        github  | -acme                                  |               | !not a valid GitHub login           | leading hyphen
        github  | acme-                                  |               | !not a valid GitHub login           | trailing hyphen
        github  | abcdefghijklmnopqrstuvwxyz0123456789abcd |             | !not a valid GitHub login           | 40 characters
        github  | https://gitlab.com/acme                |               | !not a GitHub login                 | another forge
        github  | https://github.com/features            |               | !GitHub site page                   | not an account
        name    | Acme Ltd                               | London        | name_loc:acme-london                | legal suffix
        name    | ACME LIMITED                           | london        | name_loc:acme-london                | same company, other spelling
        name    | Acme, Inc.                             |               | name_loc:acme                       | punctuation, no location
        name    | Société Générale S.A.                  | Paris         | name_loc:societe-generale-paris     | accents, S.A.
        name    | Müller GmbH & Co. KG                   | München       | name_loc:muller-munchen             | German KG
        name    | Procter & Gamble Co.                   | Cincinnati, OH | name_loc:procter-and-gamble-cincinnati-oh | & and Co.
        name    | Ørsted A/S                             | Fredericia    | name_loc:orsted-fredericia          | Danish A/S
        name    | Atlassian Pty Ltd                      | Sydney        | name_loc:atlassian-sydney           | Pty Ltd
        name    | McDonald's Corporation                 |               | name_loc:mcdonalds                  | apostrophe, Corporation
        name    | ASML Holding N.V.                      | Veldhoven     | name_loc:asml-holding-veldhoven     | N.V.; Holding is not a legal form
        name    | Tata Consultancy Services Private Limited | Mumbai     | name_loc:tata-consultancy-services-mumbai | Private Limited
        name    | Straße & Söhne GmbH                    |               | name_loc:strasse-and-sohne          | ß and ö folded
        name    | Ltd                                    |               | name_loc:ltd                        | the first word is never stripped
        name    | !!!                                    |               | !has no letters or digits           | nothing left
        key     | domain:acme.ai                         |               | domain:acme.ai                      | explicit key
        key     | DOMAIN:Acme.AI.                        |               | domain:acme.ai                      | explicit key, cosmetic differences
        key     | domain:bücher.de                       |               | domain:xn--bcher-kva.de             | explicit IDN key
        key     | domain:https://acme.ai                 |               | !not a bare domain                  | URL in a domain key
        key     | domain:www.acme.ai                     |               | !use domain:acme.ai                 | subdomain in a domain key
        key     | companies_house:1234567                |               | companies_house:01234567            | explicit number, padded
        key     | github:Acme                            |               | github:acme                         | explicit login
        key     | github:https://github.com/acme         |               | !not a valid GitHub login           | URL in a github key
        key     | name_loc:acme-london                   |               | name_loc:acme-london                | explicit weak key
        key     | name_loc:Acme London                   |               | !is not a slug                      | spaces in a slug
        key     | linkedin:acme                          |               | !unknown type 'linkedin'            | unknown type
        key     | acme.ai                                |               | !has no type                        | missing type
        """)
    void buildsTheCanonicalKey(String hint, String input, String location, String expected, String note) {
        IdentityHints hints = switch (hint) {
            case "website" -> new IdentityHints(null, orEmpty(input), null, null, null, null, null);
            case "domain" -> new IdentityHints(null, null, input, null, null, null, null);
            case "github" -> new IdentityHints(null, null, null, input, null, null, null);
            case "ch" -> new IdentityHints(null, null, null, null, input, null, null);
            case "name" -> new IdentityHints(null, null, null, null, null, input, location);
            case "key" -> new IdentityHints(input, null, null, null, null, null, null);
            default -> throw new IllegalArgumentException(hint);
        };
        KeyResult result = CanonicalKeyBuilder.build(hints);
        if (expected.startsWith("!")) {
            assertEquals(Optional.empty(), result.key(), note);
            String reason = result.failureReason().orElseThrow();
            assertTrue(reason.contains(expected.substring(1)), () -> note + ": reason was: " + reason);
        } else {
            CanonicalKey key = result.key().orElseThrow(() -> new AssertionError(note + ": " + result));
            assertEquals(expected, key.toString(), note);
            assertEquals(!expected.startsWith("name_loc:"), key.strong(), note);
            assertEquals(expected, CanonicalKey.parse(key.toString()).toString(), "a built key parses back to itself");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
