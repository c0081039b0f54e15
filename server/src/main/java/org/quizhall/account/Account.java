package org.quizhall.account;

import java.util.UUID;

/** A signed-up person, as others may see them: never with the password hash. */
public record Account(UUID id, String username) {}
