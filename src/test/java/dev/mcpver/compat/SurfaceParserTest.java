package dev.mcpver.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.compat.json.JsonValue;
import org.junit.jupiter.api.Test;

class SurfaceParserTest {
    @Test
    void should_read_a_raw_tools_list_result() {
        Surface surface =
                Surfaces.surface("{'tools':[{'name':'a','inputSchema':{'type':'object'}}],'nextCursor':null}");

        assertThat(surface.tools().items()).extracting(Surface.Tool::name).containsExactly("a");
        assertThat(surface.prompts().state()).isEqualTo(Surface.ListState.UNKNOWN);
    }

    @Test
    void should_unwrap_a_json_rpc_initialize_response() {
        Surface surface = Surfaces.surface("{'jsonrpc':'2.0','id':1,'result':{'protocolVersion':'2025-06-18',"
                + "'capabilities':{'tools':{}},'serverInfo':{'name':'x','version':'1.2.3'},'instructions':'hi'}}");

        assertThat(surface.protocol().negotiated()).isEqualTo("2025-06-18");
        assertThat(surface.protocol().probed()).isFalse();
        assertThat(surface.instructions()).isEqualTo("hi");
        assertThat(surface.tools().state()).isEqualTo(Surface.ListState.UNKNOWN);
        assertThat(surface.prompts().state()).isEqualTo(Surface.ListState.ABSENT);
    }

    @Test
    void should_read_a_discover_result_as_probed_protocol_revisions() {
        Surface surface = Surfaces.surface("{'supportedVersions':['2025-11-25','2026-07-28'],'capabilities':{},"
                + "'serverInfo':{'name':'x','version':'1'}}");

        assertThat(surface.protocol().probed()).isTrue();
        assertThat(surface.protocol().versions()).containsExactly("2025-11-25", "2026-07-28");
    }

    @Test
    void should_treat_null_as_an_absent_capability_and_a_nested_list_result_as_its_items() {
        Surface surface = Surfaces.surface("{'tools':null,'prompts':{'prompts':[{'name':'p'}]}}");

        assertThat(surface.tools().state()).isEqualTo(Surface.ListState.ABSENT);
        assertThat(surface.prompts().items()).extracting(Surface.Prompt::name).containsExactly("p");
    }

    @Test
    void should_read_the_operator_contract_of_a_registry_server_json() {
        Surface surface = Surfaces.surface("{'config':{'name':'io.github.x/y','packages':[{'registryType':'npm',"
                + "'identifier':'y','transport':{'type':'stdio'},'environmentVariables':[{'name':'TOKEN','isRequired':true,"
                + "'isSecret':true}],'packageArguments':[{'type':'named','name':'--root','isRequired':true}]}],"
                + "'remotes':[{'type':'streamable-http','url':'https://x'}]}}");

        Surface.Config config = surface.config();
        assertThat(config).isNotNull();
        assertThat(config.env())
                .singleElement()
                .satisfies(e -> assertThat(e.required() && e.secret()).isTrue());
        assertThat(config.arguments()).extracting(Surface.ConfigArgument::key).containsExactly("--root");
        assertThat(config.transports()).containsExactly("remote:streamable-http", "stdio");
    }

    @Test
    void should_write_a_surface_file_that_reads_back_equal() {
        Surface surface = Surfaces.surface("{'server':{'name':'s','version':'1.0.0','mcpName':'io.github.s/s'},"
                + "'initialize':{'protocolVersion':'2025-11-25','capabilities':{'tools':{},'resources':{}},"
                + "'serverInfo':{'name':'s','version':'1.0.0'}},'supportedProtocolVersions':['2025-11-25'],"
                + "'tools':[{'name':'a','title':'A','inputSchema':{'type':'object'},'annotations':{'readOnlyHint':true},"
                + "'execution':{'taskSupport':'optional'},'_meta':{'k':1}}],'resources':[{'uri':'x://1','name':'one','size':3}],"
                + "'resourceTemplates':[],'dependencies':{'ecosystem':'npm','declared':{'zod':'^3'}},"
                + "'config':{'env':[{'name':'A','required':true}],'transports':['stdio']}}");

        JsonValue file = SurfaceWriter.write(surface);
        Surface again = SurfaceParser.parse(file);

        assertThat(again).usingRecursiveComparison().ignoringFields("source").isEqualTo(surface);
        assertThat(SurfaceWriter.write(again)).isEqualTo(file);
    }

    @Test
    void should_name_the_json_pointer_of_structural_errors() {
        assertThatThrownBy(() ->
                        Surfaces.surface("{'tools':[{'name':'a','inputSchema':{}},{'name':'a','inputSchema':{}}]}"))
                .hasMessage("/tools/1/name: duplicate name 'a' (first at /tools/0)");
        assertThatThrownBy(() -> Surfaces.surface("{'tools':[{'name':'a','annotations':[]}]}"))
                .hasMessage("/tools/0/annotations: expected an object, found array");
        assertThatThrownBy(() -> Surfaces.surface("{'prompts':[{'name':'p','arguments':[{'required':true}]}]}"))
                .hasMessage("/prompts/0/arguments/0/name: required string is missing");
        assertThatThrownBy(() -> Surfaces.surface("{'schemaVersion':9}"))
                .hasMessageContaining("unsupported surface schemaVersion 9");
        assertThatThrownBy(() -> Surfaces.surface("{'hello':'world'}")).hasMessageStartingWith("/: not a surface");
        assertThatThrownBy(() -> SurfaceParser.parse(JsonValue.of("x")))
                .hasMessage("/: expected an object, found string");
    }
}
