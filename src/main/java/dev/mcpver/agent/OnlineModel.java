package dev.mcpver.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the online planner: LangChain4j's {@link OpenAiChatModel} against any OpenAI-compatible endpoint, with
 * LangChain4j's own retries off ({@code maxRetries(0)}: the loop retries, visibly) and the header-keeping HTTP client.
 * For OpenRouter it adds the attribution headers and {@code provider.require_parameters} so routing skips providers
 * that would ignore the tools.
 */
final class OnlineModel {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineModel.class);

    private OnlineModel() {}

    static ChatModel build(AgentSettings settings, String modelId) {
        ApiKey key = settings.apiKey();
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl().toString())
                .apiKey(key == null ? null : key.reveal())
                .modelName(modelId)
                .timeout(settings.timeout())
                .maxRetries(0)
                .httpClientBuilder(HeaderKeepingHttpClient.builder())
                .customHeaders(attribution(settings))
                .parallelToolCalls(false)
                .logRequests(false)
                .logResponses(false)
                .listeners(List.of(new CallLog()));
        if ("openrouter".equals(settings.provider())) {
            builder.customParameters(Map.of("provider", Map.of("require_parameters", true)));
        }
        return builder.build();
    }

    /** OpenRouter's app attribution (harmless elsewhere); never credentials. */
    static Map<String, String> attribution(AgentSettings settings) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("HTTP-Referer", settings.appUrl());
        headers.put("X-Title", settings.appTitle());
        headers.put("X-OpenRouter-Title", settings.appTitle());
        return headers;
    }

    /** Metrics-style log lines only: persistence never happens in a listener (LangChain4j swallows their errors). */
    private static final class CallLog implements ChatModelListener {
        @Override
        public void onResponse(ChatModelResponseContext context) {
            LOG.atDebug()
                    .addKeyValue("operation", "MODEL_CALL")
                    .addKeyValue("runId", context.attributes().get("runId"))
                    .addKeyValue("stepIndex", context.attributes().get("stepIndex"))
                    .addKeyValue("model", context.chatResponse().modelName())
                    .log("model answered");
        }

        @Override
        public void onError(ChatModelErrorContext context) {
            LOG.atDebug()
                    .addKeyValue("operation", "MODEL_CALL_FAILED")
                    .addKeyValue("runId", context.attributes().get("runId"))
                    .addKeyValue("stepIndex", context.attributes().get("stepIndex"))
                    .addKeyValue("error", context.error().getClass().getSimpleName())
                    .log("model call failed");
        }
    }
}
