package dev.mcpver.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.testing.MigrationTestbed;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles, confirmations and hints of the deployment, rollback, migration and update tools. */
class DeploymentToolsTest {
    @TempDir
    Path temp;

    MigrationTestbed bed;
    ToolCatalog catalog;

    @BeforeEach
    void setUp() {
        bed = new MigrationTestbed(temp, false);
        catalog = new ToolCatalog(bed.wiring.tools());
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private ToolOutcome call(String tool, String args, Role role, boolean confirmed) {
        ToolContext context = ToolContext.of(new Caller("token:t", role), "req");
        return catalog.call(tool, Json.read(args), confirmed ? context.confirm() : context);
    }

    @Test
    void should_keep_launch_specs_for_admins_and_restores_behind_a_confirmation() {
        String register = "{\"server\":\"s\",\"environment\":\"prod\",\"launch\":{\"command\":\"node\"}}";

        assertThat(call("deployment_register", register, Role.OPERATOR, false))
                .isInstanceOfSatisfying(
                        ToolOutcome.Failed.class, f -> assertThat(f.code()).isEqualTo("forbidden"));
        assertThat(call("deployment_register", register, Role.ADMIN, false).ok())
                .isTrue();
        assertThat(call("rollback_restore", "{\"pointId\":\"x\"}", Role.OPERATOR, false))
                .isInstanceOfSatisfying(
                        ToolOutcome.Failed.class, f -> assertThat(f.code()).isEqualTo("confirmation_required"));
        assertThat(call("rollback_restore", "{\"pointId\":\"x\"}", Role.OPERATOR, true))
                .isInstanceOfSatisfying(
                        ToolOutcome.Failed.class, f -> assertThat(f.code()).isEqualTo("not_found"));
        assertThat(call(
                        "migration_plan",
                        "{\"deployment\":\"s/prod\",\"toVersion\":\"1.0.0\",\"options\":{\"launch\":"
                                + "{\"command\":\"sh\"}}}",
                        Role.OPERATOR,
                        false))
                .isInstanceOfSatisfying(
                        ToolOutcome.Failed.class, f -> assertThat(f.message()).contains("admin role"));
        assertThat(call("rollback_list", "{}", Role.VIEWER, false).ok()).isTrue();
    }

    @Test
    void should_mark_reads_read_only_and_restores_destructive() {
        for (ToolDef tool : catalog.tools()) {
            boolean read = tool.name().endsWith("_list")
                    || tool.name().endsWith("_get")
                    || tool.name().equals("rollback_verify")
                    || tool.name().equals("rollback_history")
                    || tool.name().equals("migration_guide");
            assertThat(tool.hints().readOnly())
                    .as(tool.name())
                    .isEqualTo(read
                            || tool.name().equals("migration_plan_get")
                            || tool.name().equals("deployment_probe"));
        }
        assertThat(catalog.find("rollback_restore").orElseThrow().hints().destructive())
                .isTrue();
        assertThat(catalog.find("rollback_restore").orElseThrow().requiresConfirmation())
                .isTrue();
    }

    @Test
    void should_name_the_field_of_a_bad_argument() {
        ToolOutcome outcome = call(
                "update_schedule",
                "{\"deployment\":\"fixture/staging\",\"toVersion\":\"1.1.0\"," + "\"strategy\":\"yolo\"}",
                Role.OPERATOR,
                true);

        assertThat(outcome).isInstanceOfSatisfying(ToolOutcome.Failed.class, f -> {
            assertThat(f.code()).isEqualTo("invalid_arguments");
            assertThat(f.message())
                    .isEqualTo("strategy 'yolo' is unknown: use immediate, rolling, blue_green or canary");
        });
        JsonNode invalid = Json.read(
                "{\"deployment\":\"fixture/staging\",\"toVersion\":\"1.1.0\",\"validationChecks\":[\"health\"]}");
        ToolOutcome refused = catalog.call(
                "update_schedule",
                invalid,
                ToolContext.of(new Caller("t", Role.ADMIN), "r").confirm());
        assertThat(refused).isInstanceOfSatisfying(ToolOutcome.Failed.class, f -> {
            assertThat(f.code()).isEqualTo("invalid_plan");
            assertThat(f.message())
                    .contains("automatic_rollback must be true")
                    .contains("no deployment fixture/staging");
        });
    }
}
