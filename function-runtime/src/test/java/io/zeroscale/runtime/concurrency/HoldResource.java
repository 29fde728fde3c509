package io.zeroscale.runtime.concurrency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds a request until the test lets it go, so the test knows exactly what is in flight. */
@Path("/hold")
public class HoldResource {

  static volatile CountDownLatch entered = new CountDownLatch(1);
  static volatile CountDownLatch release = new CountDownLatch(1);

  static void reset() {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  @GET
  public String hold() throws InterruptedException {
    entered.countDown();
    return release.await(20, TimeUnit.SECONDS) ? "released" : "timed out";
  }

  @GET
  @Path("/now")
  public String now() {
    return "ok";
  }
}
