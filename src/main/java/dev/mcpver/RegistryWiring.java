package dev.mcpver;

import dev.mcpver.compliance.CelRules;
import dev.mcpver.compliance.ComplianceGate;
import dev.mcpver.compliance.ComplianceService;
import dev.mcpver.lifecycle.LifecyclePolicy;
import dev.mcpver.monitoring.AdoptionSource;
import dev.mcpver.monitoring.MonitoringPolicy;
import dev.mcpver.monitoring.MonitoringService;
import dev.mcpver.monitoring.VersionMetrics;
import dev.mcpver.registry.AttestationGate;
import dev.mcpver.registry.ChecksumGate;
import dev.mcpver.registry.CompatCheck;
import dev.mcpver.registry.CompatibilityGate;
import dev.mcpver.registry.LifecycleService;
import dev.mcpver.registry.PromotionGate;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.signing.SignatureGate;
import dev.mcpver.signing.SigningService;
import dev.mcpver.store.CompatCacheStore;
import dev.mcpver.store.Database;
import dev.mcpver.store.SqlAdvisoryStore;
import dev.mcpver.store.SqlAuditLog;
import dev.mcpver.store.SqlComplianceStore;
import dev.mcpver.store.SqlRegistryStore;
import dev.mcpver.store.SqlSigningStore;
import dev.mcpver.store.SqlTokenStore;
import dev.mcpver.surface.AnalyzerCompatCheck;
import dev.mcpver.surface.CompatService;
import dev.mcpver.tokens.StoredTokenAuthenticator;
import dev.mcpver.tokens.TokenService;
import dev.mcpver.tools.RegistryTools;
import dev.mcpver.vuln.AdvisoryService;
import dev.mcpver.vuln.VulnerabilityGate;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * The objects of the registry feature (tokens, audit trail, registry, lifecycle and its gates, signing,
 * advisories, compliance, monitoring) over one database, created by constructor. {@link App} builds one for the
 * service; CLI commands build one for a single invocation, so both doors run exactly the same code.
 *
 * <p>The promotion gates and their weights in the security score (which must reach 80):
 *
 * <pre>
 * signature 25 · checksum 15 · compatibility 15 · vulnerabilities 20 · attestations 10 · compliance 15
 * </pre>
 *
 * Compliance runs last so that its rules can read the other gates' results.
 */
public final class RegistryWiring {
    /** Least test coverage (percent) the attestation gate accepts. */
    public static final double MIN_COVERAGE = 70;

    private final SqlAuditLog audit;
    private final SqlTokenStore tokenStore;
    private final TokenService tokens;
    private final RegistryService registry;
    private final LifecycleService lifecycle;
    private final SigningService signing;
    private final AdvisoryService advisories;
    private final ComplianceService compliance;
    private final MonitoringService monitoring;

    /** The wiring the CLI uses: the real analyzer as the compatibility check, no metrics or adoption source. */
    public RegistryWiring(Database database, Clock clock, Path home) {
        this(database, clock, home, analyzer(database, clock), VersionMetrics.none(), AdoptionSource.none());
    }

    /** The compatibility analyzer behind the registry's port. */
    static CompatCheck analyzer(Database database, Clock clock) {
        return new AnalyzerCompatCheck(compatService(database, clock));
    }

    /** The analysis service every door and port shares, with its report cache in the database. */
    static CompatService compatService(Database database, Clock clock) {
        return new CompatService(new CompatCacheStore(database, clock, 10_000), clock);
    }

    public RegistryWiring(
            Database database,
            Clock clock,
            Path home,
            CompatCheck compat,
            VersionMetrics metrics,
            AdoptionSource adoption) {
        this.audit = new SqlAuditLog(database, clock);
        this.tokenStore = new SqlTokenStore(database, audit);
        this.tokens = new TokenService(tokenStore, clock, new SecureRandom());
        SqlRegistryStore registryStore = new SqlRegistryStore(database, audit);
        this.registry = new RegistryService(registryStore, compat, clock);
        this.signing = new SigningService(new SqlSigningStore(database, audit), registry, clock);
        this.advisories = new AdvisoryService(new SqlAdvisoryStore(database, audit, clock));
        this.compliance = new ComplianceService(new SqlComplianceStore(database, audit), new CelRules(), clock);
        List<PromotionGate> gates = List.of(
                new SignatureGate(signing, 25),
                new ChecksumGate(home, 15),
                new CompatibilityGate(registryStore, compat, 15),
                new VulnerabilityGate(advisories, 20),
                new AttestationGate(MIN_COVERAGE, 10),
                new ComplianceGate(compliance, 15));
        this.lifecycle = new LifecycleService(registryStore, gates, LifecyclePolicy.standard(), clock);
        this.monitoring = new MonitoringService(registry, advisories, metrics, adoption, MonitoringPolicy.defaults());
    }

    /** Append ({@code AuditLog}) and read/verify ({@code AuditTrail}) the audit trail. */
    public SqlAuditLog audit() {
        return audit;
    }

    public TokenService tokens() {
        return tokens;
    }

    public StoredTokenAuthenticator authenticator() {
        return new StoredTokenAuthenticator(tokenStore);
    }

    public RegistryService registry() {
        return registry;
    }

    public LifecycleService lifecycle() {
        return lifecycle;
    }

    public SigningService signing() {
        return signing;
    }

    public AdvisoryService advisories() {
        return advisories;
    }

    public ComplianceService compliance() {
        return compliance;
    }

    public MonitoringService monitoring() {
        return monitoring;
    }

    /** The registry's catalog tools (read-only lookups, and the confirmed stage transition). */
    public RegistryTools tools() {
        return new RegistryTools(registry, lifecycle, signing, advisories, monitoring);
    }
}
