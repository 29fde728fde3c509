package io.zeroscale.loadtest.generator;

import java.util.List;
import java.util.Map;

/**
 * What one load run measured.
 *
 * @param mode {@code open} (constant arrival rate) or {@code closed} (N clients back to back)
 * @param rate requested arrival rate per second (open loop), 0 for closed loop
 * @param connections most connections the client opened (closed loop: the clients)
 * @param sendSeconds how long issuing the requests took: for an open loop the arrival window
 *     actually achieved (a slow client would stretch it), for a closed loop the run's length
 * @param sent requests started
 * @param answered requests that got an HTTP response, whatever its status
 * @param ok responses with a 2xx status
 * @param lost requests that did not get a 2xx: error statuses, failures and no answer
 * @param throughput responses per second over the run
 * @param latency from the intended send time (open loop) or the send (closed loop)
 * @param outcomes counts by status code ({@code 200}, {@code 503}) or failure ({@code
 *     error:ConnectException}, {@code unanswered})
 */
public record LoadResult(
    String target,
    String mode,
    int rate,
    int connections,
    double seconds,
    double sendSeconds,
    long sent,
    long answered,
    long ok,
    long lost,
    double throughput,
    LatencySummary latency,
    Map<String, Long> outcomes,
    List<IntervalSample> timeline) {}
