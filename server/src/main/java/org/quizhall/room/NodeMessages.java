package org.quizhall.room;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.quizhall.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a room and the nodes holding its sockets say to each other over the clustered event bus, as
 * typed messages, and the one codec between them and the bus's JSON.
 *
 * <p>Every message is read in either of two forms ({@link Form}). The previous release's has no
 * version: a request names its operation in {@code "op"} (the owner's console attaches as {@code
 * "host"} with an {@code "account"}), a delivery lists each recipient as a bare array, {@code
 * [conn, text]} or {@code [conn, code, reason]}, and a problem travels under its kind's position in
 * the previous release's declaration, frozen in {@link #PREVIOUS_KINDS}. The versioned form carries
 * {@code "v": 1}, names every operation, tags each recipient ({@code "t"} or {@code "c"}) and sends
 * a problem's kind by name, so a later release may reorder or add to them.
 *
 * <p>This release sends the previous release's form ({@link #SENT}), requests, replies, problems
 * and deliveries alike, so that while a cluster is upgraded one node at a time every node reads
 * what every other sends. Choosing the form per peer would need each node to learn the release of
 * whichever node holds a room address before each send (and a room moves when its node dies); the
 * previous form carries everything the records below hold, so one form for everyone is enough. The
 * next release sends the versioned form, which this one already reads; the one after may stop
 * reading the previous form.
 *
 * <p>A message neither form describes (another version, an operation or tag neither knows, a field
 * missing or of the wrong type) is refused with {@code node_version}, never misread or dropped
 * unseen: each sort of refusal is logged the first time, then at most once a minute with a count.
 */
final class NodeMessages {

  /** The version the versioned form carries. */
  static final int VERSION = 1;

  /** The reply failure code every problem travels under in the versioned form. */
  static final int PROBLEM = 400;

  /** The two forms a message between nodes may take. */
  enum Form {
    /** The previous release's: no version, kinds by position, recipients by length. */
    PREVIOUS,
    /** Version {@link #VERSION}: operations, tags and kinds by name. */
    VERSIONED
  }

  /** The form this release sends: one every node of the previous release reads. */
  static final Form SENT = Form.PREVIOUS;

  /**
   * Problem kinds in the order the previous release declared them, the order its failure codes
   * count in. Frozen: it does not follow {@link Problem.Kind}, whatever is added to that or moved.
   */
  static final List<Problem.Kind> PREVIOUS_KINDS =
      List.of(
          Problem.Kind.INVALID,
          Problem.Kind.UNAUTHENTICATED,
          Problem.Kind.FORBIDDEN,
          Problem.Kind.NOT_FOUND,
          Problem.Kind.CONFLICT,
          Problem.Kind.TOO_LARGE,
          Problem.Kind.UNSUPPORTED_MEDIA,
          Problem.Kind.UNPROCESSABLE,
          Problem.Kind.TOO_MANY_REQUESTS,
          Problem.Kind.UNAVAILABLE);

  private static final Logger log = LoggerFactory.getLogger(NodeMessages.class);

  private NodeMessages() {}

  /** A request from a socket on {@code node} to the room it talks to. */
  sealed interface Request
      permits Join, Resume, AttachHost, AttachOwner, Run, Disconnected, HostDisconnected {
    String node();
  }

  /** A player joins from connection {@code conn} of {@code node}. */
  record Join(String node, String conn, String nickname, UUID accountId, String address)
      implements Request {}

  /** A player takes their seat back with the token they were given on joining. */
  record Resume(String node, String conn, String resumeToken) implements Request {}

  /** The host's console attaches with the digest of its host token. */
  record AttachHost(String node, String conn, String digestBase64) implements Request {
    AttachHost(String node, String conn, byte[] digest) {
      this(node, conn, Base64.getEncoder().encodeToString(digest));
    }

    byte[] digest() {
      return Base64.getDecoder().decode(digestBase64);
    }
  }

