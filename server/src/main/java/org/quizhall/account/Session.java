package org.quizhall.account;

import java.time.Instant;

/** A fresh sign-in: the token is shown to its owner once and stored only as a digest. */
public record Session(String token, Instant expiresAt, Account account) {}
