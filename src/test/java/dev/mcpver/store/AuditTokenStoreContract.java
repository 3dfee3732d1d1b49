package dev.mcpver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.audit.AuditEntry;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.audit.AuditProblem;
import dev.mcpver.audit.AuditQuery;
import dev.mcpver.audit.AuditVerification;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.tokens.ApiToken;
import dev.mcpver.tokens.IssuedToken;
import dev.mcpver.tokens.StoredTokenAuthenticator;
import dev.mcpver.tokens.TokenRevocation;
import dev.mcpver.tokens.TokenService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail and token store on a real database; subclasses supply SQLite or PostgreSQL. */
abstract class AuditTokenStoreContract {
    private static final Actor ADMIN = new Actor(new Caller("token:root", Role.ADMIN), "req-1");

    Database database;
    SqlAuditLog audit;
    SqlTokenStore tokenStore;
    TokenService tokens;

    abstract String freshUrl();

    @BeforeEach
    void open() {
        database = Database.openMigrated(freshUrl());
        audit = new SqlAuditLog(database, Clock.systemUTC());
        tokenStore = new SqlTokenStore(database, audit);
        tokens = new TokenService(tokenStore, Clock.systemUTC(), new SecureRandom());
    }

    private static AuditEvent event(int n) {
        return AuditEvent.of(ADMIN, "thing.create", "thing", "t" + n, null, Map.of("n", n, "name", "ü-" + n));
    }

    @Test
    void should_link_each_entry_to_the_previous_one_and_verify_the_chain() {
        AuditEntry first = audit.record(event(1));
        AuditEntry second = audit.record(event(2));

        AuditVerification verification = audit.verify();

        assertThat(first.seq()).isEqualTo(1);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(verification.valid()).isTrue();
        assertThat(verification.checked()).isEqualTo(2);
        assertThat(verification.lastHash()).isEqualTo(second.hash());
    }

    @Test
    void should_keep_the_chain_linear_when_many_threads_append_at_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    audit.record(event(thread * 100 + i));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        List<AuditEntry> entries = audit.page(new AuditQuery(0, 1000, null, null, null));

