package org.quizhall.http;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.quizhall.problem.Problem;
import org.quizhall.room.RoomCodes;
import org.quizhall.room.Rooms;
import org.quizhall.ws.Gateway;

/** The join link of an open room as a QR code (SVG), for the host's screen and the projector. */
final class JoinCodes {

  private final Rooms rooms;
  private final Gateway gateway;
  private final ClientAddress clientAddress;
  private final PublicSite site;

  JoinCodes(Rooms rooms, Gateway gateway, ClientAddress clientAddress, PublicSite site) {
    this.rooms = rooms;
    this.gateway = gateway;
    this.clientAddress = clientAddress;
    this.site = site;
  }

  void mount(Router router) {
    router.get("/api/rooms/:code/qr.svg").handler(this::qr);
  }

  private void qr(RoutingContext ctx) {
    // Whether a code exists is worth as much here as on the socket: both count against one limit.
    String address = clientAddress.of(ctx.request());
    String code = RoomCodes.normalise(ctx.pathParam("code"));
    gateway
        .joinGuard()
        .blocked(address)
        .compose(
            blocked -> {
              if (blocked) {
                gateway.joinLimited();
                return io.vertx.core.Future.failedFuture(
                    new Problem(
                        Problem.Kind.TOO_MANY_REQUESTS,
                        "rate_limited",
                        "Too many failed attempts from your address: wait a minute."));
              }
              // Any node's rooms: in a cluster the host's browser may reach another node than the
              // room's.
              return RoomCodes.wellFormed(code)
                  ? rooms.link(code).map(link -> link.isPresent())
                  : io.vertx.core.Future.succeededFuture(false);
            })
        .onSuccess(
            found -> {
              if (!found) {
                gateway
                    .joinGuard()
                    .failed(address)
                    .onComplete(
                        counted ->
                            ctx.fail(
                                Problem.notFound(
                                    "room_not_found", "There is no open room with that code.")));
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", "image/svg+xml")
                  .putHeader("Cache-Control", "no-store")
                  .end(svg(site.joinUrl(ctx, code)));
            })
        .onFailure(ctx::fail);
  }

  static String svg(String text) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
    } catch (WriterException e) {
      throw new IllegalStateException("a join link always fits in a QR code", e);
    }
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of the join link\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }
}