  /** The signed-in owner's console attaches. */
  record AttachOwner(String node, String conn, UUID account) implements Request {}

  /** A socket's frame, to be run as the room's command ({@code player} null for the host's). */
  record Run(String node, String player, JsonObject command) implements Request {}

  /** A player's socket on {@code node} closed ({@code conn} null once that node had let it go). */
  record Disconnected(String node, String conn, String player) implements Request {}

  /** The host's socket on {@code node} closed. */
  record HostDisconnected(String node, String conn) implements Request {}

  static JsonObject encode(Request request) {
    return encode(request, SENT);
  }

  static JsonObject encode(Request request, Form form) {
    JsonObject out = start(form).put("node", request.node());
    if (request instanceof Join j) {
      return out.put("op", "join")
          .put("conn", j.conn())
          .put("nickname", j.nickname())
          .put("accountId", j.accountId() == null ? null : j.accountId().toString())
          .put("address", j.address());
    }
    if (request instanceof Resume r) {
      return out.put("op", "resume").put("conn", r.conn()).put("resumeToken", r.resumeToken());
    }
    if (request instanceof AttachHost h) {
      return out.put("op", "host").put("conn", h.conn()).put("digest", h.digestBase64());
    }
    if (request instanceof AttachOwner o) {
      // The previous release knows no "owner": it tells the owner's "host" by its account.
      return out.put("op", form == Form.PREVIOUS ? "host" : "owner")
          .put("conn", o.conn())
          .put("account", o.account().toString());
    }
    if (request instanceof Run r) {
      return out.put("op", "run").put("player", r.player()).put("command", r.command());
    }
    if (request instanceof Disconnected d) {
      return out.put("op", "disconnected").put("conn", d.conn()).put("player", d.player());
    }
    HostDisconnected h = (HostDisconnected) request;
    return out.put("op", "hostDisconnected").put("conn", h.conn());
  }

  /**
   * The request a message carries, in either form.
   *
   * @throws Problem {@code node_version} for a message neither form describes
   */
  static Request decode(Object message) {
    JsonObject body = object(message, "request");
    Form form = formOf(body, "request");
    String op = null;
    try {
      op = body.getString("op");
      if (op == null) {
        throw refused("a request without an op");
      }
      return switch (form) {
        case PREVIOUS -> previousRequest(op, body);
        case VERSIONED -> versionedRequest(op, body);
      };
    } catch (ClassCastException | IllegalArgumentException malformed) {
      throw refused(
          "a request" + (op == null ? "" : " " + quoted(op)) + " with a field missing or mistyped");
    }
  }

  private static Request previousRequest(String op, JsonObject body) {
    return switch (op) {
      case "join" -> join(body);
      case "resume" -> resume(body);
      case "host" -> body.getValue("account") != null ? owner(body) : host(body);
      case "run" -> run(body);
      case "disconnected" -> disconnected(body);
      case "hostDisconnected" -> hostDisconnected(body);
      default -> throw refused("an unversioned request with the unknown op " + quoted(op));
    };
  }

  private static Request versionedRequest(String op, JsonObject body) {
    return switch (op) {
      case "join" -> join(body);
      case "resume" -> resume(body);
      case "host" -> host(body);
      case "owner" -> owner(body);
      case "run" -> run(body);
      case "disconnected" -> disconnected(body);
      case "hostDisconnected" -> hostDisconnected(body);
      default ->
          throw refused("a version " + VERSION + " request with the unknown op " + quoted(op));
    };
  }

  private static Join join(JsonObject body) {
    String account = body.getString("accountId");
    return new Join(
        required(body, "node"),
        required(body, "conn"),
        body.getString("nickname"),
        account == null ? null : UUID.fromString(account),
        body.getString("address"));
  }

  private static Resume resume(JsonObject body) {
    return new Resume(
        required(body, "node"), required(body, "conn"), body.getString("resumeToken"));
  }