        assertThat(entries)
                .extracting(AuditEntry::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void should_refuse_updates_and_deletes_of_audit_entries() {
        audit.record(event(1));

        assertThatThrownBy(() -> execute("UPDATE audit_log SET actor = 'x'")).isInstanceOf(JdbiException.class);
        assertThatThrownBy(() -> execute("DELETE FROM audit_log")).isInstanceOf(JdbiException.class);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void should_say_where_rows_were_edited_or_deleted_behind_its_back() {
        for (int i = 1; i <= 10; i++) {
            audit.record(event(i));
        }
        disableAppendOnlyTriggers();

        execute("UPDATE audit_log SET after_json = '{\"n\":999}' WHERE seq = 3");
        execute("DELETE FROM audit_log WHERE seq = 7");
        AuditVerification verification = audit.verify();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.problems())
                .extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, AuditProblem.Kind.EDITED),
                        org.assertj.core.groups.Tuple.tuple(7L, AuditProblem.Kind.MISSING));
    }

    @Test
    void should_find_the_same_breaks_when_verifying_in_parallel_segments() {
        SqlAuditLog parallel = new SqlAuditLog(database, Clock.systemUTC(), 3);
        for (int i = 1; i <= 40; i++) {
            parallel.record(event(i));
        }
        assertThat(parallel.verify().valid()).isTrue();
        assertThat(parallel.verify().checked()).isEqualTo(40);
        disableAppendOnlyTriggers();

        // entry 11 re-hashed after an edit: only the link of entry 12 shows it; 20..30 deleted across a border
        AuditEntry eleven =
                parallel.page(new AuditQuery(10, 1, null, null, null)).get(0);
        String forged = new dev.mcpver.audit.AuditChain()
                .hash(
                        11,
                        eleven.at(),
                        "token:mallory",
                        eleven.action(),
                        eleven.targetType(),
                        eleven.targetId(),
                        eleven.before(),
                        eleven.after(),
                        eleven.requestId(),
                        eleven.prevHash());
        execute("UPDATE audit_log SET actor = 'token:mallory', hash = '" + forged + "' WHERE seq = 11");
        execute("DELETE FROM audit_log WHERE seq BETWEEN 20 AND 30");
        AuditVerification verification = parallel.verify();

        assertThat(verification.problems())
                .extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(12L, AuditProblem.Kind.BROKEN_LINK),
                        org.assertj.core.groups.Tuple.tuple(20L, AuditProblem.Kind.MISSING));
        assertThat(verification.problems().get(1).detail()).contains("entries 20..30");
    }

    @Test
    void should_detect_a_deleted_tail() {
        for (int i = 1; i <= 5; i++) {
            audit.record(event(i));
        }
        disableAppendOnlyTriggers();

        execute("DELETE FROM audit_log WHERE seq >= 4");

        assertThat(audit.verify().problems())
                .singleElement()
                .extracting(AuditProblem::kind)
                .isEqualTo(AuditProblem.Kind.HEAD_MISMATCH);
    }

    @Test
    void should_page_and_filter_the_trail_by_target() {
        for (int i = 1; i <= 5; i++) {
            audit.record(event(i));
        }

        List<AuditEntry> page = audit.page(new AuditQuery(2, 2, null, null, null));
        List<AuditEntry> one = audit.page(new AuditQuery(0, 10, "thing", "t4", null));

        assertThat(page).extracting(AuditEntry::seq).containsExactly(3L, 4L);
        assertThat(one).singleElement().extracting(AuditEntry::seq).isEqualTo(4L);
        assertThat(one.get(0).toJson().at("/after/name").asText()).isEqualTo("ü-4");
    }

    @Test
    void should_find_a_token_only_by_its_secret_and_only_while_active() {
        IssuedToken admin = tokens.create("root", Role.ADMIN, ADMIN);
        IssuedToken ci = tokens.create("ci", Role.OPERATOR, ADMIN);
        StoredTokenAuthenticator authenticator = new StoredTokenAuthenticator(tokenStore);

        assertThat(authenticator.authenticate(ci.secret()))
                .contains(new Caller("token:" + ci.token().id(), Role.OPERATOR));
        assertThat(authenticator.authenticate(ci.token().id())).isEmpty();
        assertThat(tokens.revoke(ci.token().id(), ADMIN)).isInstanceOf(TokenRevocation.Revoked.class);
        assertThat(authenticator.authenticate(ci.secret())).isEmpty();
        assertThat(authenticator.authenticate(admin.secret())).isPresent();
        assertThat(tokens.revoke(ci.token().id(), ADMIN)).isInstanceOf(TokenRevocation.AlreadyRevoked.class);
        assertThat(tokens.revoke("nope", ADMIN)).isInstanceOf(TokenRevocation.NotFound.class);
    }

    @Test
    void should_never_store_the_secret() {
        IssuedToken issued = tokens.create("ci", Role.OPERATOR, ADMIN);

        String dump = database.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT id || name || role || secret_sha256 || hint || created_by FROM api_tokens")
                        .mapTo(String.class)
                        .one());
        String audited = audit.page(new AuditQuery(0, 10, null, null, null)).toString();

        assertThat(dump).doesNotContain(issued.secret()).contains(dev.mcpver.tokens.TokenHash.of(issued.secret()));
        assertThat(audited)
                .doesNotContain(issued.secret())
                .doesNotContain(dev.mcpver.tokens.TokenHash.of(issued.secret()));
        assertThat(issued.toString()).doesNotContain(issued.secret());
    }

    @Test
    void should_refuse_to_revoke_the_last_active_admin_token() {
        IssuedToken first = tokens.create("a", Role.ADMIN, ADMIN);
        IssuedToken second = tokens.create("b", Role.ADMIN, ADMIN);

        assertThat(tokens.revoke(first.token().id(), ADMIN)).isInstanceOf(TokenRevocation.Revoked.class);
        assertThat(tokens.revoke(second.token().id(), ADMIN)).isInstanceOf(TokenRevocation.LastAdmin.class);
    }

    @Test
    void should_bootstrap_the_first_admin_once_and_audit_it() {
        var first = tokens.bootstrap(null, "boot-1");
        var again = tokens.bootstrap(null, "boot-2");

        assertThat(first).isPresent();
        assertThat(first.get().token().role()).isEqualTo(Role.ADMIN);
        assertThat(again).isEmpty();
        assertThat(tokens.list()).hasSize(1);
        assertThat(audit.page(new AuditQuery(0, 10, null, null, "token.bootstrap")))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("system"));
    }

    @Test
    void should_adopt_a_supplied_bootstrap_token_unless_an_admin_exists_already() {
        String supplied = "x".repeat(40);
        TokenService other = new TokenService(tokenStore, Clock.systemUTC(), new SecureRandom());
        tokens.create("made-by-cli", Role.ADMIN, ADMIN);

        assertThat(other.bootstrap(supplied, "boot")).isEmpty();
        assertThat(new StoredTokenAuthenticator(tokenStore).authenticate(supplied))
                .isEmpty();
    }

    @Test
    void should_adopt_a_supplied_bootstrap_token_on_a_fresh_installation() {
        String supplied = "y".repeat(40);

        var adopted = tokens.bootstrap(supplied, "boot");

        assertThat(adopted).map(IssuedToken::secret).contains(supplied);
        assertThat(new StoredTokenAuthenticator(tokenStore).authenticate(supplied))
                .map(Caller::role)
                .contains(Role.ADMIN);
        assertThat(tokens.list()).extracting(ApiToken::name).containsExactly("bootstrap-admin");
    }

    private void execute(String sql) {
        database.jdbi().useHandle(h -> h.execute(sql));
    }

    private void disableAppendOnlyTriggers() {
        if (database.vendor().equals("sqlite")) {
            execute("DROP TRIGGER audit_log_no_update");
            execute("DROP TRIGGER audit_log_no_delete");
        } else {
            execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
        }
    }
}
