package dev.mcpver.store;

import dev.mcpver.audit.AuditEvent;
import dev.mcpver.compliance.ComplianceRule;
import dev.mcpver.compliance.ComplianceStore;
import dev.mcpver.compliance.RuleScope;
import dev.mcpver.compliance.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Compliance rules; each change appends its audit entry in the same transaction. */
public final class SqlComplianceStore implements ComplianceStore {
    private static final String COLUMNS =
            "id, name, scope, scope_value, severity, expression, message, enabled, created_at, created_by";

    private final Database database;
    private final SqlAuditLog audit;

    public SqlComplianceStore(Database database, SqlAuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public void insert(ComplianceRule rule, AuditEvent event) {
        database.inWriteTransaction(handle -> {
            handle.createUpdate("INSERT INTO compliance_rules (" + COLUMNS + ") VALUES (:id, :name, :scope,"
                            + " :scopeValue, :severity, :expression, :message, :enabled, :createdAt, :createdBy)")
                    .bind("id", rule.id())
                    .bind("name", rule.name())
                    .bind("scope", rule.scope().wireName())
                    .bind("scopeValue", rule.scopeValue())
                    .bind("severity", rule.severity().wireName())
                    .bind("expression", rule.expression())
                    .bind("message", rule.message())
                    .bind("enabled", rule.enabled())
                    .bind("createdAt", rule.createdAt().toString())
                    .bind("createdBy", rule.createdBy())
                    .execute();
            return audit.append(handle, event);
        });
    }

    @Override
    public Optional<ComplianceRule> find(String id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM compliance_rules WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> rule(rs))
                        .findOne());
    }

    @Override
    public List<ComplianceRule> all() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM compliance_rules ORDER BY id")
                        .map((rs, ctx) -> rule(rs))
                        .list());
    }

    @Override
    public boolean disable(String id, AuditEvent event) {
        return database.inWriteTransaction(handle -> {
            int changed = handle.createUpdate(
                            "UPDATE compliance_rules SET enabled = :no WHERE id = :id AND enabled = :yes")
                    .bind("no", false)
                    .bind("yes", true)
                    .bind("id", id)
                    .execute();
            if (changed == 0) {
                return false;
            }
            audit.append(handle, event);
            return true;
        });
    }

    private static ComplianceRule rule(ResultSet rs) throws SQLException {
        return new ComplianceRule(
                rs.getString(1),
                rs.getString(2),
                RuleScope.fromWire(rs.getString(3)).orElseThrow(),
                rs.getString(4),
                Severity.fromWire(rs.getString(5)).orElseThrow(),
                rs.getString(6),
                rs.getString(7),
                rs.getBoolean(8),
                Instant.parse(rs.getString(9)),
                rs.getString(10));
    }
}