  private static AttachHost host(JsonObject body) {
    String digest = required(body, "digest");
    Base64.getDecoder().decode(digest);
    return new AttachHost(required(body, "node"), required(body, "conn"), digest);
  }

  private static AttachOwner owner(JsonObject body) {
    return new AttachOwner(
        required(body, "node"), required(body, "conn"), UUID.fromString(required(body, "account")));
  }

  private static Run run(JsonObject body) {
    JsonObject command = body.getJsonObject("command");
    if (command == null) {
      throw new IllegalArgumentException("command");
    }
    return new Run(required(body, "node"), body.getString("player"), command);
  }

  private static Disconnected disconnected(JsonObject body) {
    return new Disconnected(
        required(body, "node"), body.getString("conn"), body.getString("player"));
  }

  private static HostDisconnected hostDisconnected(JsonObject body) {
    return new HostDisconnected(required(body, "node"), body.getString("conn"));
  }

  /** A seat the room gave a player, as the reply to a join or a resume. */
  static JsonObject encodeSeat(RoomGame.Seat seat) {
    return encodeSeat(seat, SENT);
  }

  static JsonObject encodeSeat(RoomGame.Seat seat, Form form) {
    return start(form)
        .put("playerId", seat.playerId())
        .put("nickname", seat.nickname())
        .put("resumeToken", seat.resumeToken());
  }

  /**
   * The seat a reply carries, in either form (they differ only in the version).
   *
   * @throws Problem {@code node_version} for a reply neither form describes
   */
  static RoomGame.Seat decodeSeat(Object message) {
    JsonObject body = object(message, "seat");
    formOf(body, "seat");
    try {
      return new RoomGame.Seat(
          required(body, "playerId"), required(body, "nickname"), required(body, "resumeToken"));
    } catch (ClassCastException | IllegalArgumentException malformed) {
      throw refused("a seat with a field missing or mistyped");
    }
  }

  /** The reply to a request that needs none but its success. */
  static JsonObject done() {
    return start(SENT);
  }

  /** A problem as the reply failure that carries it, in the form this node sends. */
  static ReplyException encodeProblem(Problem problem) {
    return encodeProblem(problem, SENT);
  }

  static ReplyException encodeProblem(Problem problem, Form form) {
    return switch (form) {
      case PREVIOUS -> {
        int at = PREVIOUS_KINDS.indexOf(problem.kind());
        // The previous release told a kind it did not know as a conflict.
        int code = at >= 0 ? at : PREVIOUS_KINDS.indexOf(Problem.Kind.CONFLICT);
        yield new ReplyException(
            ReplyFailure.RECIPIENT_FAILURE, code, problem.code() + "\n" + problem.getMessage());
      }
      case VERSIONED ->
          new ReplyException(
              ReplyFailure.RECIPIENT_FAILURE,
              PROBLEM,
              problem.kind().name() + "\n" + problem.code() + "\n" + problem.getMessage());
    };
  }

  /**
   * The problem a failed request came back with, in either form: {@code node_version} for a room's
   * answer neither describes, or null when the failure is not a room's answer (no node took the
   * request, or it timed out).
   */
  static Problem decodeProblem(Throwable failure) {
    if (!(failure instanceof ReplyException reply)
        || reply.failureType() != ReplyFailure.RECIPIENT_FAILURE) {
      return null;
    }
    int code = reply.failureCode();
    String text = reply.getMessage() == null ? "" : reply.getMessage();
    if (code == PROBLEM) {
      String[] parts = text.split("\n", 3);
      if (parts.length == 3) {
        Problem.Kind kind;
        try {
          kind = Problem.Kind.valueOf(parts[0]);
        } catch (IllegalArgumentException unknown) {
          // A kind added by a newer node: still the room's answer, told as a conflict.
          kind = Problem.Kind.CONFLICT;
        }
        return new Problem(kind, parts[1], parts[2]);
      }
    } else if (code >= 0 && code < PREVIOUS_KINDS.size()) {
      int cut = text.indexOf('\n');
      if (cut >= 0) {
        return new Problem(
            PREVIOUS_KINDS.get(code), text.substring(0, cut), text.substring(cut + 1));
      }
    }
    return refused("a room's failure with code " + code);
  }

