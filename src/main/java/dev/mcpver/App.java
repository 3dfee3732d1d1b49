package dev.mcpver;

public final class App {
    public static void main(String[] args) {}
}
