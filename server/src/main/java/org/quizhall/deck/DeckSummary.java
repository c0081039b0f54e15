package org.quizhall.deck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deck as listed: everything but its notes and questions.
 *
 * @param questionCount the questions a round can ask: not hidden, not waiting for review
 * @param defaultKinds the kinds a room offers when its host picks none; empty for every kind
 * @param revision counts every change to the deck's questions
 */
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
    Instant updatedAt,
    List<String> defaultKinds,
    int revision,
    UUID groupId) {}
