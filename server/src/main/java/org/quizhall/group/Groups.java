package org.quizhall.group;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.quizhall.problem.Problem;

/**
 * Study groups: create, join by invite, leave; the owner renames, deletes, removes members and
 * rotates the invite. Whoever is not a member learns nothing: every read is a 404 for outsiders.
 */
public final class Groups {

  public static final int NAME_MAX = 80;
  public static final int DESCRIPTION_MAX = 1000;
  private static final String INVITE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";
  private static final int INVITE_LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A member as listed to the other members. */
  public record Member(UUID accountId, String username, String role, Instant joinedAt) {}

  private static final String GROUP_COLUMNS =
      "g.id, g.name, g.description, g.invite_code, m.role,"
          + " (SELECT count(*) FROM group_members c WHERE c.group_id = g.id)::int AS members";

  private final Pool pool;

  public Groups(Pool pool) {
    this.pool = pool;
  }

  public Future<Group> create(UUID owner, String name, String description) {
    String cleanName = checkName(name);
    String cleanDescription = checkDescription(description);
    String invite = newInvite();
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "INSERT INTO study_groups (name, description, owner_id, invite_code) VALUES ($1, $2, $3, $4)"
                        + " RETURNING id")
                .execute(Tuple.of(cleanName, cleanDescription, owner, invite))
                .compose(
                    rows -> {
                      UUID id = rows.iterator().next().getUUID("id");
                      return connection
                          .preparedQuery(
                              "INSERT INTO group_members (group_id, account_id, role) VALUES ($1, $2, 'owner')")
                          .execute(Tuple.of(id, owner))
                          .map(v -> new Group(id, cleanName, cleanDescription, invite, "owner", 1));
                    }));
  }

  public Future<List<Group>> mine(UUID account) {
    return pool.preparedQuery(
            "SELECT "
                + GROUP_COLUMNS
                + " FROM study_groups g JOIN group_members m ON m.group_id = g.id"
                + " WHERE m.account_id = $1 ORDER BY g.name")
        .execute(Tuple.of(account))
        .map(
            rows -> {
              List<Group> out = new ArrayList<>();
              rows.forEach(row -> out.add(group(row)));
              return out;
            });
  }

  /**
   * The group if {@code account} is a member; otherwise a 404, so outsiders cannot tell it exists.
   */
  public Future<Group> asMember(UUID groupId, UUID account) {
    return pool.preparedQuery(
            "SELECT "
                + GROUP_COLUMNS
                + " FROM study_groups g JOIN group_members m ON m.group_id = g.id"
                + " WHERE g.id = $1 AND m.account_id = $2")
        .execute(Tuple.of(groupId, account))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw notFound();
              }
              return group(rows.iterator().next());
            });
  }

  public Future<Group> asOwner(UUID groupId, UUID account) {
    return asMember(groupId, account)
        .map(
            group -> {
              if (!group.owner()) {
                throw new Problem(
                    Problem.Kind.FORBIDDEN, "not_owner", "Only the group's owner can do that.");
              }
              return group;
            });
  }

  public Future<List<Member>> members(UUID groupId, UUID account) {
    return asMember(groupId, account)
        .compose(
            group ->
                pool.preparedQuery(
                        "SELECT a.id, a.username, m.role, m.joined_at FROM group_members m"
                            + " JOIN accounts a ON a.id = m.account_id WHERE m.group_id = $1"
                            + " ORDER BY m.role DESC, lower(a.username)")
                    .execute(Tuple.of(groupId)))
        .map(
            rows -> {
              List<Member> out = new ArrayList<>();
              rows.forEach(
                  row ->
                      out.add(
                          new Member(
                              row.getUUID("id"),
                              row.getString("username"),
                              row.getString("role"),
                              row.getOffsetDateTime("joined_at").toInstant())));
              return out;
            });
  }

  public Future<Group> join(String inviteCode, UUID account) {
    String code = inviteCode == null ? "" : inviteCode.strip().toUpperCase(java.util.Locale.ROOT);
    return pool.preparedQuery(
            "INSERT INTO group_members (group_id, account_id, role)"
                + " SELECT id, $2, 'member' FROM study_groups WHERE invite_code = $1"
                + " ON CONFLICT DO NOTHING RETURNING group_id")
        .execute(Tuple.of(code, account))
        .compose(
            rows ->
                pool.preparedQuery("SELECT id FROM study_groups WHERE invite_code = $1")
                    .execute(Tuple.of(code)))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(
                    Problem.notFound(
                        "invite_not_found", "That invite code does not open any group."));
              }
              return asMember(rows.iterator().next().getUUID("id"), account);
            });
  }

  public Future<Group> update(UUID groupId, UUID account, String name, String description) {
    return asOwner(groupId, account)
        .compose(
            group -> {
              String newName = name == null ? group.name() : checkName(name);
              String newDescription =
                  description == null ? group.description() : checkDescription(description);
              return pool.preparedQuery(
                      "UPDATE study_groups SET name = $2, description = $3 WHERE id = $1")
                  .execute(Tuple.of(groupId, newName, newDescription))
                  .map(
                      v ->
                          new Group(
                              groupId,
                              newName,
                              newDescription,
                              group.inviteCode(),
                              group.role(),
                              group.members()));
            });
  }

  public Future<String> rotateInvite(UUID groupId, UUID account) {
    String invite = newInvite();
    return asOwner(groupId, account)
        .compose(
            group ->
                pool.preparedQuery("UPDATE study_groups SET invite_code = $2 WHERE id = $1")
                    .execute(Tuple.of(groupId, invite)))
        .map(invite);
  }

  public Future<Void> delete(UUID groupId, UUID account) {
    return asOwner(groupId, account)
        .compose(
            group ->
                pool.preparedQuery("DELETE FROM study_groups WHERE id = $1")
                    .execute(Tuple.of(groupId)))
        .mapEmpty();
  }

  public Future<Void> leave(UUID groupId, UUID account) {
    return asMember(groupId, account)
        .compose(
            group -> {
              if (group.owner()) {
                return Future.failedFuture(
                    Problem.conflict(
                        "owner_cannot_leave",
                        "The owner cannot leave the group; delete it instead."));
              }
              return removeMember(groupId, account);
            });
  }

  /**
   * Removes a member and gives the group a new invite code in the same transaction: the removed
   * member knows the old one, which would otherwise let them straight back in. Members already in
   * keep their place.
   */
  public Future<Void> remove(UUID groupId, UUID owner, String username) {
    return asOwner(groupId, owner)
        .compose(
            group ->
                pool.withTransaction(
                    connection ->
                        connection
                            .preparedQuery(
                                "DELETE FROM group_members m USING accounts a WHERE m.group_id = $1"
                                    + " AND m.account_id = a.id AND lower(a.username) = lower($2) AND m.role = 'member'")
                            .execute(Tuple.of(groupId, username == null ? "" : username))
                            .compose(
                                rows ->
                                    rows.rowCount() == 0
                                        ? Future.failedFuture(
                                            Problem.notFound(
                                                "member_not_found",
                                                "No such member in this group."))
                                        : connection
                                            .preparedQuery(
                                                "UPDATE study_groups SET invite_code = $2 WHERE id = $1")
                                            .execute(Tuple.of(groupId, newInvite()))
                                            .mapEmpty())));
  }

  /** Shares one of the owner's decks with the group, so every member can open rooms with it. */
  public Future<Void> shareDeck(UUID groupId, UUID account, UUID deckId) {
    return asMember(groupId, account)
        .compose(
            group ->
                pool.preparedQuery("UPDATE decks SET group_id = $1 WHERE id = $2 AND owner_id = $3")
                    .execute(Tuple.of(groupId, deckId, account)))
        .compose(
            rows ->
                rows.rowCount() == 0
                    ? Future.failedFuture(
                        Problem.notFound("deck_not_found", "There is no such deck of yours."))
                    : Future.succeededFuture());
  }

  private Future<Void> removeMember(UUID groupId, UUID account) {
    return pool.preparedQuery("DELETE FROM group_members WHERE group_id = $1 AND account_id = $2")
        .execute(Tuple.of(groupId, account))
        .mapEmpty();
  }

  private static Group group(Row row) {
    return new Group(
        row.getUUID("id"),
        row.getString("name"),
        row.getString("description"),
        row.getString("invite_code"),
        row.getString("role"),
        row.getInteger("members"));
  }

  private static String checkName(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > NAME_MAX) {
      throw Problem.invalid("invalid_name", "A group name is 1 to " + NAME_MAX + " characters.");
    }
    return clean;
  }

  private static String checkDescription(String description) {
    String clean = description == null ? "" : description.strip();
    if (clean.length() > DESCRIPTION_MAX) {
      throw Problem.invalid(
          "invalid_description", "A description is at most " + DESCRIPTION_MAX + " characters.");
    }
    return clean;
  }

  private static String newInvite() {
    char[] code = new char[INVITE_LENGTH];
    for (int i = 0; i < code.length; i++) {
      code[i] = INVITE_ALPHABET.charAt(RANDOM.nextInt(INVITE_ALPHABET.length()));
    }
    return new String(code);
  }

  private static Problem notFound() {
    return Problem.notFound("group_not_found", "There is no such group, or you are not in it.");
  }
}