  /**
   * What a room sends a node's sockets in one burst: each distinct text once, then who gets what.
   */
  record Delivery(List<String> texts, List<Recipient> to) {}

  /** One socket's part of a delivery. */
  sealed interface Recipient permits Text, Close {
    String conn();
  }

  /** Connection {@code conn} gets the delivery's text at {@code text}. */
  record Text(String conn, int text) implements Recipient {}

  /** Connection {@code conn} is closed with this code and reason. */
  record Close(String conn, int code, String reason) implements Recipient {}

  static JsonObject encode(Delivery delivery) {
    return encode(delivery, SENT);
  }

  /**
   * A delivery as JSON: the texts once, then each recipient as an array rather than an object,
   * since a broadcast lists every player. The previous form tells a text ({@code [conn, text]})
   * from a close ({@code [conn, code, reason]}) by length; the versioned one leads with a tag,
   * {@code ["t", conn, text]} or {@code ["c", conn, code, reason]}.
   */
  static JsonObject encode(Delivery delivery, Form form) {
    JsonArray to = new JsonArray();
    for (Recipient r : delivery.to()) {
      JsonArray entry = new JsonArray();
      if (r instanceof Text t) {
        if (form == Form.VERSIONED) {
          entry.add("t");
        }
        entry.add(t.conn()).add(t.text());
      } else {
        Close c = (Close) r;
        if (form == Form.VERSIONED) {
          entry.add("c");
        }
        entry.add(c.conn()).add(c.code()).add(c.reason());
      }
      to.add(entry);
    }
    return start(form).put("texts", new JsonArray(new ArrayList<>(delivery.texts()))).put("to", to);
  }

  /**
   * The delivery a message carries, in either form.
   *
   * @throws Problem {@code node_version} for a message neither form describes
   */
  static Delivery decodeDelivery(Object message) {
    JsonObject body = object(message, "delivery");
    Form form = formOf(body, "delivery");
    try {
      List<String> texts = new ArrayList<>();
      for (Object t : requiredArray(body, "texts")) {
        if (!(t instanceof String text)) {
          throw new IllegalArgumentException("texts");
        }
        texts.add(text);
      }
      List<Recipient> to = new ArrayList<>();
      for (Object o : requiredArray(body, "to")) {
        if (!(o instanceof JsonArray entry)) {
          throw new IllegalArgumentException("to");
        }
        Recipient recipient =
            switch (form) {
              case PREVIOUS -> previousRecipient(entry);
              case VERSIONED -> versionedRecipient(entry);
            };
        if (recipient instanceof Text t && (t.text() < 0 || t.text() >= texts.size())) {
          throw refused("a delivery naming a text it does not carry");
        }
        to.add(recipient);
      }
      return new Delivery(texts, to);
    } catch (ClassCastException | IllegalArgumentException malformed) {
      throw refused("a delivery with a field missing or mistyped");
    }
  }

  /** The previous release's recipients carry no tag: their length tells them apart. */
  private static Recipient previousRecipient(JsonArray entry) {
    return switch (entry.size()) {
      case 2 -> new Text(required(entry, 0), requiredInt(entry, 1));
      case 3 -> new Close(required(entry, 0), requiredInt(entry, 1), entry.getString(2));
      default -> throw refused("an unversioned delivery recipient of " + entry.size() + " parts");
    };
  }

