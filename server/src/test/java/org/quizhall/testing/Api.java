package org.quizhall.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;

/**
 * A real HTTP client for a test server, written for readable tests: each call waits for its answer.
 */
public final class Api implements AutoCloseable {

  private final WebClient client;

  public Api(Vertx vertx, int port) {
    this.client =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  public HttpResponse<Buffer> send(
      HttpMethod method, String path, String token, String contentType, Buffer body) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return (body == null ? request.send() : request.sendBuffer(body)).await();
  }

  /**
   * A request with a raw Authorization header (a guest's {@code Player <resumeToken>}), or none
   * when null.
   */
  public HttpResponse<Buffer> sendAs(
      HttpMethod method, String path, String authorization, String contentType, Buffer body) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return (body == null ? request.send() : request.sendBuffer(body)).await();
  }

  public HttpResponse<Buffer> postJson(String path, JsonObject body) {
    return postJson(path, body, null);
  }

  public HttpResponse<Buffer> postJson(String path, JsonObject body, String token) {
    return send(HttpMethod.POST, path, token, "application/json", body.toBuffer());
  }

  public HttpResponse<Buffer> patchJson(String path, JsonObject body, String token) {
    return send(HttpMethod.PATCH, path, token, "application/json", body.toBuffer());
  }

  public HttpResponse<Buffer> putJson(String path, JsonObject body, String token) {
    return send(HttpMethod.PUT, path, token, "application/json", body.toBuffer());
  }

  /**
   * A file sent as a browser's form sends it: {@code multipart/form-data} with the file in the
   * field {@code file} and the other fields ({@code title}, {@code public}) beside it.
   */
  public HttpResponse<Buffer> upload(
      HttpMethod method,
      String path,
      String token,
      String fileName,
      String mediaType,
      byte[] bytes,
      java.util.Map<String, String> fields) {
    MultipartForm form = MultipartForm.create();
    fields.forEach(form::attribute);
    form.binaryFileUpload("file", fileName, Buffer.buffer(bytes), mediaType);
    return sendForm(method, path, token, form);
  }

  public HttpResponse<Buffer> sendForm(
      HttpMethod method, String path, String token, MultipartForm form) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.sendMultipartForm(form).await();
  }

  public HttpResponse<Buffer> get(String path) {
    return get(path, null);
  }

  public HttpResponse<Buffer> get(String path, String token) {
    return send(HttpMethod.GET, path, token, null, null);
  }

  /** A GET with a raw Authorization header, for schemes other than Bearer. */
  public HttpResponse<Buffer> getWithAuthorization(String path, String authorization) {
    return client.get(path).putHeader("Authorization", authorization).send().await();
  }

  public HttpResponse<Buffer> delete(String path, String token) {
    return send(HttpMethod.DELETE, path, token, null, null);
  }

  /**
   * The value of one metric on /metrics: {@code name} (its first series when it has labels), or
   * {@code name{label="value"} for the series whose labels begin so.
   */
  public double metric(String name) {
    for (String line : get("/metrics").bodyAsString().split("\n")) {
      if (name.contains("{")
          ? line.startsWith(name)
          : line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no metric " + name + " on /metrics");
  }

  /** Whether a response's body is the API's error shape: {@code {"error":{"code","message"}}}. */
  public static boolean isErrorJson(HttpResponse<Buffer> response) {
    try {
      JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
      return error != null && error.getString("code") != null && error.getString("message") != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The id of the first deck the signed-in user sees: the sample deck, on a new server. */
  public String firstDeckId(String token) {
    return get("/api/decks", token).bodyAsJsonArray().getJsonObject(0).getString("id");
  }

  /**
   * Opens a live room on a deck; the answer carries its {@code code}, {@code hostToken} and {@code
   * gameId}. Without the 3-2-1 lead-in, so the first question takes answers as soon as it is asked.
   */
  public JsonObject openRoom(
      String token, String deckId, int questionCount, int secondsPerQuestion) {
    HttpResponse<Buffer> created =
        postJson(
            "/api/rooms",
            new JsonObject()
                .put("deckId", deckId)
                .put("questionCount", questionCount)
                .put("secondsPerQuestion", secondsPerQuestion)
                .put("leadIn", false),
            token);
    if (created.statusCode() != 201) {
      throw new AssertionError(
          "could not open a room: " + created.statusCode() + " " + created.bodyAsString());
    }
    return created.bodyAsJsonObject();
  }

  /** Signs up (if needed) and signs in, returning the bearer token. */
  public String signUpAndIn(String username, String password) {
    JsonObject credentials = new JsonObject().put("username", username).put("password", password);
    postJson("/api/accounts", credentials);
    HttpResponse<Buffer> session = postJson("/api/sessions", credentials);
    if (session.statusCode() != 200) {
      throw new IllegalStateException("sign-in failed: " + session.bodyAsString());
    }
    return session.bodyAsJsonObject().getString("token");
  }

  @Override
  public void close() {
    client.close();
  }

  /** The error code of a JSON error response. */
  public static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  public static String errorMessage(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("message");
  }
}
