package org.quizhall.game;

/** Every SQL statement about games, players and answers, in one place. */
final class GameSql {

  private GameSql() {}

  /** created_at is the server clock's time, as every later question about the game reads it. */
  static final String INSERT_GAME =
      "INSERT INTO games (id, room_code, deck_id, host_id, settings, group_id, created_at)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7)";

  static final String INSERT_GAME_QUESTION =
      "INSERT INTO game_questions (game_id, position, question_id, body) VALUES ($1, $2, $3, $4)";

  static final String INSERT_PLAYER =
      "INSERT INTO game_players (id, game_id, nickname, account_id, resume_hash, joined_at)"
          + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING";

  static final String MARK_STARTED = "UPDATE games SET started_at = $2 WHERE id = $1";

  static final String INSERT_ANSWER =
      "INSERT INTO answers (game_id, player_id, question_index, question_id, choice, text_answer, correct,"
          + " response_ms, points, answered_at, choices) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
          + " ON CONFLICT DO NOTHING";

  static final String MARK_ENDED = "UPDATE games SET ended_at = $2 WHERE id = $1";

  static final String SET_STANDING =
      "UPDATE game_players SET final_rank = $2, final_score = $3, correct_count = $4, answered_count = $5,"
          + " total_response_ms = $6, best_streak = $7 WHERE id = $1";

  /**
   * Who may read a game's results: its host, a signed-in participant, or a guest with their resume
   * token.
   */
  static final String CAN_READ =
      "SELECT g.id, coalesce(g.host_id = $2, false) AS is_host, coalesce(g.ended_at <= $4, false) AS ended"
          + " FROM games g WHERE g.id = $1 AND (g.host_id = $2"
          + " OR EXISTS (SELECT 1 FROM game_players p WHERE p.game_id = g.id"
          + " AND (p.account_id = $2 OR p.resume_hash = $3)))";

  static final String GAME =
      "SELECT id, room_code, deck_id, settings, created_at, started_at, ended_at FROM games WHERE id = $1";

  static final String PLAYER_RESULTS =
      "SELECT p.id, p.nickname, p.final_rank,"
          + " coalesce(sum(a.points), 0)::int AS score,"
          + " count(a.*) FILTER (WHERE a.correct)::int AS correct_count,"
          + " count(a.*)::int AS answered_count,"
          + " coalesce(avg(a.response_ms), 0)::float8 AS mean_response_ms,"
          + " coalesce(sum(a.response_ms), 0)::bigint AS total_response_ms"
          + " FROM game_players p LEFT JOIN answers a ON a.game_id = p.game_id AND a.player_id = p.id"
          + " WHERE p.game_id = $1 GROUP BY p.id, p.nickname, p.final_rank, p.joined_at"
          // Once the game is over, a player who neither answered nor was ranked (the host removed
          // them in the
          // lobby) has no line in its results.
          + " HAVING count(a.*) > 0 OR p.final_rank IS NOT NULL"
          + " OR NOT EXISTS (SELECT 1 FROM games g WHERE g.id = $1 AND g.ended_at <= $2)"
          + " ORDER BY p.final_rank NULLS LAST, score DESC, total_response_ms, p.joined_at";

  static final String QUESTIONS =
      "SELECT game_id, position, question_id, body FROM game_questions WHERE game_id = $1 ORDER BY position";

  static final String ANSWER_COUNTS =
      "SELECT question_index, choice, choices, correct, count(*)::int AS n FROM answers WHERE game_id = $1"
          + " GROUP BY question_index, choice, choices, correct";

  /**
   * Deck questions a game still in play is asking: a live room (not ended, opened in the last 12
   * hours, so a room lost without its end does not hold questions for ever), or an open assignment
   * of a group the account is in (so nobody can block practice for everyone by setting an
   * assignment in a group of their own).
   */
  static final String QUESTIONS_IN_PLAY =
      "SELECT DISTINCT q.question_id FROM game_questions q JOIN games g ON g.id = q.game_id"
          + " WHERE g.deck_id = $1 AND (g.ended_at IS NULL AND g.created_at > $3::timestamptz - interval '12 hours'"
          + " OR g.ended_at > $3 AND EXISTS (SELECT 1 FROM assignments a JOIN group_members m"
          + " ON m.group_id = a.group_id WHERE a.game_id = g.id AND m.account_id = $2))";

