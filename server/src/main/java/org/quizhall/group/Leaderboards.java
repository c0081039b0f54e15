package org.quizhall.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.UUID;
import org.quizhall.game.GameHistory;
import org.quizhall.problem.Problem;

/**
 * Standings that outlast a game: per group (this week, this month, all time; by points or by
 * accuracy), per deck (best games) and per person. They read the per-game totals each player's row
 * keeps once a game ends, so a leaderboard adds up games, not every single answer.
 */
public final class Leaderboards {

  public enum Period {
    WEEK,
    MONTH,
    ALL;

    static Period parse(String text) {
      try {
        return text == null ? WEEK : valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw Problem.invalid("invalid_period", "period is week, month or all.");
      }
    }
  }

  private final GameHistory history;
  private final Groups groups;
  private final Clock clock;

  public Leaderboards(GameHistory history, Groups groups, Clock clock) {
    this.history = history;
    this.groups = groups;
    this.clock = clock;
  }

  public Future<JsonObject> group(UUID groupId, UUID account, String periodText, String byText) {
    Period period = Period.parse(periodText);
    boolean byAccuracy = "accuracy".equals(byText);
    if (byText != null && !byAccuracy && !"points".equals(byText)) {
      return Future.failedFuture(Problem.invalid("invalid_order", "by is points or accuracy."));
    }
    Instant since = since(period);
    return groups
        .asMember(groupId, account)
        .compose(member -> history.groupStandings(groupId, since, byAccuracy))
        .map(
            lines -> {
              JsonArray entries = new JsonArray();
              int rank = 0;
              for (GameHistory.MemberTotals line : lines) {
                entries.add(
                    new JsonObject()
                        .put("rank", ++rank)
                        .put("username", line.username())
                        .put("points", line.points())
                        .put("accuracy", accuracy(line.correct(), line.answered()))
                        .put("games", line.games())
                        .put("bestStreak", line.bestStreak()));
              }
              return new JsonObject()
                  .put("period", period.name().toLowerCase(Locale.ROOT))
                  .put("by", byAccuracy ? "accuracy" : "points")
                  .put("since", since.toString())
                  .put("entries", entries);
            });
  }

  /** The best games played on a deck, for anyone who may see the deck. */
  public Future<JsonArray> deck(UUID deckId) {
    return history
        .bestOnDeck(deckId)
        .map(
            games -> {
              JsonArray best = new JsonArray();
              int rank = 0;
              for (GameHistory.BestGame game : games) {
                best.add(
                    new JsonObject()
                        .put("rank", ++rank)
                        .put("nickname", game.nickname())
                        .put("score", game.score())
                        .put("accuracy", accuracy(game.correct(), game.answered()))
                        .put("playedAt", game.playedAt().toString()));
              }
              return best;
            });
  }

  /** One person's record: games played, accuracy, best streak and recent games. */
  public Future<JsonObject> person(UUID account) {
    return history
        .person(account)
        .map(
            person -> {
              JsonArray games = new JsonArray();
              for (GameHistory.PlayedGame game : person.history()) {
                games.add(
                    new JsonObject()
                        .put("gameId", game.gameId().toString())
                        .put("roomCode", game.roomCode())
                        .put("deck", game.deckTitle())
                        .put("nickname", game.nickname())
                        .put("rank", game.rank())
                        .put("players", game.players())
                        .put("score", game.score())
                        .put("correct", game.correct())
                        .put("answered", game.answered())
                        .put("playedAt", game.playedAt().toString()));
              }
              GameHistory.PersonTotals totals = person.totals();
              return new JsonObject()
                  .put("gamesPlayed", totals.games())
                  .put("points", totals.points())
                  .put("accuracy", accuracy(totals.correct(), totals.answered()))
                  .put("bestStreak", totals.bestStreak())
                  .put("history", games);
            });
  }

  /** Calendar periods in UTC: the week starts on Monday. */
  Instant since(Period period) {
    LocalDate today = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    return switch (period) {
      case WEEK ->
          today
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .atStartOfDay()
              .toInstant(ZoneOffset.UTC);
      case MONTH -> today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      case ALL -> Instant.EPOCH;
    };
  }

  /** Correct over answered, to three decimals; 0 when nothing was answered. */
  static double accuracy(long correct, long answered) {
    return answered == 0 ? 0.0 : Math.round(1000.0 * correct / answered) / 1000.0;
  }
}
