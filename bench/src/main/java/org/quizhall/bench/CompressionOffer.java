package org.quizhall.bench;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * What the simulated players' sockets offer in {@code Sec-WebSocket-Extensions}. Each is one the
 * client can then speak: Vert.x's client does the compression, and the header is completed so that
 * the offer reads as the browser's does (Vert.x's client alone would offer a bare {@code
 * permessage-deflate}).
 */
enum CompressionOffer {
  /** No extension offered, as the load generators did before browsers were imitated. */
  NONE(null),

  /**
   * What Chromium offers on every WebSocket: compression with the full 32 KB window both ways and
   * context kept between messages unless the server says otherwise.
   */
  BROWSER("permessage-deflate; client_max_window_bits"),

  /**
   * Compression that keeps no state between messages in either direction, so a quiet socket holds
   * no zlib memory. No browser offers this; it shows what the server would hold if one did.
   */
  NO_CONTEXT("permessage-deflate; client_no_context_takeover; server_no_context_takeover");

  /** The header's value, or null for none. */
  final String header;

  CompressionOffer(String header) {
    this.header = header;
  }

  WebSocketClientOptions configure(WebSocketClientOptions options) {
    return options
        .setTryUsePerMessageCompression(this != NONE)
        .setCompressionAllowClientNoContext(this == NO_CONTEXT)
        .setCompressionRequestServerNoContext(this == NO_CONTEXT);
  }

  WebSocketConnectOptions configure(WebSocketConnectOptions options) {
    return header == null ? options : options.addHeader("Sec-WebSocket-Extensions", header);
  }
}
