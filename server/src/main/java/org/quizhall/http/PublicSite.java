package org.quizhall.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How Quizhall is reached from outside: the address players open (for join links and QR codes), the
 * host names requests may name (a page on another name reaching this server through DNS rebinding
 * is refused), and who may read {@code /metrics}. {@code networkAddresses} are this machine's
 * private addresses, found at start-up, for phones on the same network.
 */
public record PublicSite(
    Optional<String> publicUrl,
    List<String> allowedHosts,
    Optional<String> metricsToken,
    ClientAddress clientAddress,
    List<String> networkAddresses) {

  /**
   * Refuses a request whose Host is not an allowed name, when names are configured; health checks
   * and /metrics (guarded on their own) always pass, since probes and scrapers name the node, not
   * the public host.
   */
  void checkHost(RoutingContext ctx) {
    if (allowedHosts.isEmpty()
        || ctx.request().path().startsWith("/health/")
        || ctx.request().path().equals("/metrics")) {
      ctx.next();
      return;
    }
    String authority = ctx.request().authority() == null ? "" : ctx.request().authority().host();
    String host = authority.toLowerCase(Locale.ROOT);
    boolean allowed =
        allowedHosts.contains(host)
            || publicUrl
                .map(
                    url ->
                        url.toLowerCase(Locale.ROOT)
                            .replaceFirst("^https?://", "")
                            .replaceFirst(":\\d+$", ""))
                .filter(host::equals)
                .isPresent();
    if (allowed) {
      ctx.next();
    } else {
      ApiErrors.send(
          ctx.response(), 421, "unknown_host", "This server does not answer for that host name.");
    }
  }

  /** Strict-Transport-Security where players reach Quizhall over TLS. */
  boolean https(HttpServerRequest request) {
    return request.isSSL()
        || publicUrl.filter(url -> url.startsWith("https://")).isPresent()
        || clientAddress.fromTrustedProxy(request)
            && "https".equals(request.getHeader("X-Forwarded-Proto"));
  }

  /**
   * /metrics for whoever holds the configured bearer token, or without one for this machine only (a
   * Prometheus beside the server); anyone else is told there is nothing here.
   */
  void guardMetrics(RoutingContext ctx) {
    boolean allowed;
    if (metricsToken.isPresent()) {
      String header = ctx.request().getHeader("Authorization");
      String expected = "Bearer " + metricsToken.get();
      allowed =
          header != null
              && MessageDigest.isEqual(
                  header.getBytes(StandardCharsets.UTF_8),
                  expected.getBytes(StandardCharsets.UTF_8));
    } else {
      // The connection itself must come from this machine, and carry no forwarding header: a proxy
      // on this
      // machine that is not listed as trusted would otherwise make every visitor look local.
      HttpServerRequest request = ctx.request();
      allowed =
          request.remoteAddress() != null
              && loopback(request.remoteAddress().hostAddress())
              && request.getHeader("X-Forwarded-For") == null
              && request.getHeader("Forwarded") == null;
    }
    if (allowed) {
      ctx.next();
    } else {
      ApiErrors.notFound(ctx);
    }
  }

  /**
   * The link players open for a room: on the public URL when one is set, else on the address the
   * host used, unless that is localhost, which no phone can open: then on this machine's first
   * network address, at the same port.
   */
  String joinUrl(RoutingContext ctx, String code) {
    if (publicUrl.isPresent()) {
      return publicUrl.get() + "/join/" + code;
    }
    String scheme = https(ctx.request()) ? "https" : ctx.request().scheme();
    HostAndPort authority = ctx.request().authority();
    if (authority == null || loopbackName(authority.host())) {
      // Only an address this server answers for: with host names configured, one not among them
      // would get 421.
      java.util.Optional<String> reachable =
          networkAddresses.stream()
              .filter(a -> allowedHosts.isEmpty() || allowedHosts.contains(a))
              .findFirst();
      if (reachable.isPresent()) {
        String port = authority == null || authority.port() < 0 ? "" : ":" + authority.port();
        return scheme + "://" + reachable.get() + port + "/join/" + code;
      }
      if (authority == null) {
        return scheme + "://localhost/join/" + code;
      }
    }
    return scheme + "://" + authority + "/join/" + code;
  }

  /** localhost, a name under it, or a loopback IP literal. */
  private static boolean loopbackName(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    return loopback(
        name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name);
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