  /**
   * Games whose rooms may still be open, newest first: not ended, opened in the last 12 hours (as
   * {@link #QUESTIONS_IN_PLAY}), hosted by $1 or played in group $2, each with its deck's title and
   * how many joined. Whether a room is really open is for the room directory to say (a room closed
   * in its lobby leaves no end).
   */
  static final String UNFINISHED_GAMES =
      "SELECT g.id, g.room_code, g.group_id, g.created_at, g.started_at IS NOT NULL AS started, d.title AS deck_title,"
          + " (SELECT count(*) FROM game_players p WHERE p.game_id = g.id)::int AS players"
          + " FROM games g LEFT JOIN decks d ON d.id = g.deck_id"
          + " WHERE (g.host_id = $1 OR g.group_id = $2) AND g.ended_at IS NULL"
          + " AND g.created_at > $3::timestamptz - interval '12 hours' ORDER BY g.created_at DESC LIMIT 50";

  /** Whether the caller hosted the game (or only played in it), and whether they own its deck. */
  static final String SHEET_ACCESS =
      "SELECT coalesce(g.host_id = $2, false) AS is_host, g.deck_id, coalesce(d.owner_id = $2, false) AS owns_deck"
          + " FROM games g LEFT JOIN decks d ON d.id = g.deck_id WHERE g.id = $1 AND (g.host_id = $2"
          + " OR EXISTS (SELECT 1 FROM game_players p WHERE p.game_id = g.id AND p.account_id = $2))";

  static final String SHEET_ANSWERS =
      "SELECT player_id, question_index, choice, choices, text_answer, correct, points, response_ms FROM answers"
          + " WHERE game_id = $1";

  /** For each of a set of games, who opened its room and the questions it asks, in order. */
  static final String OPENINGS =
      "SELECT g.id, g.host_id,"
          + " (SELECT jsonb_agg(q.body ORDER BY q.position) FROM game_questions q WHERE q.game_id = g.id) AS questions"
          + " FROM games g WHERE g.id = ANY($1)";

  static final String SEATS =
      "SELECT id, nickname, account_id, resume_hash FROM game_players WHERE game_id = $1 ORDER BY joined_at";

  static final String ANSWERS_FROM =
      "SELECT player_id, question_index, choice, text_answer, choices, correct, response_ms, points FROM answers"
          + " WHERE game_id = $1 AND question_index >= $2";

  /**
   * Members' finished games in group $1 since $2, summed per member; {@code %s} is the order (one
   * of {@link #BY_POINTS} and {@link #BY_ACCURACY}).
   */
  static final String GROUP_STANDINGS =
      "SELECT a.username, sum(p.final_score)::bigint AS points, sum(p.correct_count)::bigint AS correct,"
          + " sum(p.answered_count)::bigint AS answered, count(*)::int AS games, max(p.best_streak) AS best_streak"
          + " FROM games g"
          + " JOIN game_players p ON p.game_id = g.id"
          + " JOIN group_members m ON m.group_id = g.group_id AND m.account_id = p.account_id"
          + " JOIN accounts a ON a.id = p.account_id"
          + " WHERE g.group_id = $1 AND g.ended_at >= $2 AND p.final_score IS NOT NULL"
          + " GROUP BY a.username"
          + " ORDER BY %s LIMIT "
          + GameHistory.STANDINGS_LIMIT;

  static final String BY_POINTS = "points DESC, correct DESC, a.username";

  static final String BY_ACCURACY =
      "(sum(p.correct_count)::float8 / greatest(sum(p.answered_count), 1)) DESC, answered DESC, a.username";

  static final String BEST_ON_DECK =
      "SELECT p.nickname, p.final_score, p.correct_count, p.answered_count, g.ended_at FROM games g"
          + " JOIN game_players p ON p.game_id = g.id"
          + " WHERE g.deck_id = $1 AND g.group_id IS NULL AND g.ended_at <= $2"
          + " AND p.final_score IS NOT NULL AND NOT p.self_paced"
          + " ORDER BY p.final_score DESC, g.ended_at LIMIT 20";

  static final String PERSON_TOTALS =
      "SELECT count(*)::int AS games, coalesce(sum(p.final_score), 0)::bigint AS points,"
          + " coalesce(sum(p.correct_count), 0)::bigint AS correct,"
          + " coalesce(sum(p.answered_count), 0)::bigint AS answered,"
          + " coalesce(max(p.best_streak), 0)::int AS best_streak"
          + " FROM game_players p WHERE p.account_id = $1 AND p.final_score IS NOT NULL";

