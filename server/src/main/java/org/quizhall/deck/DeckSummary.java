package org.quizhall.deck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A deck as listed: everything but its notes and questions. */
public record DeckSummary(
    UUID id,
    UUID ownerId,
    String title,
    boolean isPublic,
    int questionCount,
    Map<String, Integer> kinds,
    List<String> topics,
    List<GenerationWarning> warnings,
    Instant createdAt,
    Instant updatedAt) {}
