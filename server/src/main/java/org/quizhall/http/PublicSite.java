package org.quizhall.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How Quizhall is reached from outside: the address players open (for join links and QR codes), the host names
 * requests may name (a page on another name reaching this server through DNS rebinding is refused), and who may
 * read {@code /metrics}.
 */
public record PublicSite(Optional<String> publicUrl, List<String> allowedHosts, Optional<String> metricsToken,
                         ClientAddress clientAddress) {

  /**
   * Refuses a request whose Host is not an allowed name, when names are configured; health checks and /metrics
   * (guarded on their own) always pass, since probes and scrapers name the node, not the public host.
   */
  void checkHost(RoutingContext ctx) {
    if (allowedHosts.isEmpty() || ctx.request().path().startsWith("/health/") || ctx.request().path().equals("/metrics")) {
      ctx.next();
      return;
    }
    String authority = ctx.request().authority() == null ? "" : ctx.request().authority().host();
    String host = authority.toLowerCase(Locale.ROOT);
    boolean allowed = allowedHosts.contains(host)
        || publicUrl.map(url -> url.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst(":\\d+$", ""))
            .filter(host::equals).isPresent();
    if (allowed) {
      ctx.next();
    } else {
      ApiErrors.send(ctx.response(), 421, "unknown_host", "This server does not answer for that host name.");
    }
  }

  /** Strict-Transport-Security where players reach Quizhall over TLS. */
  boolean https(HttpServerRequest request) {
    return request.isSSL()
        || publicUrl.filter(url -> url.startsWith("https://")).isPresent()
        || clientAddress.fromTrustedProxy(request) && "https".equals(request.getHeader("X-Forwarded-Proto"));
  }

  /**
   * /metrics for whoever holds the configured bearer token, or without one for this machine only (a Prometheus
   * beside the server); anyone else is told there is nothing here.
   */
  void guardMetrics(RoutingContext ctx) {
    boolean allowed;
    if (metricsToken.isPresent()) {
      String header = ctx.request().getHeader("Authorization");
      String expected = "Bearer " + metricsToken.get();
      allowed = header != null && MessageDigest.isEqual(
          header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    } else {
      // The connection itself must come from this machine, and carry no forwarding header: a proxy on this
      // machine that is not listed as trusted would otherwise make every visitor look local.
      HttpServerRequest request = ctx.request();
      allowed = request.remoteAddress() != null && loopback(request.remoteAddress().hostAddress())
          && request.getHeader("X-Forwarded-For") == null && request.getHeader("Forwarded") == null;
    }
    if (allowed) {
      ctx.next();
    } else {
      ApiErrors.notFound(ctx);
    }
  }

  /** The link players open for a room: on the public URL when one is set, else on the address the host used. */
  String joinUrl(RoutingContext ctx, String code) {
    if (publicUrl.isPresent()) {
      return publicUrl.get() + "/join/" + code;
    }
    String host = ctx.request().authority() == null ? "localhost" : ctx.request().authority().toString();
    return (https(ctx.request()) ? "https" : ctx.request().scheme()) + "://" + host + "/join/" + code;
  }

  /** An IP literal on loopback; never a name look-up (this runs on an event loop). */
  private static boolean loopback(String address) {
    byte[] bytes = io.netty.util.NetUtil.createByteArrayFromIpAddressString(address);
    try {
      return bytes != null && InetAddress.getByAddress(bytes).isLoopbackAddress();
    } catch (java.net.UnknownHostException impossible) {
      return false;
    }
  }
}
