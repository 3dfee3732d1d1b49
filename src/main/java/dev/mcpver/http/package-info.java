/**
 * The HTTP edge on Javalin: one server, thin handlers per feature ({@link dev.mcpver.http.RouteGroup}), and one
 * place ({@link dev.mcpver.http.ErrorMapper}) that turns every failure into an RFC 9457
 * {@code application/problem+json} answer. Client mistakes are 4xx with a detail that says what to fix; only
 * real faults are 500, and those never carry a stack trace.
 */
@NullMarked
package dev.mcpver.http;

import org.jspecify.annotations.NullMarked;
