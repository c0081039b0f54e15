package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicLong;
import org.quizhall.notes.DocumentText;
import org.quizhall.notes.NotesFile;
import org.quizhall.problem.Problem;

/**
 * A notes file sent as {@code multipart/form-data}: a {@code file} part, and optional {@code title}
 * and {@code public} fields. The file is read into memory as it arrives, never past {@link
 * DocumentText#MAX_FILE_BYTES}: a request that says it is larger is refused before a byte of it is
 * read, one that grows larger as soon as it does, and either way the connection is closed rather
 * than read to its end. What all uploads in flight hold together is capped too.
 */
final class UploadForm {

  /**
   * What the form's boundaries and its other fields may add to the file; the fields are small
   * (Vert.x limits them).
   */
  static final long FORM_OVERHEAD = 64 * 1024;

  static final long BODY_LIMIT = DocumentText.MAX_FILE_BYTES + FORM_OVERHEAD;

  /**
   * Bytes of uploads held in memory at once, over the whole server (eight files of the largest
   * size): past it an upload is refused for now with 503 {@code uploads_busy}, so many at once
   * cannot exhaust the heap.
   */
  static final long HELD_LIMIT = 8L * DocumentText.MAX_FILE_BYTES;

  private static final AtomicLong held = new AtomicLong();

  /**
   * Uploads one account may be sending at once, and how long sending one may take: so that one
   * account cannot hold the whole budget with slow uploads and leave everyone else busy.
   */
  static final int PER_ACCOUNT = 2;

  static final long SEND_WITHIN_MS = 120_000;
  private static final java.util.concurrent.ConcurrentHashMap<java.util.UUID, Integer> sending =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Set on a request whose body is not read on: its connection closes once the answer is sent. */
  private static final String CLOSE = "quizhall.upload.close";

  /** What was sent; {@code isPublic} is null when the form does not say. */
  record Sent(NotesFile file, String title, Boolean isPublic) {}

  private UploadForm() {}

  static boolean isMultipart(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    return type != null && JsonBodies.mediaType(type).equals("multipart/form-data");
  }

  /**
   * Pauses the request, so that nothing of its body is lost while the caller is checked. A body
   * still unread once the answer is sent (the caller was refused before the form was read) is read
   * and dropped, up to the limit, so the connection can serve the client's next request; a body
   * refused for its size is not read at all: its connection closes. (On HTTP/2 the stream ends
   * alone and the connection's other streams stay.)
   */
  static void hold(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    request.pause();
    ctx.addEndHandler(
        done -> {
          if (request.isEnded() || request.version() == HttpVersion.HTTP_2) {
            return;
          }
          if (Boolean.TRUE.equals(ctx.get(CLOSE))) {
            request.connection().close();
            return;
          }
          long[] left = {BODY_LIMIT};
          request.handler(
              chunk -> {
                left[0] -= chunk.length();
                if (left[0] < 0) {
                  request.connection().close();
                }
              });
          request.exceptionHandler(e -> request.connection().close());
          request.endHandler(v -> {});
          request.resume();
        });
  }

