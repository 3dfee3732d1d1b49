package dev.mcpver.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.audit.AuditEntry;
import dev.mcpver.audit.AuditQuery;
import dev.mcpver.audit.AuditTrail;
import dev.mcpver.audit.AuditVerification;
import dev.mcpver.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/v1/audit}: pages and the JSON-lines export (admin: entries show who changed what), and the chain check
 * {@code /api/v1/audit/verify} (viewer: it reveals only where the chain is broken).
 */
public final class AuditRoutes implements RouteGroup {
    /** Media type of the export: one JSON object per line. */
    public static final String JSON_LINES = "application/x-ndjson";

    private final AuditTrail trail;
    private final Access access;
    private final ObjectMapper mapper;

    public AuditRoutes(AuditTrail trail, Access access, ObjectMapper mapper) {
        this.trail = trail;
        this.access = access;
        this.mapper = mapper;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/audit", this::page);
        routes.get("/api/v1/audit/export", this::export);
        routes.get("/api/v1/audit/verify", this::verify);
    }

    private void page(Context ctx) {
        access.require(ctx, Role.ADMIN);
        AuditQuery query = new AuditQuery(
                Queries.longParam(ctx, "after", 0, 0, Long.MAX_VALUE),
                Queries.intParam(ctx, "limit", 100, 1, AuditQuery.MAX_LIMIT),
                Queries.text(ctx, "targetType").orElse(null),
                Queries.text(ctx, "targetId").orElse(null),
                Queries.text(ctx, "action").orElse(null));
        List<AuditEntry> entries = trail.page(query);
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("items", entries.stream().map(AuditEntry::toJson).toList());
        body.put(
                "next",
                entries.size() == query.limit()
                        ? entries.get(entries.size() - 1).seq()
                        : null);
        ctx.json(body);
    }

    private void export(Context ctx) throws IOException {
        access.require(ctx, Role.ADMIN);
        ctx.contentType(JSON_LINES);
        ctx.header("Content-Disposition", "attachment; filename=\"mcpver-audit.jsonl\"");
        OutputStream out = ctx.outputStream();
        trail.forEach(entry -> writeLine(out, entry));
        out.flush();
    }

    private void writeLine(OutputStream out, AuditEntry entry) {
        try {
            out.write(mapper.writeValueAsBytes(entry.toJson()));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void verify(Context ctx) {
        access.require(ctx, Role.VIEWER);
        long started = System.nanoTime();
        AuditVerification verification = trail.verify();
        ObjectNode body = mapper.valueToTree(verification);
        body.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        ctx.json(body);
    }
}