  private static Recipient versionedRecipient(JsonArray entry) {
    String tag = entry.isEmpty() ? "" : required(entry, 0);
    return switch (tag) {
      case "t" -> {
        requireSize(entry, 3, tag);
        yield new Text(required(entry, 1), requiredInt(entry, 2));
      }
      case "c" -> {
        requireSize(entry, 4, tag);
        yield new Close(required(entry, 1), requiredInt(entry, 2), entry.getString(3));
      }
      default -> throw refused("a delivery recipient tagged " + quoted(tag));
    };
  }

  private static void requireSize(JsonArray entry, int size, String tag) {
    if (entry.size() != size) {
      throw refused(
          "a delivery recipient tagged " + quoted(tag) + " of " + entry.size() + " parts");
    }
  }

  private static JsonObject start(Form form) {
    return form == Form.VERSIONED ? new JsonObject().put("v", VERSION) : new JsonObject();
  }

  private static JsonObject object(Object message, String what) {
    if (message instanceof JsonObject body) {
      return body;
    }
    throw refused(
        "a " + what + (message == null ? " without a body" : " that is not a JSON object"));
  }

  /** The form a message is in: the previous release's carries no version. */
  private static Form formOf(JsonObject body, String what) {
    if (!body.containsKey("v")) {
      return Form.PREVIOUS;
    }
    Object v = body.getValue("v");
    if ((v instanceof Integer || v instanceof Long) && ((Number) v).longValue() == VERSION) {
      return Form.VERSIONED;
    }
    throw refused("a " + what + " of version " + quoted(String.valueOf(v)));
  }

  private static String required(JsonObject body, String key) {
    String value = body.getString(key);
    if (value == null) {
      throw new IllegalArgumentException(key);
    }
    return value;
  }

  private static String required(JsonArray entry, int at) {
    String value = entry.getString(at);
    if (value == null) {
      throw new IllegalArgumentException(String.valueOf(at));
    }
    return value;
  }

  private static int requiredInt(JsonArray entry, int at) {
    Integer value = entry.getInteger(at);
    if (value == null) {
      throw new IllegalArgumentException(String.valueOf(at));
    }
    return value;
  }

  private static JsonArray requiredArray(JsonObject body, String key) {
    JsonArray value = body.getJsonArray(key);
    if (value == null) {
      throw new IllegalArgumentException(key);
    }
    return value;
  }

  /** A name from another node, kept short: it names a sort of refusal in the log. */
  private static String quoted(String name) {
    return "\"" + (name.length() > 32 ? name.substring(0, 32) + "…" : name) + "\"";
  }

  private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Sorts of refusal kept apart in the log; past that many, the rest are counted as one. */
  private static final int SORTS = 64;

  private static final Map<String, Refusals> refusals = new ConcurrentHashMap<>();

  /** One sort of refusal: when it was last logged and how many came since. */
  private static final class Refusals {
    boolean logged;
    long loggedAt;
    int since;
  }

  /**
   * The {@code node_version} problem for a message neither form describes, logged without its
   * content (it may hold a player's tokens): each sort the first time, then at most once a minute.
   */
  static Problem refused(String sort) {
    String key = refusals.size() >= SORTS && !refusals.containsKey(sort) ? "other" : sort;
    Refusals seen = refusals.computeIfAbsent(key, k -> new Refusals());
    long now = System.nanoTime();
    int unlogged = -1;
    synchronized (seen) {
      if (!seen.logged || now - seen.loggedAt >= LOG_EVERY_NANOS) {
        unlogged = seen.since;
        seen.logged = true;
        seen.loggedAt = now;
        seen.since = 0;
      } else {
        seen.since++;
      }
    }
    if (unlogged >= 0) {
      log.warn(
          "Refused {} from another node: neither this release nor the previous one sends that"
              + " (answered node_version){}",
          sort,
          unlogged == 0 ? "" : "; " + unlogged + " more of this sort since the last such line");
    }
    return new Problem(
        Problem.Kind.UNAVAILABLE,
        "node_version",
        "The room is on a server of another release; try again in a moment.");
  }
}
