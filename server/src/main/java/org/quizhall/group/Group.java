package org.quizhall.group;

import java.util.UUID;

/** A study group as one of its members sees it. */
public record Group(
    UUID id, String name, String description, String inviteCode, String role, int members) {

  public boolean owner() {
    return "owner".equals(role);
  }
}