  /**
   * Reads the form of a request {@link #hold held} until now, sent by {@code account}; the file is
   * refused past the limit, past {@link #PER_ACCOUNT} uploads of the account under way, or when
   * sending it takes longer than {@link #SEND_WITHIN_MS}.
   */
  static Future<Sent> read(RoutingContext ctx, java.util.UUID account) {
    HttpServerRequest request = ctx.request();
    long declared = contentLength(request);
    if (declared > BODY_LIMIT) {
      return refuse(ctx, DocumentText.fileTooLarge(declared - FORM_OVERHEAD));
    }
    if (sending.merge(account, 1, Integer::sum) > PER_ACCOUNT) {
      sending.computeIfPresent(account, (k, n) -> n <= 1 ? null : n - 1);
      return refuse(
          ctx,
          new Problem(
              Problem.Kind.TOO_MANY_REQUESTS,
              "uploads_busy",
              "Two of your files are on their way already: wait for one of them to arrive."));
    }
    ctx.addEndHandler(done -> sending.computeIfPresent(account, (k, n) -> n <= 1 ? null : n - 1));
    long[] reserved = {0};
    ctx.addEndHandler(done -> held.addAndGet(-reserved[0]));
    if (declared > 0 && !reserve(reserved, declared)) {
      return refuse(ctx, busy());
    }
    Promise<Sent> sent = Promise.promise();
    Buffer[] file = {null};
    String[] name = {null};
    String[] type = {null};
    long[] received = {0};
    try {
      request.setExpectMultipart(true);
    } catch (IllegalStateException ended) {
      return Future.failedFuture(
          Problem.invalid("no_file", "Choose a file to upload: the form is empty."));
    } catch (RuntimeException badHeader) {
      // A boundary or charset the form decoder cannot use ("boundary=", "charset=nope"): the
      // client's to fix.
      return refuse(
          ctx,
          Problem.invalid(
              "malformed_form",
              "The form could not be read: send the file as multipart/form-data in a field named file."));
    }
    request.uploadHandler(
        upload -> {
          if (!"file".equals(upload.name()) || file[0] != null) {
            // Another file, or a second one: not kept, but its bytes still count against the limit
            // below.
            upload.handler(ignored -> {});
            return;
          }
          file[0] = Buffer.buffer();
          name[0] = upload.filename();
          type[0] = upload.contentType();
          upload.handler(
              chunk -> {
                if (sent.future().isComplete()) {
                  return;
                }
                if (file[0].length() + chunk.length() > DocumentText.MAX_FILE_BYTES) {
                  fail(ctx, sent, DocumentText.fileTooLarge(0));
                } else if (declared <= 0 && !reserve(reserved, chunk.length())) {
                  fail(ctx, sent, busy());
                } else {
                  file[0].appendBuffer(chunk);
                }
              });
        });
    request.handler(
        chunk -> {
          received[0] += chunk.length();
          if (received[0] > BODY_LIMIT && !sent.future().isComplete()) {
            fail(ctx, sent, DocumentText.fileTooLarge(0));
          }
        });
    request.exceptionHandler(
        e -> {
          if (!sent.future().isComplete()) {
            fail(
                ctx,
                sent,
                Problem.invalid(
                    "malformed_form",
                    "The form could not be read: send the file as multipart/form-data in a field named file."));
          }
        });
    request.endHandler(
        v -> {
          if (sent.future().isComplete()) {
            return;
          }
          if (file[0] == null) {
            sent.tryFail(
                Problem.invalid(
                    "no_file", "Choose a file to upload: the form has no field named file."));
            return;
          }
          try {
            sent.tryComplete(
                new Sent(
                    new NotesFile(name[0], type[0], file[0].getBytes()),
                    field(request, "title"),
                    isPublic(request)));
          } catch (Problem problem) {
            sent.tryFail(problem);
          }
        });
    long slow =
        ctx.vertx()
            .setTimer(
                SEND_WITHIN_MS,
                t -> {
                  if (!sent.future().isComplete()) {
                    fail(
                        ctx,
                        sent,
                        new Problem(
                            Problem.Kind.UNPROCESSABLE,
                            "upload_too_slow",
                            "The file took more than "
                                + SEND_WITHIN_MS / 1000
                                + " s to arrive: try again on a steadier connection."));
                  }
                });
    sent.future().onComplete(done -> ctx.vertx().cancelTimer(slow));
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
        && request.version() != HttpVersion.HTTP_1_0) {
      ctx.response().writeContinue();
    }
    request.resume();
    return sent.future();
  }

  /**
   * Takes {@code bytes} more of the budget for this upload, or none if that would pass the limit.
   */
  private static boolean reserve(long[] reserved, long bytes) {
    if (held.addAndGet(bytes) > HELD_LIMIT) {
      held.addAndGet(-bytes);
      return false;
    }
    reserved[0] += bytes;
    return true;
  }

  private static Problem busy() {
    return new Problem(
        Problem.Kind.UNAVAILABLE,
        "uploads_busy",
        "The server is receiving many files at the moment: try again in a few seconds.");
  }

  private static String field(HttpServerRequest request, String name) {
    String value = request.getFormAttribute(name);
    if (value != null && value.indexOf(0) >= 0) {
      throw Problem.invalid("invalid_field", name + " must not contain a NUL character.");
    }
    return value;
  }

  private static Boolean isPublic(HttpServerRequest request) {
    String value = field(request, "public");
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value) {
      case "true", "on" -> true;
      case "false", "off" -> false;
      default -> throw Problem.invalid("invalid_field", "public must be true or false.");
    };
  }

  private static long contentLength(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Refuses the upload without reading (any more of) it: the connection closes after the answer,
   * see {@link #hold}.
   */
  private static <T> Future<T> refuse(RoutingContext ctx, Problem problem) {
    ctx.request().pause();
    ctx.put(CLOSE, true);
    if (ctx.request().version() != HttpVersion.HTTP_2) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    }
    return Future.failedFuture(problem);
  }

  private static void fail(RoutingContext ctx, Promise<Sent> sent, Problem problem) {
    refuse(ctx, problem).onFailure(sent::tryFail);
  }
}
