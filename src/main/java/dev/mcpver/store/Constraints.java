package dev.mcpver.store;

import java.sql.SQLException;

/** Recognises constraint violations across vendors, so stores can turn them into expected outcomes. */
final class Constraints {
    private Constraints() {}

    /** A UNIQUE or PRIMARY KEY violation anywhere in the cause chain (PostgreSQL 23505, SQLite CONSTRAINT_UNIQUE/PK). */
    static boolean uniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUnique(sql)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Runs a write that answers whether it applied, treating a UNIQUE violation as "already there" ({@code false}):
     * the database, not a read before the write, decides between two concurrent creators.
     */
    static boolean unlessDuplicate(java.util.function.BooleanSupplier write) {
        try {
            return write.getAsBoolean();
        } catch (org.jdbi.v3.core.JdbiException e) {
            if (uniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isUnique(SQLException sql) {
        String message = String.valueOf(sql.getMessage());
        return "23505".equals(sql.getSQLState())
                || message.contains("UNIQUE constraint failed")
                || message.contains("PRIMARY KEY constraint failed");
    }
}
