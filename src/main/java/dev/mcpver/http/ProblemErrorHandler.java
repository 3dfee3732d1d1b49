package dev.mcpver.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's error handler for failures that never reach Javalin (a malformed URI, oversized headers): answers
 * problem+json instead of Jetty's HTML page, and never shows causes or stacks.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            @Nullable String message,
            @Nullable Throwable cause,
            Callback callback)
            throws IOException {
        Problem problem = ErrorMapper.fromStatus(code, message)
                .withInstance(
                        request.getHttpURI().getPath() == null
                                ? ""
                                : request.getHttpURI().getPath());
        String body = "{\"type\":\"about:blank\",\"title\":" + quote(problem.title()) + ",\"status\":"
                + problem.status() + ",\"detail\":" + quote(problem.detail()) + ",\"instance\":"
                + quote(String.valueOf(problem.instance())) + "}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
