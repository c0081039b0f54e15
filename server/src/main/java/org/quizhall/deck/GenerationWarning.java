package org.quizhall.deck;

/** A line of notes that yielded no question, and why. */
public record GenerationWarning(int line, String text, String reason) {}