  static final String PERSON_HISTORY =
      "SELECT g.id, g.room_code, d.title, p.nickname, p.final_rank, p.final_score, p.correct_count,"
          + " p.answered_count, g.ended_at,"
          + " (SELECT count(*) FROM game_players o WHERE o.game_id = g.id)::int AS players"
          + " FROM game_players p JOIN games g ON g.id = p.game_id LEFT JOIN decks d ON d.id = g.deck_id"
          + " WHERE p.account_id = $1 AND g.ended_at <= $2 ORDER BY g.ended_at DESC LIMIT 50";

  /**
   * The share of signed-in players' answers that were right, per deck question, over group $1's
   * games.
   */
  static final String GROUP_ACCURACY =
      "SELECT a.question_id, avg(a.correct::int)::float8 AS accuracy, count(*)::int AS answers"
          + " FROM games g JOIN answers a ON a.game_id = g.id"
          + " JOIN game_players p ON p.id = a.player_id AND p.account_id IS NOT NULL"
          + " WHERE g.group_id = $1 GROUP BY a.question_id";

  /** Account $1's first answer in any game (live or an assignment) to each question of deck $2. */
  static final String FIRST_ANSWERS =
      "SELECT DISTINCT ON (a.question_id) a.question_id, a.correct, a.answered_at"
          + " FROM answers a JOIN game_players p ON p.id = a.player_id"
          + " WHERE p.account_id = $1"
          + " AND a.question_id IN (SELECT question_id FROM deck_questions WHERE deck_id = $2)"
          + " ORDER BY a.question_id, a.answered_at";

  /** A self-paced game runs for its assignment's window. */
  static final String SCHEDULE = "UPDATE games SET started_at = $2, ended_at = $3 WHERE id = $1";

  /**
   * For each of a set of self-paced games, how many questions it asks and how far account $2 has
   * got.
   */
  static final String SELF_PACED_PROGRESS =
      "SELECT g.id, (SELECT count(*) FROM game_questions q WHERE q.game_id = g.id)::int AS questions,"
          + " coalesce(p.answered_count, 0) AS answered, coalesce(p.final_score, 0) AS score"
          + " FROM games g LEFT JOIN game_players p ON p.game_id = g.id AND p.account_id = $2 AND p.self_paced"
          + " WHERE g.id = ANY($1)";

  static final String SELF_PACED_SHEET =
      "SELECT q.position, q.body, a.correct, a.points FROM game_questions q"
          + " LEFT JOIN game_players p ON p.game_id = q.game_id AND p.account_id = $2 AND p.self_paced"
          + " LEFT JOIN answers a ON a.player_id = p.id AND a.question_index = q.position"
          + " WHERE q.game_id = $1 ORDER BY q.position";

  static final String QUESTION_AT =
      "SELECT body FROM game_questions WHERE game_id = $1 AND position = $2";

  static final String INSERT_SELF_PACED_ANSWER =
      "INSERT INTO answers (game_id, player_id, question_index, question_id, choice,"
          + " text_answer, correct, response_ms, points, answered_at, choices)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9, $10) ON CONFLICT DO NOTHING";

  static final String ADD_TO_SELF_PACED_SEAT =
      "UPDATE game_players SET final_score = final_score + $2,"
          + " correct_count = correct_count + $3, answered_count = answered_count + 1"
          + " WHERE id = $1 RETURNING final_score, answered_count";

  /**
   * A member's seat in a self-paced game, named after their account, made on their first answer.
   */
  static final String INSERT_SELF_PACED_SEAT =
      "INSERT INTO game_players (id, game_id, nickname, account_id, resume_hash, joined_at, final_score,"
          + " correct_count, answered_count, total_response_ms, best_streak, self_paced)"
          + " SELECT $1, $2, a.username, a.id, $4, $5, 0, 0, 0, 0, 0, true FROM accounts a WHERE a.id = $3"
          + " ON CONFLICT (game_id, account_id) WHERE self_paced DO NOTHING";

  static final String SELF_PACED_SEAT =
      "SELECT id FROM game_players WHERE game_id = $1 AND account_id = $2 AND self_paced";

  static final String SELF_PACED_STANDINGS =
      "SELECT p.nickname, p.final_score, p.correct_count, p.answered_count FROM game_players p"
          + " WHERE p.game_id = $1 AND p.self_paced"
          + " ORDER BY p.final_score DESC, p.answered_count, p.joined_at LIMIT 100";

  /**
   * The injected clock's time as a query parameter: which games have ended, which are recent, is
   * decided by the server's one clock, never by the database's now(), which a test clock does not
   * move. now() is left only where a row records when it was written.
   */
  static java.time.OffsetDateTime at(java.time.Clock clock) {
    return java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
  }
}
