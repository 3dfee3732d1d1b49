package dev.mcpver.semver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws the engine must keep for any input (semver.md §5). */
class SemverPropertiesTest {
    @Property
    void should_order_antisymmetrically_when_comparing_any_two_versions(
            @ForAll("versions") String a, @ForAll("versions") String b) {
        Version va = Version.parse(a);
        Version vb = Version.parse(b);

        assertThat(Integer.signum(va.compareTo(vb))).isEqualTo(-Integer.signum(vb.compareTo(va)));
        assertThat(va.samePrecedence(vb)).isEqualTo(va.compareTo(vb) == 0);
        if (va.equals(vb)) {
            assertThat(va.compareTo(vb)).isZero();
        }
    }

    @Property
    void should_order_transitively_when_comparing_three_versions(
            @ForAll("versions") String a, @ForAll("versions") String b, @ForAll("versions") String c) {
        List<Version> sorted =
                java.util.stream.Stream.of(a, b, c).map(Version::parse).sorted().toList();

        assertThat(sorted.get(0).compareTo(sorted.get(1))).isLessThanOrEqualTo(0);
        assertThat(sorted.get(1).compareTo(sorted.get(2))).isLessThanOrEqualTo(0);
        assertThat(sorted.get(0).compareTo(sorted.get(2))).isLessThanOrEqualTo(0);
    }

    @Property
    void should_print_the_input_back_when_parsing_a_canonical_version(@ForAll("canonicalVersions") String canonical) {
        assertThat(Version.parse(canonical)).hasToString(canonical);
        assertThat(Version.parse("v" + canonical + "+b.1")).hasToString(canonical);
    }

    @Property
    void should_find_no_difference_when_diffing_a_version_with_itself(@ForAll("versions") String v) {
        assertThat(Version.diff(Version.parse(v), Version.parse(v))).isEmpty();
    }

    @Property
    void should_diff_exactly_when_precedence_differs(@ForAll("versions") String a, @ForAll("versions") String b) {
        Version va = Version.parse(a);
        Version vb = Version.parse(b);

        assertThat(Version.diff(va, vb).isPresent()).isEqualTo(va.compareTo(vb) != 0);
    }

    @Property
    void should_test_the_same_when_reparsing_the_normalized_range(
            @ForAll("ranges") String range, @ForAll("versions") String version) {
        Range parsed = Range.parse(range);
        Range reparsed = Range.parse(parsed.normalized());
        Version v = Version.parse(version);

        assertThat(reparsed.test(v)).isEqualTo(parsed.test(v));
        assertThat(reparsed.normalized()).isEqualTo(parsed.normalized());
    }

    @Property
    void should_produce_a_greater_valid_version_when_incrementing(
            @ForAll("canonicalVersions") String version, @ForAll ReleaseType type, @ForAll("preids") String preid) {
        Version v = Version.parse(version);
        // node only guarantees growth for these; "prerelease" with a preid may switch to a lower preid.
        boolean guaranteed = !(type == ReleaseType.PRERELEASE && v.isPrerelease() && !preid.isEmpty());

        Version next = v.inc(type, preid);

        assertThat(Version.parse(next.toString())).isEqualTo(next);
        assertThat(next.build()).isEmpty();
        if (guaranteed) {
            assertThat(next).isGreaterThan(v);
        }
    }

    @Provide
    Arbitrary<String> canonicalVersions() {
        Arbitrary<String> pre = prereleaseIds().list().ofMinSize(0).ofMaxSize(3).map(ids -> String.join(".", ids));
        return Combinators.combine(components(), components(), components(), pre)
                .as((ma, mi, pa, p) -> ma + "." + mi + "." + pa + (p.isEmpty() ? "" : "-" + p));
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> build = Arbitraries.of("", "+build", "+001", "+a.b.c", "+exp-sha.5");
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "v", " ", "\u00a0");
        return Combinators.combine(prefix, canonicalVersions(), build).as((p, v, b) -> p + v + b);
    }

    @Provide
    Arbitrary<String> ranges() {
        Arbitrary<String> comparator = Combinators.combine(
                        Arbitraries.of("", "^", "~", "~>", ">", ">=", "<", "<=", "=", "v", "> ", "^ "), partials())
                .as((op, v) -> op + v);
        Arbitrary<String> hyphen = Combinators.combine(partials(), partials()).as((a, b) -> a + " - " + b);
        Arbitrary<String> set =
                Arbitraries.oneOf(comparator.list().ofMinSize(1).ofMaxSize(3).map(cs -> String.join(" ", cs)), hyphen);
        // Wildcards followed by numbers (x.0) are invalid; the property is about valid ranges.
        return set.list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(sets -> String.join(" || ", sets))
                .filter(r -> Range.tryParse(r).isPresent());
    }

    @Provide
    Arbitrary<String> preids() {
        return Arbitraries.of("", "", "alpha", "beta", "rc", "alpha.beta", "0", "1", "rc.1", "1e5", "dev");
    }

    private Arbitrary<String> partials() {
        Arbitrary<String> part =
                Arbitraries.oneOf(Arbitraries.of("x", "X", "*"), components().map(String::valueOf));
        return Arbitraries.oneOf(
                part,
                Combinators.combine(part, part).as((a, b) -> a + "." + b),
                canonicalVersions(),
                Combinators.combine(components(), part).as((a, b) -> a + "." + b + ".x"));
    }

    private Arbitrary<Long> components() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 12),
                Arbitraries.longs().between(0, 9_007_199_254_740_990L),
                Arbitraries.of(2_147_483_647L, 2_147_483_648L, 9_007_199_254_740_990L));
    }

    private Arbitrary<String> prereleaseIds() {
        Arbitrary<String> alnum = Arbitraries.strings()
                .withChars("abcXYZ-")
                .withCharRange('0', '9')
                .ofMinLength(1)
                .ofMaxLength(6)
                .filter(s -> !s.chars().allMatch(Character::isDigit));
        Arbitrary<String> numeric = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 20).map(String::valueOf),
                Arbitraries.of("9007199254740990", "9007199254740991", "9007199254740993", "18446744073709551616"));
        return Arbitraries.oneOf(alnum, numeric, Arbitraries.of("alpha", "beta", "rc", "--"));
    }
}
