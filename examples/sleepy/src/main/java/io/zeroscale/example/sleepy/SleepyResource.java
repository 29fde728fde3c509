package io.zeroscale.example.sleepy;

import io.smallrye.common.annotation.Blocking;
import io.zeroscale.runtime.RuntimeConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /?sleepMs=100&cpuMs=5}: sleeps, burns CPU, then answers with what it did. Runs on a
 * worker thread ({@link Blocking}), never on an event loop, so a sleeping request does not hold up
 * others.
 */
@Path("/")
public class SleepyResource {

  static final long MAX_SLEEP_MS = 300_000;
  static final long MAX_CPU_MS = 60_000;

  /** Default delay when the request does not say; {@code SLEEP_MS} in the environment. */
  @ConfigProperty(name = "sleep-ms", defaultValue = "100")
  long defaultSleepMs;

  /** Default CPU burn when the request does not say; {@code CPU_MS} in the environment. */
  @ConfigProperty(name = "cpu-ms", defaultValue = "5")
  long defaultCpuMs;

  @Inject RuntimeConfig runtime;

  @GET
  @Blocking
  @Produces(MediaType.APPLICATION_JSON)
  public SleepyAnswer sleep(@QueryParam("sleepMs") Long sleepMs, @QueryParam("cpuMs") Long cpuMs)
      throws InterruptedException {
    long sleep = bounded("sleepMs", sleepMs == null ? defaultSleepMs : sleepMs, MAX_SLEEP_MS);
    long cpu = bounded("cpuMs", cpuMs == null ? defaultCpuMs : cpuMs, MAX_CPU_MS);
    long start = System.nanoTime();
    Thread.sleep(sleep);
    long slept = (System.nanoTime() - start) / 1_000_000L;
    long burnt = CpuBurner.burn(cpu);
    return new SleepyAnswer(slept, burnt, runtime.replica().orElse("unknown"));
  }

  private static long bounded(String name, long value, long max) {
    if (value < 0 || value > max) {
      // The message goes in the body: a bare 400 would not say what to fix.
      throw new WebApplicationException(
          Response.status(Response.Status.BAD_REQUEST)
              .type(MediaType.TEXT_PLAIN)
              .entity(name + " must be between 0 and " + max + " milliseconds, was " + value + "\n")
              .build());
    }
    return value;
  }
}
