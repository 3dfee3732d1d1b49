/**
 * The web UI: static files (HTML, ES modules, CSS, SVG charts drawn in the browser) served from the classpath by
 * the same Javalin server at {@code /}. No build step, no CDN, works offline (ADR 0070).
 */
@NullMarked
package dev.mcpver.web;

import org.jspecify.annotations.NullMarked;
