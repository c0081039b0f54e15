package org.quizhall.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling Quizhall's fan-out is compared with: a bare Vert.x WebSocket server that, when a
 * client sends {@code go}, sends one question-sized message to every connected socket, serialised
 * once, from one event loop, as a room does. No rooms, rules, database or validation. {@code java
 * -cp quizhall-bench.jar org.quizhall.bench.BareServer <port>}
 */
public final class BareServer {

  private BareServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    List<ServerWebSocket> sockets = new ArrayList<>();
    Object lock = new Object();
    vertx
        .createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1"))
        .webSocketHandler(
            socket -> {
              synchronized (lock) {
                sockets.add(socket);
              }
              socket.closeHandler(
                  v -> {
                    synchronized (lock) {
                      sockets.remove(socket);
                    }
                  });
              socket.textMessageHandler(
                  text -> {
                    if (!text.startsWith("go")) {
                      return;
                    }
                    String message =
                        new JsonObject()
                            .put("v", 1)
                            .put("type", "question")
                            .put("index", Integer.parseInt(text.substring(3)))
                            .put(
                                "prompt",
                                "Which of these is one of the AWS services that can trigger Lambda?")
                            .put("options", List.of("Route 53", "CloudFront", "S3", "Glacier"))
                            .put("sentAt", System.currentTimeMillis())
                            .encode();
                    List<ServerWebSocket> all;
                    synchronized (lock) {
                      all = new ArrayList<>(sockets);
                    }
                    for (ServerWebSocket each : all) {
                      each.writeTextMessage(message);
                    }
                  });
            })
        .listen()
        .onSuccess(
            server ->
                System.out.println("bare broadcast server on 127.0.0.1:" + server.actualPort()))
        .onFailure(
            e -> {
              e.printStackTrace();
              System.exit(1);
            });
  }
}
