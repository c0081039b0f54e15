package org.quizhall.group;

import io.vertx.core.Future;
import java.util.Set;
import java.util.UUID;

/**
 * The questions of a deck that something still running asks the account (beside live rooms and
 * assignments), so practice neither shows nor reveals them until it is over.
 */
@FunctionalInterface
public interface QuestionsInPlay {

  Future<Set<String>> of(UUID deckId, UUID account);
}
